import { beforeEach, describe, expect, it, vi } from "vitest";
import { createApp } from "../src/app";
import { accountListSchema, accountSchema, astraErrorBodySchema, userSchema } from "../src/wire-schemas";
import { authorizeUrl, createTestEmulator, getWithToken, signIn, type TestEmulator } from "./helpers";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let sandbox: TestEmulator;
beforeEach(() => {
  sandbox = createTestEmulator();
});

async function expectAstraError(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get("request-id")).toMatch(UUID);
  const body = astraErrorBodySchema.parse(await response.json());
  expect(body.code).toBe(status);
  return body;
}

describe("GET /v1/user", () => {
  it("returns the token's user in Astra's shape", async () => {
    const { access_token } = await signIn(sandbox.app);
    const response = await getWithToken(sandbox.app, "/v1/user", access_token);
    expect(response.status).toBe(200);
    expect(response.headers.get("request-id")).toMatch(UUID);
    const user = userSchema.parse(await response.json());
    expect(user).toMatchObject({
      phone: "+12025550123",
      first_name: "Avery",
      last_name: "Demo",
      email: "avery.demo@example.com",
      status: "approved",
    });
    expect(user.id).toMatch(/^[0-9a-f]{32}$/);
  });

  it("answers 401 in Astra's error shape without, or with an unknown, bearer token", async () => {
    const missing = await sandbox.app.request("/v1/user");
    expect(missing.headers.get("www-authenticate")).toMatch(/^Bearer/);
    const body = await expectAstraError(missing, 401);
    expect(body.name).toBe("Unauthorized");
    await expectAstraError(await getWithToken(sandbox.app, "/v1/user", "not-a-token"), 401);
  });
});

describe("GET /v1/accounts", () => {
  it("lists the seed user's two seeded accounts, newest first", async () => {
    const { access_token } = await signIn(sandbox.app);
    const response = await getWithToken(sandbox.app, "/v1/accounts", access_token);
    expect(response.status).toBe(200);
    const list = accountListSchema.parse(await response.json());
    expect(list.count).toBe(2);
    expect(list.accounts.map((account) => account.subtype)).toEqual(["savings", "checking"]);
    expect(list.accounts[1]).toMatchObject({
      name: "Everyday Checking",
      institution_name: "Redwood Community Bank",
      type: "depository",
      mask: "4417",
      current_balance: 2450.75,
      available_balance: 2310.2,
      connection_status: "connected",
    });
  });

  it("returns one account by id, and 404 for unknown ids and other users' accounts", async () => {
    const demo = await signIn(sandbox.app);
    const list = accountListSchema.parse(
      await (await getWithToken(sandbox.app, "/v1/accounts", demo.access_token)).json(),
    );
    const savings = list.accounts[0];
    if (!savings) throw new Error("seed has no accounts");

    const one = await getWithToken(sandbox.app, `/v1/accounts/${savings.id}`, demo.access_token);
    expect(one.status).toBe(200);
    expect(accountSchema.parse(await one.json())).toEqual(savings);

    await expectAstraError(await getWithToken(sandbox.app, "/v1/accounts/unknown-id", demo.access_token), 404);

    const stranger = await signIn(sandbox.app, { phone: "2025550177" });
    const theirs = await getWithToken(sandbox.app, `/v1/accounts/${savings.id}`, stranger.access_token);
    expect((await expectAstraError(theirs, 404)).name).toBe("Not Found");
  });
});

describe("routing and headers", () => {
  it("answers unknown paths with a 404 in Astra's error shape", async () => {
    const body = await expectAstraError(await sandbox.app.request("/v1/nothing-here"), 404);
    expect(body.name).toBe("Not Found");
  });

  it("answers a wrong method on a known path with 405 and Allow", async () => {
    const response = await sandbox.app.request("/v1/user", { method: "DELETE" });
    expect(response.headers.get("allow")).toBe("GET");
    await expectAstraError(response, 405);
  });

  it("puts a fresh request-id on pages and API responses", async () => {
    const page = await sandbox.app.request(authorizeUrl());
    const error = await sandbox.app.request("/v1/user");
    expect(page.status).toBe(200);
    expect(page.headers.get("request-id")).toMatch(UUID);
    expect(error.headers.get("request-id")).toMatch(UUID);
    expect(page.headers.get("request-id")).not.toBe(error.headers.get("request-id"));
  });

  it("turns an unexpected failure into a 500 in Astra's error shape", async () => {
    const { access_token } = await signIn(sandbox.app);
    const failing = { ...sandbox.store.users, findById: () => Promise.reject(new Error("disk on fire")) };
    const app = createApp({ store: { ...sandbox.store, users: failing }, clock: sandbox.clock });
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const body = await expectAstraError(await getWithToken(app, "/v1/user", access_token), 500);
    expect(body.description).not.toContain("disk on fire");
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });
});
