// Drives the developer dashboard in-process: session cookies, same-origin form posts, new apps and their keys.
import { expect } from "vitest";
import { SEED_DEVELOPER } from "../../sandbox/src/store/seed";
import { postForm, type Sandbox, type SandboxApp } from "./helpers";

/** The origin of `app.request("/path")`, which the dashboard's same-origin guard compares against. */
export const ORIGIN = "http://localhost";
export const PASSWORD = "a long enough password";

export const cookieOf = (response: Response) => (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";

export function dashboardClient(sandbox: Sandbox) {
  const get = (path: string, cookie?: string, app: SandboxApp = sandbox.app) =>
    app.request(path, { headers: cookie ? { Cookie: cookie } : {} });

  const post = (path: string, fields: Record<string, string>, cookie?: string, origin: string | null = ORIGIN) =>
    postForm(sandbox.app, path, fields, { ...(cookie ? { Cookie: cookie } : {}), ...(origin ? { Origin: origin } : {}) });

  async function signUp(email: string) {
    const response = await post("/dashboard/signup", { email, password: PASSWORD, confirm: PASSWORD });
    expect(response.status).toBe(303);
    return cookieOf(response);
  }

  async function logInSeeded() {
    const response = await post("/dashboard/login", { email: SEED_DEVELOPER.email, password: SEED_DEVELOPER.password });
    expect(response.status).toBe(303);
    return cookieOf(response);
  }

  async function submitNewApp(cookie: string, fields: Partial<Record<string, string>> = {}) {
    const response = await post(
      "/dashboard/apps",
      { name: "Payroll Demo", support_email: "help@payroll.example", redirect_uris: "https://payroll.example/cb", ...fields },
      cookie,
    );
    return { response, html: await response.text() };
  }

  /** Creates an app through the form and reads its keys off the one-time keys page. */
  async function newAppKeys(cookie: string) {
    const { response, html } = await submitNewApp(cookie);
    expect(response.status).toBe(201);
    const clientId = /<code>(astra_[0-9a-f]{24})<\/code>/.exec(html)?.[1];
    const secret = /Client secret<\/dt><dd><code>([A-Za-z0-9_-]{40})<\/code>/.exec(html)?.[1];
    if (!clientId || !secret) throw new Error(`No keys on the page:\n${html}`);
    return { clientId, secret };
  }

  return { get, post, signUp, logInSeeded, submitNewApp, newAppKeys };
}
