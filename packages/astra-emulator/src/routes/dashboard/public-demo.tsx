/** @jsxImportSource hono/jsx */
// The whole dashboard of a public demo (hosted mode, publicDemo): one anonymous page of the app's public facts.
// Strangers share this emulator, so there is no sign-in, nothing about any visitor, no secret and no write.
import { Hono } from "hono";
import type { Deps } from "../../deps";
import { renderPage } from "../../lib/base-path";
import { DashboardLayout, MessagePage } from "../../pages/dashboard/layout";
import type { DeveloperApp } from "../../store";

export const READ_ONLY_MESSAGE = "The public demo's dashboard is read-only: nothing can be changed here.";
export const RUN_LOCALLY =
  "Clone the template and run npm run dev: the emulator then has its own dashboard on http://localhost:4010, where you can sign up, create apps and change their settings.";

const originOf = (url: string | null) => (url ? new URL(url).origin : null);

function PublicDemoPage(props: { app: DeveloperApp | null; userCount: number }) {
  const { app } = props;
  return (
    <DashboardLayout title="Public demo">
      <h1>{"The public demo's emulator"}</h1>
      <p>{`This page shows what every visitor may see of the demo's app. ${READ_ONLY_MESSAGE} ${RUN_LOCALLY}`}</p>
      {app ? (
        <section class="card" aria-labelledby="app-heading">
          <h2 id="app-heading">{app.name}</h2>
          <dl class="keys">
            <dt>Client ID</dt>
            <dd>
              <code>{app.clientId}</code>
            </dd>
            <dt>Client Secret</dt>
            <dd>{"Not shown: it opens this app's API and signs its webhooks."}</dd>
            <dt>Redirect URIs</dt>
            <dd>
              <ul>
                {app.redirectUris.map((uri) => (
                  <li key={uri}>
                    <code>{uri}</code>
                  </li>
                ))}
              </ul>
            </dd>
            <dt>Webhooks go to</dt>
            <dd>{originOf(app.webhookUrl) ?? "nowhere (delivery off)"}</dd>
            <dt>Users</dt>
            <dd>{props.userCount}</dd>
          </dl>
        </section>
      ) : (
        <p>{"The demo's app is not set up yet."}</p>
      )}
    </DashboardLayout>
  );
}

export function publicDemoRoutes({ store, hosted }: Deps) {
  const app = new Hono();

  app.get("/dashboard", async (c) => {
    const demoApp = hosted ? await store.apps.findByClientId(hosted.clientId) : null;
    const counts = demoApp?.developerId ? await store.dashboard.userCounts(demoApp.developerId) : null;
    return renderPage(c, <PublicDemoPage app={demoApp} userCount={counts?.get(demoApp?.clientId ?? "") ?? 0} />);
  });

  app.all("/dashboard/*", (c) => {
    const read = c.req.method === "GET" || c.req.method === "HEAD";
    const page = read ? (
      <MessagePage
        title="Not on the public demo"
        message={`The public demo has one dashboard page. ${RUN_LOCALLY}`}
        link={{ href: "/dashboard", label: "Back to the dashboard" }}
      />
    ) : (
      <MessagePage
        title="Read-only demo"
        message={`${READ_ONLY_MESSAGE} ${RUN_LOCALLY}`}
        link={{ href: "/dashboard", label: "Back to the dashboard" }}
      />
    );
    return renderPage(c, page, read ? 404 : 403);
  });

  return app;
}
