// Property-based: generated bad dashboard forms (sign-up, login, new app, app settings) are a 4xx page that
// names the field, and create or change nothing.
import fc from "fast-check";
import { afterAll, beforeAll, describe, it, vi } from "vitest";
import { SEED_DEVELOPER } from "../src/store/seed";
import { dashboardClient } from "./dashboard-helpers";
import {
  answer,
  createFuzzEmulator,
  expectClientError,
  expectPageNamesField,
  RUNS,
  type FuzzEmulator,
} from "./fuzz-helpers";
import { DEFAULT_APP } from "./helpers";

// 200 runs of in-process requests: seconds, not milliseconds, on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

let sandbox: FuzzEmulator;
let dashboard: ReturnType<typeof dashboardClient>;
let cookie: string;

beforeAll(async () => {
  sandbox = createFuzzEmulator();
  dashboard = dashboardClient(sandbox);
  cookie = await dashboard.logInSeeded();
});

afterAll(() => sandbox.close());

async function check(path: string, fields: Record<string, string>, field: string, withCookie = true) {
  const before = await sandbox.fingerprint();
  const result = await answer(await dashboard.post(path, fields, withCookie ? cookie : undefined));
  expectClientError(result, { path, fields });
  expectPageNamesField(result, field, { path, fields });
  if ((await sandbox.fingerprint()) !== before)
    throw new Error(`${JSON.stringify(fields)} on ${path} changed the store`);
}

const notAnEmail = fc.string({ maxLength: 30 }).filter((value) => !/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(value.trim()));
const badUrlLines = fc.oneof(
  fc.constantFrom(
    "",
    "   ",
    "not a url",
    "ftp://example.com/cb",
    "https://example.com/cb#frag",
    "/relative/path",
    `https://example.com/${"x".repeat(2001)}`,
  ),
  fc
    .string({ maxLength: 20 })
    .filter((value) => !/^https?:\/\//.test(value.trim()) && value.trim() !== "")
    .map((value) => `https://ok.example/cb\n${value}`),
);

describe("dashboard forms", () => {
  it("sign-up names the email, password or confirmation that is wrong, and makes no account", async () => {
    const cases = fc.oneof(
      notAnEmail.map((email) => ({
        fields: { email, password: "a long enough password", confirm: "a long enough password" },
        field: "email",
      })),
      fc
        .string({ maxLength: 9 })
        .map((password) => ({ fields: { email: "new@example.com", password, confirm: password }, field: "password" })),
      fc
        .string({ maxLength: 20 })
        .filter((confirm) => confirm !== "a long enough password")
        .map((confirm) => ({
          fields: { email: "new@example.com", password: "a long enough password", confirm },
          field: "confirm",
        })),
    );
    await fc.assert(
      fc.asyncProperty(cases, ({ fields, field }) => check("/dashboard/signup", fields, field, false)),
      RUNS,
    );
  });

  it("login refuses wrong credentials with a message that names the email, and starts no session", async () => {
    const cases = fc.record({
      email: fc.oneof(notAnEmail, fc.emailAddress(), fc.constant(SEED_DEVELOPER.email)),
      password: fc.string({ maxLength: 30 }).filter((value) => value !== SEED_DEVELOPER.password),
    });
    await fc.assert(
      fc.asyncProperty(cases, (fields) => check("/dashboard/login", fields, "email", false)),
      RUNS,
    );
  });

  it("a new app names the name, support email or redirect URIs that are wrong, and registers nothing", async () => {
    const valid = {
      name: "Payroll Demo",
      support_email: "help@payroll.example",
      redirect_uris: "https://payroll.example/cb",
    };
    const cases = fc.oneof(
      fc.constantFrom("", "   ", "x".repeat(81)).map((name) => ({ fields: { ...valid, name }, field: "name" })),
      // "Support email or URL" is optional: only a value that is neither is wrong.
      notAnEmail
        .filter((value) => value.trim() !== "" && !/^https?:\/\//i.test(value.trim()))
        .map((support_email) => ({ fields: { ...valid, support_email }, field: "support_email" })),
      badUrlLines.map((redirect_uris) => ({ fields: { ...valid, redirect_uris }, field: "redirect_uris" })),
    );
    await fc.assert(
      fc.asyncProperty(cases, ({ fields, field }) => check("/dashboard/apps", fields, field)),
      RUNS,
    );
  });

  it("app settings name the redirect URIs or webhook URL that are wrong, and change nothing", async () => {
    const valid = { redirect_uris: "http://localhost:3000/api/auth/callback/astra", webhook_url: "" };
    const cases = fc.oneof(
      badUrlLines.map((redirect_uris) => ({ fields: { ...valid, redirect_uris }, field: "redirect_uris" })),
      fc
        .constantFrom("not a url", "ftp://example.com/hook", "https://example.com/hook#x", "//example.com/hook")
        .map((webhook_url) => ({ fields: { ...valid, webhook_url }, field: "webhook_url" })),
    );
    const path = `/dashboard/apps/${DEFAULT_APP.clientId}`;
    await fc.assert(
      fc.asyncProperty(cases, ({ fields, field }) => check(path, fields, field)),
      RUNS,
    );
  });
});
