/** @jsxImportSource hono/jsx */
// The developer's applications: the list with "Create application", and each app's settings page.
import { Hono, type Context } from "hono";
import type { Deps } from "../../app";
import { refusePrivateWebhook } from "../../lib/network";
import { AppsPage, KeysPage, type NewAppValues } from "../../pages/dashboard/apps-page";
import { MessagePage } from "../../pages/dashboard/layout";
import { SettingsPage, settingsValuesOf } from "../../pages/dashboard/settings-page";
import type { Store } from "../../store";
import type { Developer } from "../../store/developers";
import { appRegistrationSchema, appSettingsSchema, fieldErrors, type FieldErrors } from "./forms";
import { chromeFor, ownsApp, readForm, signedIn, type AppEnv } from "./session";

const EMPTY_APP: NewAppValues = { name: "", support_email: "", redirect_uris: "" };

/** The same page for "no such app" and "not your app", so client ids of others cannot be probed. */
export async function appNotFound(c: Context, store: Store) {
  const developer = c.get("developer") as Developer | undefined;
  const chrome = developer ? await chromeFor(store, developer) : undefined;
  const message = "There is no application with this client id in your account.";
  return c.html(
    <MessagePage title="Application not found" message={message} chrome={chrome} link={{ href: "/dashboard", label: "Back to your applications" }} />,
    404,
  );
}

/** No-store: these pages can show the client secret. */
const noStore = (c: Context) => c.header("Cache-Control", "no-store");

export function dashboardAppRoutes({ store, clocks, loopbackOnly }: Deps) {
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
    return c.html(<AppsPage chrome={chrome} apps={rows} values={values} errors={errors} />, status);
  }

  app.get("/dashboard", auth, (c) => renderList(c, EMPTY_APP, {}));

  app.post("/dashboard/apps", auth, async (c) => {
    const form = await readForm(c);
    const values = { name: form.name ?? "", support_email: form.support_email ?? "", redirect_uris: form.redirect_uris ?? "" };
    const parsed = appRegistrationSchema.safeParse(values);
    if (!parsed.success) return renderList(c, values, fieldErrors(parsed.error), 400);
    const developer = c.get("developer");
    const created = await store.apps.createForDeveloper(
      developer.id,
      { name: parsed.data.name, supportEmail: parsed.data.support_email, redirectUris: parsed.data.redirect_uris },
      clocks.base.now(),
    );
    noStore(c);
    return c.html(<KeysPage chrome={await chromeFor(store, developer, { app: created, tab: "settings" })} app={created} />, 201);
  });

  const renderSettings = async (c: Context<AppEnv>, options: { revealSecret?: boolean; saved?: boolean } = {}) => {
    const current = c.get("app");
    const chrome = await chromeFor(store, c.get("developer"), { app: current, tab: "settings" });
    noStore(c);
    return c.html(<SettingsPage chrome={chrome} app={current} values={settingsValuesOf(current)} errors={{}} {...options} />);
  };

  app.get("/dashboard/apps/:clientId", auth, owned, (c) => renderSettings(c, { saved: c.req.query("saved") === "1" }));

  app.post("/dashboard/apps/:clientId/reveal-secret", auth, owned, (c) => renderSettings(c, { revealSecret: true }));

  app.post("/dashboard/apps/:clientId", auth, owned, async (c) => {
    const current = c.get("app");
    const form = await readForm(c);
    const parsed = appSettingsSchema.superRefine(refusePrivateWebhook(loopbackOnly)).safeParse(form);
    if (!parsed.success) {
      const values = {
        redirect_uris: form.redirect_uris ?? "",
        webhook_url: form.webhook_url ?? "",
        show_test_codes: form.show_test_codes !== undefined,
      };
      const chrome = await chromeFor(store, c.get("developer"), { app: current, tab: "settings" });
      noStore(c);
      return c.html(<SettingsPage chrome={chrome} app={current} values={values} errors={fieldErrors(parsed.error)} />, 400);
    }
    await store.apps.updateSettings(current.clientId, {
      redirectUris: parsed.data.redirect_uris,
      webhookUrl: parsed.data.webhook_url,
      showTestCodes: parsed.data.show_test_codes,
    });
    return c.redirect(`/dashboard/apps/${encodeURIComponent(current.clientId)}?saved=1`, 303);
  });

  return app;
}
