// Drives the developer dashboard in-process: session cookies, same-origin form posts, new apps and their keys.
import { beforeEach, expect } from "vitest";
import type { DeveloperApp } from "../src/store";
import { SEED_DEVELOPER } from "../src/store/seed";
import { createTestEmulator, postForm, type TestEmulator, type EmulatorApp } from "./helpers";

/** The origin of `app.request("/path")`, which the dashboard's same-origin guard compares against. */
export const ORIGIN = "http://localhost";
export const PASSWORD = "a long enough password";

/** A complete, valid sign-up form (Astra's: email, password, names, both agreements). */
export const signupFields = (email: string): Record<string, string> => ({
  email,
  password: PASSWORD,
  confirm: PASSWORD,
  first_name: "Dana",
  last_name: "Developer",
  agree_policy: "on",
  agree_terms: "on",
});

/** The settings form of an app as the page would post it, with `changes` on top. */
export function settingsFields(
  app: DeveloperApp,
  changes: Record<string, string | undefined> = {},
): Record<string, string> {
  const fields: Record<string, string | undefined> = {
    name: app.name,
    support_email: app.supportEmail ?? "",
    redirect_uris: app.redirectUris.join("\n"),
    webhook_url: app.webhookUrl ?? "",
    show_test_codes: app.showTestCodes ? "on" : undefined,
    test_phones_enabled: app.testPhonesEnabled ? "on" : undefined,
    debit_enabled: app.debitEnabled ? "on" : undefined,
    instant_speeds_enabled: app.instantSpeedsEnabled ? "on" : undefined,
    ...changes,
  };
  return Object.fromEntries(
    Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

export const cookieOf = (response: Response) => (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";

export function dashboardClient(sandbox: TestEmulator) {
  const get = (path: string, cookie?: string, app: EmulatorApp = sandbox.app) =>
    app.request(path, { headers: cookie ? { Cookie: cookie } : {} });

  const post = (path: string, fields: Record<string, string>, cookie?: string, origin: string | null = ORIGIN) =>
    postForm(sandbox.app, path, fields, {
      ...(cookie ? { Cookie: cookie } : {}),
      ...(origin ? { Origin: origin } : {}),
    });

  async function signUp(email: string) {
    const response = await post("/dashboard/signup", signupFields(email));
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
      {
        name: "Payroll Demo",
        support_email: "help@payroll.example",
        redirect_uris: "https://payroll.example/cb",
        ...fields,
      },
      cookie,
    );
    return { response, html: await response.text() };
  }

  /** Creates an app through the form, follows the redirect and reads the keys off the Keys section. */
  async function newAppKeys(cookie: string) {
    const { response } = await submitNewApp(cookie);
    expect(response.status).toBe(303);
    const location = response.headers.get("location") ?? "";
    const html = await (await get(location, cookie)).text();
    const clientId = /<code id="client-id">(astra_[0-9a-f]{24})<\/code>/.exec(html)?.[1];
    const secret = /<code id="client-secret">([A-Za-z0-9_-]{40})<\/code>/.exec(html)?.[1];
    if (!clientId || !secret) throw new Error(`No keys on the page:\n${html}`);
    return { clientId, secret, location };
  }

  return { get, post, signUp, logInSeeded, submitNewApp, newAppKeys };
}

export type DashboardClient = ReturnType<typeof dashboardClient>;

/**
 * A new in-memory sandbox and dashboard client before each test of the calling file, read through
 * `suite.sandbox` and `suite.dashboard`; `get` and `post` always use the current test's client.
 */
export function dashboardSuite() {
  let current: { sandbox: TestEmulator; dashboard: DashboardClient } | undefined;
  beforeEach(() => {
    const sandbox = createTestEmulator();
    current = { sandbox, dashboard: dashboardClient(sandbox) };
  });
  const now = () => {
    if (!current) throw new Error("dashboardSuite() is read before its beforeEach ran.");
    return current;
  };
  return {
    get sandbox() {
      return now().sandbox;
    },
    get dashboard() {
      return now().dashboard;
    },
    get: (...args: Parameters<DashboardClient["get"]>) => now().dashboard.get(...args),
    post: (...args: Parameters<DashboardClient["post"]>) => now().dashboard.post(...args),
  };
}
