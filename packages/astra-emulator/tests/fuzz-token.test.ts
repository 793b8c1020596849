// Property-based: generated bad token requests (both grants, wrong fields, repeated fields, wrong content
// types) are a 4xx in RFC 6749's shape that names the field, and never issue or change a token.
import fc from "fast-check";
import { afterAll, beforeAll, describe, it, vi } from "vitest";
import {
  answer,
  createFuzzEmulator,
  expectClientError,
  expectNamesField,
  expectNamesSomeField,
  RUNS,
  type FuzzEmulator,
} from "./fuzz-helpers";
import { basicAuth, DEFAULT_APP, REDIRECT_URI, signIn } from "./helpers";

// 200 runs of in-process requests: seconds, not milliseconds, on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

let sandbox: FuzzEmulator;

beforeAll(async () => {
  sandbox = createFuzzEmulator();
  await signIn(sandbox.app); // so there are real tokens and grants the fuzzing must not touch
});

afterAll(() => sandbox.close());

const token = (body: BodyInit, contentType = "application/x-www-form-urlencoded", auth = basicAuth()) =>
  sandbox.app.request("/v1/oauth/token", {
    method: "POST",
    headers: { Authorization: auth, "Content-Type": contentType },
    body,
  });

const text = fc.string({ maxLength: 60 });

async function checkForms(cases: fc.Arbitrary<{ fields: [string, string][]; field: string }>) {
  await fc.assert(
    fc.asyncProperty(cases, async ({ fields, field }) => {
      const before = await sandbox.fingerprint();
      const result = await answer(await token(new URLSearchParams(fields)));
      expectClientError(result, fields);
      expectNamesField(result, field, fields);
      if ((await sandbox.fingerprint()) !== before) throw new Error(`${JSON.stringify(fields)} changed the store`);
    }),
    RUNS,
  );
}

describe("POST /v1/oauth/token", () => {
  it("names grant_type when it is missing, empty or unknown", () =>
    checkForms(
      fc
        .oneof(
          fc.constant(undefined),
          text.filter((value) => value !== "authorization_code" && value !== "refresh_token"),
        )
        .map((grant) => ({
          fields: grant === undefined ? [] : [["grant_type", grant]],
          field: "grant_type",
        })),
    ));

  it("names code or redirect_uri for a bad authorization_code grant", () =>
    checkForms(
      fc.oneof(
        text.map((code) => ({
          fields: [
            ["grant_type", "authorization_code"],
            ["code", code],
          ] as [string, string][],
          field: code ? "redirect_uri" : "code",
        })),
        text.map((code) => ({
          fields: [
            ["grant_type", "authorization_code"],
            ["code", code || "x"],
            ["redirect_uri", REDIRECT_URI],
          ] as [string, string][],
          field: "code",
        })),
      ),
    ));

  it("names refresh_token for an unknown or missing refresh token", () =>
    checkForms(
      text.map((refresh) => ({
        fields: [
          ["grant_type", "refresh_token"],
          ["refresh_token", refresh],
        ],
        field: "refresh_token",
      })),
    ));

  it("names a repeated field", () =>
    checkForms(
      fc.constantFrom("grant_type", "code", "redirect_uri").chain((name) =>
        fc.tuple(text, text).map(([a, b]) => ({
          fields: [
            ["grant_type", "authorization_code"],
            [name, a],
            [name, b],
          ] as [string, string][],
          field: name,
        })),
      ),
    ));

  it("refuses bodies of other content types, and bad client credentials, without a write", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("application/json", "text/plain", "multipart/form-data; boundary=x", ""),
        fc.string({ maxLength: 80 }),
        fc.option(fc.string({ maxLength: 40 })),
        async (contentType, body, secret) => {
          const before = await sandbox.fingerprint();
          const auth = secret === null ? basicAuth() : basicAuth(DEFAULT_APP.clientId, `wrong${secret}`);
          const response = await token(body, contentType, auth);
          const result = await answer(response);
          expectClientError(result, { contentType, body });
          expectNamesSomeField(result, { contentType, body });
          if ((await sandbox.fingerprint()) !== before) throw new Error("a refused token request changed the store");
        },
      ),
      RUNS,
    );
  });
});
