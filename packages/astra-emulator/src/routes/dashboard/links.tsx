/** @jsxImportSource hono/jsx */
// The OAuth link generator: a GET form, so a generated link is also a shareable dashboard URL.
import { Hono } from "hono";
import type { Deps } from "../../deps";
import { buildModuleUrl, isModuleAction, type ModuleSubject } from "../../lib/module-url";
import { LinksPage, type LinkValues } from "../../pages/dashboard/links-page";
import type { IntentSummary, UserSummary } from "../../store/dashboard";
import { appNotFound } from "./apps";
import type { FieldErrors } from "../../lib/field-errors";
import { chromeFor, ownsApp, signedIn, type AppEnv } from "./session";
import { absoluteHref, renderPage } from "../../lib/base-path";

const MAX_STATE_LENGTH = 500;

/** `intent:<id>` / `user:<id>` from the select, resolved against this app's own people only. */
function resolveSubject(
  value: string,
  intents: IntentSummary[],
  users: UserSummary[],
): ModuleSubject | null | undefined {
  if (value === "") return null;
  const [kind, id] = [value.slice(0, value.indexOf(":")), value.slice(value.indexOf(":") + 1)];
  if (kind === "intent") {
    const intent = intents.find((candidate) => candidate.id === id);
    return intent ? { kind: "user_intent", id: intent.id, phone: intent.phone } : undefined;
  }
  if (kind === "user") {
    const user = users.find((candidate) => candidate.id === id);
    return user ? { kind: "user", id: user.id, phone: user.phone } : undefined;
  }
  return undefined;
}

export function dashboardLinkRoutes({ store }: Deps) {
  const app = new Hono<AppEnv>();

  app.get(
    "/dashboard/apps/:clientId/links",
    signedIn(store),
    ownsApp(store, (c) => appNotFound(c, store)),
    async (c) => {
      const current = c.get("app");
      const query = c.req.query();
      const [intents, users, chrome] = await Promise.all([
        store.dashboard.listIntents(current.clientId),
        store.dashboard.listUsers(current.clientId),
        chromeFor(store, c.get("developer"), { app: current, tab: "links" }),
      ]);
      const values: LinkValues = {
        action: query.action && isModuleAction(query.action) ? query.action : "collect_authorization",
        redirect_uri: query.redirect_uri ?? current.redirectUris[0] ?? "",
        subject: query.subject ?? "",
        state: query.state ?? "",
      };
      const errors: FieldErrors = {};
      let url: string | null = null;
      if (query.generate) {
        if (!query.action || !isModuleAction(query.action)) errors.action = ["Choose one of the action types."];
        if (!current.redirectUris.includes(values.redirect_uri)) {
          errors.redirect_uri = ["Choose one of the registered redirect URIs."];
        }
        const subject = resolveSubject(values.subject, intents, users);
        if (subject === undefined) errors.subject = ["This user intent or user is not one of this app's."];
        if (values.state.length > MAX_STATE_LENGTH) errors.state = [`Use at most ${MAX_STATE_LENGTH} characters.`];
        if (Object.keys(errors).length === 0) {
          url = buildModuleUrl({
            baseUrl: absoluteHref(c, ""),
            action: values.action,
            clientId: current.clientId,
            redirectUri: values.redirect_uri,
            subject,
            state: values.state,
          });
        }
      }
      const status = Object.keys(errors).length > 0 ? 400 : 200;
      return renderPage(
        c,
        <LinksPage
          chrome={chrome}
          app={current}
          intents={intents}
          users={users}
          values={values}
          errors={errors}
          url={url}
        />,
        status,
      );
    },
  );

  return app;
}
