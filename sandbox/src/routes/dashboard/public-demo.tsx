/** @jsxImportSource hono/jsx */
// The dashboard of a public demo (hosted mode, publicDemo): anyone may sign in as the seeded developer and look,
// nobody may change anything. Every visitor shares one database, so one visitor's edit would be everyone's.
import { Hono } from "hono";
import { renderPage } from "../../lib/base-path";
import { MessagePage } from "../../pages/dashboard/layout";

export const READ_ONLY_MESSAGE = "The public demo's dashboard is read-only; run it locally to change apps.";
export const SIGNUP_OFF_MESSAGE = "Sign-up is off on the public demo: log in with the seeded account instead.";
const RUN_LOCALLY =
  "Clone the template and run npm run dev: the emulator then has its own dashboard on http://localhost:4010, where you can sign up, create apps and change their settings.";

/** Logging in and out change nobody's data; everything else that is not a GET writes. */
const STILL_ALLOWED = new Set(["/dashboard/login", "/dashboard/logout"]);

export function publicDemoRoutes() {
  const app = new Hono();

  app.get("/dashboard/signup", (c) =>
    renderPage(
      c,
      <MessagePage
        title="Sign-up is off"
        message={`${SIGNUP_OFF_MESSAGE} ${RUN_LOCALLY}`}
        link={{ href: "/dashboard/login", label: "Log in" }}
      />,
    ),
  );

  app.use("/dashboard/*", async (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD" || STILL_ALLOWED.has(c.req.path)) return next();
    const signup = c.req.path === "/dashboard/signup";
    return renderPage(
      c,
      <MessagePage
        title={signup ? "Sign-up is off" : "Read-only demo"}
        message={`${signup ? SIGNUP_OFF_MESSAGE : READ_ONLY_MESSAGE} ${RUN_LOCALLY}`}
        link={{ href: "/dashboard", label: "Back to the dashboard" }}
      />,
      403,
    );
  });

  return app;
}
