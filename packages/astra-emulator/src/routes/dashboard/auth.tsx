/** @jsxImportSource hono/jsx */
// Developer accounts: sign up, log in, log out. One message for an unknown email and a wrong password.
import { Hono } from "hono";
import type { Deps } from "../../deps";
import { fieldErrors } from "../../lib/field-errors";
import { readForm } from "../../lib/form-body";
import { createLoginLimiter } from "../../lib/rate-limit";
import { EMPTY_SIGNUP, LoginPage, SignupPage, type SignupValues } from "../../pages/dashboard/auth-pages";
import { signupSchema } from "./forms";
import { clearSession, safeNext, sessionNow, sessionToken, startSession } from "./session";
import { href, renderPage } from "../../lib/base-path";

export const LOGIN_FAILED = "Email or password is incorrect";

export function dashboardAuthRoutes({ store, clientAddress }: Deps) {
  const app = new Hono();
  const countLoginAttempt = createLoginLimiter(clientAddress);

  app.get("/dashboard/signup", (c) => renderPage(c, <SignupPage values={EMPTY_SIGNUP} errors={{}} />));

  app.post("/dashboard/signup", async (c) => {
    const form = await readForm(c);
    // Passwords are never sent back into the form.
    const values: SignupValues = {
      email: form.email ?? "",
      first_name: form.first_name ?? "",
      last_name: form.last_name ?? "",
      agree_policy: form.agree_policy !== undefined,
      agree_terms: form.agree_terms !== undefined,
    };
    const parsed = signupSchema.safeParse(form);
    if (!parsed.success) return renderPage(c, <SignupPage values={values} errors={fieldErrors(parsed.error)} />, 400);
    const { email, password, first_name, last_name } = parsed.data;
    const developer = await store.developers.signUp(
      { email, password, firstName: first_name, lastName: last_name },
      sessionNow(),
    );
    if (!developer) {
      const errors = { email: ["An account with this email already exists. Log in instead."] };
      return renderPage(c, <SignupPage values={values} errors={errors} />, 400);
    }
    startSession(c, await store.developers.createSession(developer.id, sessionNow()));
    return c.redirect(href(c, "/dashboard"), 303);
  });

  app.get("/dashboard/login", (c) => {
    const notice = c.req.query("logged_out") ? "You are logged out." : undefined;
    return renderPage(c, <LoginPage email="" next={safeNext(c.req.query("next"))} notice={notice} />);
  });

  app.post("/dashboard/login", async (c) => {
    const form = await readForm(c);
    const email = form.email ?? "";
    const next = safeNext(form.next);
    // Before the password check: each check is a scrypt, the costliest thing a request can ask for.
    const { allowed, retryAfterSeconds } = countLoginAttempt(c, email);
    if (!allowed) {
      c.header("Retry-After", String(retryAfterSeconds));
      const error = `Too many login attempts. Wait ${retryAfterSeconds} seconds, then try again.`;
      return renderPage(c, <LoginPage email={email} next={next} error={error} />, 429);
    }
    const developer = await store.developers.logIn(email, form.password ?? "");
    if (!developer) return renderPage(c, <LoginPage email={email} next={next} error={LOGIN_FAILED} />, 400);
    startSession(c, await store.developers.createSession(developer.id, sessionNow()));
    return c.redirect(href(c, next ?? "/dashboard"), 303);
  });

  app.post("/dashboard/logout", async (c) => {
    const token = sessionToken(c);
    if (token) await store.developers.endSession(token);
    clearSession(c);
    return c.redirect(href(c, "/dashboard/login?logged_out=1"), 303);
  });

  return app;
}
