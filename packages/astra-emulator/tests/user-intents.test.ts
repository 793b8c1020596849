import { beforeEach, describe, expect, it } from "vitest";
import { astraErrorBodySchema, userIntentSchema } from "../src/wire-schemas";
import {
  basicAuth,
  createIntent,
  createTestEmulator,
  DEFAULT_APP,
  intentBody,
  KYC_IP,
  newIntentId,
  type TestEmulator,
} from "./helpers";

let sandbox: TestEmulator;
beforeEach(() => {
  sandbox = createTestEmulator();
});

const getIntent = (id: string, auth = basicAuth()) =>
  sandbox.app.request(`/v1/user_intent/${id}`, { headers: { Authorization: auth } });

async function readIntent(id: string) {
  const response = await getIntent(id);
  expect(response.status).toBe(200);
  return userIntentSchema.parse(await response.json());
}

async function eventsOf(resourceId: string) {
  const page = await sandbox.store.webhooks.listForClient(DEFAULT_APP.clientId, { page: 1, pageSize: 100, offset: 0 });
  return page.items
    .filter((event) => event.resourceId === resourceId)
    .map((event) => ({ type: event.type, userId: event.userId }));
}

describe("client authentication", () => {
  it.each([
    ["no Authorization header", undefined],
    ["a wrong secret", basicAuth(DEFAULT_APP.clientId, "wrong")],
  ])("answers 401 in Astra's envelope with %s", async (_, auth) => {
    const response = await sandbox.app.request("/v1/user_intent", {
      method: "POST",
      headers: { "Content-Type": "application/json", ...(auth ? { Authorization: auth } : {}) },
      body: JSON.stringify(intentBody()),
    });
    expect(response.status).toBe(401);
    const body = astraErrorBodySchema.parse(await response.json());
    expect(body).toMatchObject({ code: 401, name: "Unauthorized" });
    expect(typeof body.description).toBe("string");
  });

  it("names an unknown client as Astra's sandbox does: Invalid client_id", async () => {
    const response = await createIntent(sandbox.app, intentBody(), basicAuth("nobody", "x"));
    expect(response.status).toBe(401);
    expect(astraErrorBodySchema.parse(await response.json()).description).toBe("Invalid client_id");
  });

  it("requires Basic auth to read an intent too", async () => {
    const id = await newIntentId(sandbox.app);
    expect((await sandbox.app.request(`/v1/user_intent/${id}`)).status).toBe(401);
  });
});

describe("POST /v1/user_intent", () => {
  it("creates an intent: 201 with a 32-hex id, readable with the phone in E.164", async () => {
    const response = await createIntent(
      sandbox.app,
      intentBody({ phone: "+12025550161", preferred_first_name: "Mari" }),
    );
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(await readIntent(id)).toMatchObject({
      id,
      user_id: null,
      phone: "+12025550161",
      first_name: "Maria",
      preferred_first_name: "Mari",
      preferred_pronouns: null,
      status: "approved",
      kyc_type: "verified",
      oauth_token_issued: false,
    });
  });

  it.each([
    ["address2 null", { address2: null }, "address2", 'must be a string; send "" when empty, never null'],
    ["a 4-digit postal code", { postal_code: "9410" }, "postal_code", "must be 5 digits"],
    ["a state name", { state: "California" }, "state", "must be a two-letter state code, e.g. CA"],
    ["a US-style birth date", { date_of_birth: "04/12/1990" }, "date_of_birth", "must be a date as YYYY-MM-DD"],
    ["a phone without +1", { phone: "2025550160" }, "phone", "must be +1 followed by 10 digits, e.g. +12025550123"],
    ["an invalid email", { email: "maria@" }, "email", "must be a valid email address"],
    ["an SSN with dashes", { ssn: "123-45-9999" }, "ssn", "must be 4 or 9 digits, no dashes"],
    ["a blank first name", { first_name: "  " }, "first_name", "is required"],
    ["a blank address1", { address1: "" }, "address1", "is required"],
    ["an IP that is not one", { ip_address: "localhost" }, "ip_address", "must be the end user's IP address"],
    ["an unknown kyc_type", { kyc_type: "premium" }, "kyc_type", undefined],
  ])("rejects %s with a field map", async (_, overrides, field, message) => {
    const response = await createIntent(sandbox.app, intentBody(overrides));
    expect(response.status).toBe(400);
    const body = astraErrorBodySchema.parse(await response.json());
    expect(body).toMatchObject({ code: 400, name: "Bad Request" });
    const description = body.description as Record<string, string[]>;
    expect(Object.keys(description)).toEqual([field]);
    if (message) expect(description[field]).toContain(message);
  });

  it("takes a missing address2 as empty, as Astra's JS SDK leaves it out", async () => {
    const body: Record<string, unknown> = intentBody();
    delete body.address2;
    const response = await createIntent(sandbox.app, body);
    expect(response.status).toBe(201);
  });

  // https://docs.astra.finance/reference/custom-metadata: up to 25 pairs, keys 1-64 of [a-zA-Z0-9_.-], values 1-256.
  const pairs = (n: number, value = "v".repeat(256)) =>
    Object.fromEntries(
      Array.from({ length: n }, (_, i) => [`${String(i).padStart(2, "0")}_.-${"k".repeat(59)}`, value]),
    );

  it.each([
    ["an array", [1, 2], "must be an object of string keys and string values"],
    ["a number value", { campaign: 7 }, "values must be strings"],
    ["a nested object", { campaign: { name: "spring" } }, "values must be strings"],
    ["an empty value", { campaign: "" }, "values must be 1 to 256 characters"],
    ["a 257-character value", { campaign: "x".repeat(257) }, "values must be 1 to 256 characters"],
    ["26 pairs", pairs(26, "x"), "must have at most 25 pairs"],
    ["a key with a space", { "my key": "x" }, 'keys must be 1 to 64 characters of letters, digits, "_", "." or "-"'],
    [
      "a 65-character key",
      { ["k".repeat(65)]: "x" },
      'keys must be 1 to 64 characters of letters, digits, "_", "." or "-"',
    ],
  ])("refuses metadata with %s", async (_, metadata, message) => {
    const response = await createIntent(sandbox.app, intentBody({ metadata }));
    expect(response.status).toBe(400);
    const body = astraErrorBodySchema.parse(await response.json());
    expect(body.status_code).toBe(400);
    const description = body.description as Record<string, string[]>;
    expect(Object.values(description).flat()).toContain(message);
    expect(Object.keys(description).every((field) => field.startsWith("metadata"))).toBe(true);
  });

  it("takes 25 pairs of 64-character keys and 256-character values, and returns them on GET", async () => {
    const metadata = pairs(25);
    const response = await createIntent(sandbox.app, intentBody({ metadata }));
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    expect((await readIntent(id)).metadata).toEqual(metadata);
  });

  it.each(["receive-only", "unverified"])("lets a %s intent leave out ssn and date_of_birth", async (kycType) => {
    const body: Record<string, unknown> = intentBody({ kyc_type: kycType });
    delete body.ssn;
    delete body.date_of_birth;
    const response = await createIntent(sandbox.app, body);
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    expect((await readIntent(id)).kyc_type).toBe(kycType);
  });

  it.each([undefined, "verified"])("requires ssn and date_of_birth when kyc_type is %s", async (kycType) => {
    const body: Record<string, unknown> = intentBody(kycType ? { kyc_type: kycType } : {});
    delete body.ssn;
    delete body.date_of_birth;
    const response = await createIntent(sandbox.app, body);
    expect(response.status).toBe(400);
    expect(astraErrorBodySchema.parse(await response.json()).description).toEqual({
      date_of_birth: ["is required"],
      ssn: ["is required"],
    });
  });

  it("rejects a body that is not JSON", async () => {
    const response = await sandbox.app.request("/v1/user_intent", {
      method: "POST",
      headers: { Authorization: basicAuth(), "Content-Type": "application/json" },
      body: "{not json",
    });
    expect(response.status).toBe(400);
    expect(astraErrorBodySchema.parse(await response.json()).code).toBe(400);
  });

  it("allows 3 intents per email and refuses the 4th with a sentence", async () => {
    const email = "three.times@example.com";
    for (let i = 0; i < 3; i += 1) {
      expect((await createIntent(sandbox.app, intentBody({ email }))).status).toBe(201);
    }
    const fourth = await createIntent(sandbox.app, intentBody({ email: "Three.Times@example.com" }));
    expect(fourth.status).toBe(400);
    const body = astraErrorBodySchema.parse(await fourth.json());
    expect(typeof body.description).toBe("string");
    expect(body.description).toContain("3");
    expect((await createIntent(sandbox.app, intentBody({ email: "someone.else@example.com" }))).status).toBe(201);
  });
});

describe("sandbox KYC by the intent's ip_address", () => {
  it.each([
    [KYC_IP.pending, "pending"],
    [KYC_IP.retry, "retry"],
    [KYC_IP.document, "document"],
    [KYC_IP.rejected, "rejected"],
    [KYC_IP.suspended, "suspended"],
    ["198.51.100.6", "approved"],
    ["203.0.113.7", "approved"],
    ["2001:db8::1", "approved"],
  ])("ip_address %s starts %s", async (ip_address, status) => {
    expect((await readIntent(await newIntentId(sandbox.app, { ip_address }))).status).toBe(status);
  });

  it("no longer reads the old SSN endings: an SSN ending 2222 is approved", async () => {
    expect((await readIntent(await newIntentId(sandbox.app, { ssn: "123452222" }))).status).toBe("approved");
  });

  it("resolves a pending intent to approved 10 seconds later on the sandbox clock, with a webhook event", async () => {
    const id = await newIntentId(sandbox.app, { ip_address: KYC_IP.pending });
    expect(await eventsOf(id)).toEqual([]);
    sandbox.clock.advance(9_999);
    expect(await sandbox.store.userIntents.resolveDue(sandbox.clock.now())).toBe(0);
    expect((await readIntent(id)).status).toBe("pending");
    sandbox.clock.advance(1);
    expect(await sandbox.store.userIntents.resolveDue(sandbox.clock.now())).toBe(1);
    expect((await readIntent(id)).status).toBe("approved");
    expect(await eventsOf(id)).toEqual([{ type: "user_intent_updated", userId: id }]);
    expect(await sandbox.store.userIntents.resolveDue(sandbox.clock.now())).toBe(0);
  });
});

describe("GET /v1/user_intent/:id", () => {
  it("answers 404 for an unknown id and for another app's intent", async () => {
    const id = await newIntentId(sandbox.app);
    await sandbox.store.apps.create(
      {
        clientId: "other_client",
        clientSecret: "other_secret",
        name: "Other",
        redirectUris: ["https://other.example/cb"],
      },
      sandbox.clock.now(),
    );
    const foreign = await getIntent(id, basicAuth("other_client", "other_secret"));
    expect(foreign.status).toBe(404);
    expect(astraErrorBodySchema.parse(await foreign.json()).code).toBe(404);
    expect((await getIntent("0".repeat(32))).status).toBe(404);
    expect((await getIntent(id)).status).toBe(200);
  });
});
