// Property-based: generated bad inputs to the hosted module pages (authorize, verify, bank linking: their
// links and their phone, code, profile, consent and bank forms) are a 4xx page that names the field, and
// write nothing.
import fc from "fast-check";
import { afterAll, beforeAll, describe, it, vi } from "vitest";
import {
  answer,
  createFuzzEmulator,
  expectClientError,
  expectPageNamesField,
  RUNS,
  type FuzzEmulator,
} from "./fuzz-helpers";
import { authorizeUrl, DEFAULT_APP, postForm, REDIRECT_URI, sessionIdFrom } from "./helpers";

// 200 runs of in-process requests: seconds, not milliseconds, on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

let sandbox: FuzzEmulator;
/** A session waiting for its phone, one waiting for its code, one verified for a new person (profile step). */
let atPhone: string;
let atCode: string;
let atProfile: string;

async function openSession(): Promise<string> {
  return sessionIdFrom(await (await sandbox.app.request(authorizeUrl())).text());
}

beforeAll(async () => {
  sandbox = createFuzzEmulator();
  atPhone = await openSession();
  atCode = await openSession();
  await postForm(sandbox.app, "/login/oauth/authorize/phone", { session_id: atCode, phone: "2025550160" });
  atProfile = await openSession();
  await postForm(sandbox.app, "/login/oauth/authorize/phone", { session_id: atProfile, phone: "2025550177" });
  await postForm(sandbox.app, "/login/oauth/authorize/code", { session_id: atProfile, code: "123456" });
});

afterAll(() => sandbox.close());

async function check(send: () => Response | Promise<Response>, field: string, context: unknown) {
  const before = await sandbox.fingerprint();
  const result = await answer(await send());
  expectClientError(result, context);
  expectPageNamesField(result, field, context);
  if ((await sandbox.fingerprint()) !== before) throw new Error(`${JSON.stringify(context)} changed the store`);
}

const text = fc.string({ maxLength: 40 });
const MODULE_PATHS = ["/login/oauth/authorize", "/verify/personal", "/verify/document", "/institutions/connect"];

describe("module links", () => {
  it("name the bad query parameter and open no session", async () => {
    const good = { client_id: DEFAULT_APP.clientId, redirect_uri: REDIRECT_URI, response_type: "code" };
    const cases = fc.oneof(
      text.filter((value) => value !== DEFAULT_APP.clientId).map((value) => ({ client_id: value })),
      text.filter((value) => !DEFAULT_APP.redirectUris.includes(value)).map((value) => ({ redirect_uri: value })),
      fc
        .string({ maxLength: 12 })
        .filter((value) => !/^\d{10}$/.test(value))
        .map((value) => ({ phone: value })),
      fc.string({ minLength: 1, maxLength: 30 }).map((value) => ({ user_intent_id: value })),
      fc.string({ minLength: 1, maxLength: 30 }).map((value) => ({ user_id: value })),
    );
    await fc.assert(
      fc.asyncProperty(cases, fc.constantFrom(...MODULE_PATHS), async (bad, path) => {
        const query = new URLSearchParams({ ...good, ...bad });
        await check(() => sandbox.app.request(`${path}?${query}`), Object.keys(bad)[0] ?? "", { path, bad });
      }),
      RUNS,
    );
  });

  it("name response_type when it is not code", async () => {
    await fc.assert(
      fc.asyncProperty(
        text.filter((value) => value !== "code"),
        async (responseType) => {
          const url = authorizeUrl({ response_type: responseType });
          await check(() => sandbox.app.request(url), "response_type", url);
        },
      ),
      RUNS,
    );
  });
});

describe("module forms", () => {
  const steps = [
    "/login/oauth/authorize/phone",
    "/login/oauth/authorize/code",
    "/login/oauth/authorize/profile",
    "/login/oauth/authorize/consent",
    "/verify/personal",
    "/verify/document",
    "/institutions/connect/institution",
    "/institutions/connect/credentials",
    "/institutions/connect/accounts",
  ];

  it("answer an unknown session on every step with the expired-session page", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...steps),
        fc.oneof(text, fc.uuid()),
        fc.dictionary(text, text, { maxKeys: 3 }),
        async (step, session_id, extra) => {
          await check(() => postForm(sandbox.app, step, { ...extra, session_id }), "session", { step, session_id });
        },
      ),
      RUNS,
    );
  });

  it("name the phone, the code, or the profile field that is wrong", async () => {
    const cases = fc.oneof(
      fc
        .string({ maxLength: 14 })
        .filter((value) => !/^(\D*2\D*0\D*2\D*5\D*5\D*5\D*0\D*1\D*\d\D*\d\D*)$/.test(value))
        .map((phone) => ({
          step: "phone",
          session: () => atPhone,
          fields: { phone },
          field: "phone",
        })),
      fc
        .string({ maxLength: 10 })
        .filter((code) => code.replace(/\s/g, "") !== "123456")
        .map((code) => ({
          step: "code",
          session: () => atCode,
          fields: { code },
          field: "code",
        })),
      fc
        .record({
          first_name: fc.oneof(fc.constant(""), fc.constant(" "), fc.constant("x".repeat(61))),
          last_name: fc.constant("Lopez"),
          email: fc.constant("maria@example.com"),
        })
        .map((fields) => ({ step: "profile", session: () => atProfile, fields, field: "first_name" })),
      fc
        .string({ maxLength: 30 })
        .filter((email) => !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
        .map((email) => ({
          step: "profile",
          session: () => atProfile,
          fields: { first_name: "Maria", last_name: "Lopez", email },
          field: "email",
        })),
    );
    await fc.assert(
      fc.asyncProperty(cases, async ({ step, session, fields, field }) => {
        const path = `/login/oauth/authorize/${step}`;
        await check(() => postForm(sandbox.app, path, { session_id: session(), ...fields }), field, { path, fields });
      }),
      RUNS,
    );
  });
});
