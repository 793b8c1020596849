/** @jsxImportSource hono/jsx */
// The developer's applications: the list with "Create application", each app's settings page, and deleting an app.
import { Hono, type Context } from "hono";
import type { Deps } from "../../deps";
import { fieldErrors, type FieldErrors } from "../../lib/field-errors";
import { readForm } from "../../lib/form-body";
import { refusePrivateWebhook } from "../../lib/network";
import { AppsPage, DeleteAppPage, type NewAppValues } from "../../pages/dashboard/apps-page";
import { appPath, MessagePage } from "../../pages/dashboard/layout";
import { SettingsPage, settingsValuesOf, type SettingsValues } from "../../pages/dashboard/settings-page";
import type { Store } from "../../store";
import type { Developer } from "../../store/developers";
import { appRegistrationSchema, appSettingsSchema } from "./forms";
import { chromeFor, ownsApp, signedIn, type AppEnv } from "./session";
import { href, renderPage } from "../../lib/base-path";

const EMPTY_APP: NewAppValues = { name: "", support_email: "", redirect_uris: "" };

/** The same page for "no such app" and "not your app", so client ids of others cannot be probed. */
export async function appNotFound(c: Context, store: Store) {
  const developer = c.get("developer") as Developer | undefined;
  const chrome = developer ? await chromeFor(store, developer) : undefined;
  const message = "There is no application with this client id in your account.";
  return renderPage(
    c,
    <MessagePage
      title="Application not found"
      message={message}
      chrome={chrome}
      link={{ href: "/dashboard", label: "Back to your applications" }}
    />,
    404,
  );
}

/** No-store: these pages can show the client secret. */
const noStore = (c: Context) => c.header("Cache-Control", "no-store");

export function dashboardAppRoutes({ store, clocks, loopbackOnly, hosted }: Deps) {
  const app = new Hono<AppEnv>();
  const auth = signedIn(store);
  const owned = ownsApp(store, (c) => appNotFound(c, store));

  async function renderList(c: Context<AppEnv>, values: NewAppValues, errors: FieldErrors, status: 200 | 400 = 200) {
    const developer = c.get("developer");
    const [apps, counts] = await Promise.all([
      store.apps.listByDeveloper(developer.id),
      store.dashboard.userCounts(developer.id),
    ]);
    const rows = apps.map((app) => ({ app, userCount: counts.get(app.clientId) ?? 0 }));
    const chrome = await chromeFor(store, developer);
    const deleted = c.req.query("deleted");
    return renderPage(
      c,
      <AppsPage chrome={chrome} apps={rows} values={values} errors={errors} deleted={deleted} />,
      status,
    );
  }

  app.get("/dashboard", auth, (c) => renderList(c, EMPTY_APP, {}));

  // Post/Redirect/Get: every successful POST answers 303, so reloading the page it leads to changes nothing.
  app.post("/dashboard/apps", auth, async (c) => {
    const form = await readForm(c);
    const values = {
      name: form.name ?? "",
      support_email: form.support_email ?? "",
      redirect_uris: form.redirect_uris ?? "",
    };
    const parsed = appRegistrationSchema.safeParse(values);
    if (!parsed.success) return renderList(c, values, fieldErrors(parsed.error), 400);
    const created = await store.apps.createForDeveloper(
      c.get("developer").id,
      {
        name: parsed.data.name,
        supportEmail: parsed.data.support_email,
        redirectUris: parsed.data.redirect_uris,
        // Astra's guide has you switch test numbers on in Sandbox Settings, so a new app starts without them.
        testPhonesEnabled: false,
      },
      clocks.base.now(),
    );
    return c.redirect(href(c, `${appPath(created.clientId)}?created=1`), 303);
  });

  const renderSettings = async (c: Context<AppEnv>, values: SettingsValues, errors: FieldErrors, status: 200 | 400) => {
    const current = c.get("app");
    const chrome = await chromeFor(store, c.get("developer"), { app: current, tab: "settings" });
    const query = c.req.query();
    const notice = query.created ? "created" : query.saved ? "saved" : undefined;
    noStore(c);
    return renderPage(
      c,
      <SettingsPage
        chrome={chrome}
        app={current}
        values={values}
        errors={errors}
        notice={notice}
        revealSecret={query.created === "1" || query.reveal === "1"}
      />,
      status,
    );
  };

  app.get("/dashboard/apps/:clientId", auth, owned, (c) => {
    const values = settingsValuesOf(c.get("app"));
    // From the module's "Redirect URI not registered" page: the missing URI, typed in but not saved yet.
    const adding = c.req.query("add_redirect_uri")?.trim().slice(0, 2000);
    if (adding && !c.get("app").redirectUris.includes(adding)) values.redirect_uris += `\n${adding}`;
    return renderSettings(c, values, {}, 200);
  });

  app.post("/dashboard/apps/:clientId/reveal-secret", auth, owned, (c) =>
    c.redirect(href(c, `${appPath(c.get("app").clientId)}?reveal=1#keys-heading`), 303),
  );

  app.post("/dashboard/apps/:clientId", auth, owned, async (c) => {
    const current = c.get("app");
    const form = await readForm(c);
    const ownOrigins = hosted?.ownOrigins(c.req.raw) ?? [];
    const parsed = appSettingsSchema.superRefine(refusePrivateWebhook({ loopbackOnly, ownOrigins })).safeParse(form);
    if (!parsed.success) {
      const values: SettingsValues = {
        name: form.name ?? "",
        support_email: form.support_email ?? "",
        redirect_uris: form.redirect_uris ?? "",
        webhook_url: form.webhook_url ?? "",
        show_test_codes: form.show_test_codes !== undefined,
        test_phones_enabled: form.test_phones_enabled !== undefined,
        debit_enabled: form.debit_enabled !== undefined,
        instant_speeds_enabled: form.instant_speeds_enabled !== undefined,
      };
      return renderSettings(c, values, fieldErrors(parsed.error), 400);
    }
    await store.apps.updateSettings(current.clientId, {
      name: parsed.data.name,
      supportEmail: parsed.data.support_email,
      redirectUris: parsed.data.redirect_uris,
      webhookUrl: parsed.data.webhook_url,
      showTestCodes: parsed.data.show_test_codes,
      testPhonesEnabled: parsed.data.test_phones_enabled,
      debitEnabled: parsed.data.debit_enabled,
      instantSpeedsEnabled: parsed.data.instant_speeds_enabled,
    });
    return c.redirect(href(c, `${appPath(current.clientId)}?saved=1`), 303);
  });

  app.get("/dashboard/apps/:clientId/delete", auth, owned, async (c) => {
    const current = c.get("app");
    const [chrome, counts] = await Promise.all([
      chromeFor(store, c.get("developer"), { app: current, tab: "settings" }),
      store.dashboard.userCounts(c.get("developer").id),
    ]);
    return renderPage(c, <DeleteAppPage chrome={chrome} app={current} userCount={counts.get(current.clientId) ?? 0} />);
  });

  app.post("/dashboard/apps/:clientId/delete", auth, owned, async (c) => {
    const current = c.get("app");
    await store.dashboard.deleteApp(c.get("developer").id, current.clientId);
    return c.redirect(href(c, `/dashboard?deleted=${encodeURIComponent(current.name)}`), 303);
  });

  return app;
}
