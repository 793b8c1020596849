import { beforeEach, describe, expect, it, vi } from "vitest";
import { astraErrorBodySchema, routineListSchema, routineSchema } from "../src/wire-schemas";
import {
  basicAuth,
  createTestEmulator,
  createTestUser,
  getAuthorizationCode,
  getWithToken,
  postForm,
  REDIRECT_URI,
  routineBody,
  sendJson,
  tokenFor,
  type TestEmulator,
} from "./helpers";

let sandbox: TestEmulator;
beforeEach(() => {
  sandbox = createTestEmulator();
});

async function setUp() {
  const made = await createTestUser(sandbox);
  const body = routineBody(made.accountIds[0]!, made.accountIds[1]!, { name: "Savings" });
  const post = (key: string, payload: unknown = body, token = made.token) =>
    sendJson(sandbox.app, "POST", "/v1/routines", token, payload, { "Idempotency-Key": key });
  const count = async (token = made.token) =>
    routineListSchema.parse(await (await getWithToken(sandbox.app, "/v1/routines", token)).json()).count;
  return { ...made, body, post, count };
}

describe("Idempotency-Key", () => {
  it("replays the first answer to a retry with the same key and body, creating nothing", async () => {
    const user = await setUp();
    const first = await user.post("key-1");
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const firstBody = await first.text();

    const retry = await user.post("key-1");
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.headers.get("content-type")).toMatch(/application\/json/);
    expect(retry.headers.get("request-id")).toBeTruthy();
    expect(await retry.text()).toBe(firstBody);
    expect(await user.count()).toBe(1);

    expect((await user.post("key-2")).status).toBe(201);
    expect(await user.count()).toBe(2);
  });

  it("answers 409 when the key comes back with a different body", async () => {
    const user = await setUp();
    await user.post("key-1");
    const response = await user.post("key-1", { ...user.body, amount: 26 });
    expect(response.status).toBe(409);
    expect(astraErrorBodySchema.parse(await response.json())).toMatchObject({ code: 409, name: "Conflict" });
    expect(await user.count()).toBe(1);
  });

  it("lets two parallel submits of one form create a single routine", async () => {
    const user = await setUp();
    const create = sandbox.store.routines.create.bind(sandbox.store.routines);
    // Slow the first request down so the second surely arrives while it is still running.
    vi.spyOn(sandbox.store.routines, "create").mockImplementation(async (...args) => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      return create(...args);
    });
    const [a, b] = await Promise.all([user.post("double"), user.post("double")]);
    expect([a.status, b.status]).toEqual([201, 201]);
    const replayed = [a, b].filter((response) => response.headers.get("idempotent-replayed") === "true");
    expect(replayed).toHaveLength(1);
    expect(routineSchema.parse(await a.json()).id).toBe(routineSchema.parse(await b.json()).id);
    expect(await user.count()).toBe(1);
  });

  it("does not keep a 5xx, so a retry with the same key can succeed", async () => {
    const user = await setUp();
    const spy = vi.spyOn(sandbox.store.routines, "create").mockRejectedValueOnce(new Error("disk on fire"));
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect((await user.post("retry-me")).status).toBe(500);
    spy.mockRestore();
    const retry = await user.post("retry-me");
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBeNull();
    expect(await user.count()).toBe(1);
  });

  it("replays a validation failure too", async () => {
    const user = await setUp();
    const invalid = { ...user.body, amount: 0 };
    expect((await user.post("bad", invalid)).status).toBe(400);
    const retry = await user.post("bad", invalid);
    expect(retry.status).toBe(400);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
  });

  it("scopes keys to the user, survives token rotation and expires after 24 hours", async () => {
    const user = await setUp();
    const other = await createTestUser(sandbox);
    await user.post("shared");
    const otherBody = { ...user.body, source_id: other.accountIds[0], destination_id: other.accountIds[1] };
    const theirs = await sendJson(sandbox.app, "POST", "/v1/routines", other.token, otherBody, {
      "Idempotency-Key": "shared",
    });
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get("idempotent-replayed")).toBeNull();

    const rotated = await tokenFor(sandbox, user.user.id);
    expect((await user.post("shared", user.body, rotated)).headers.get("idempotent-replayed")).toBe("true");

    sandbox.clock.advance(24 * 60 * 60 * 1000 + 1);
    const fresh = await tokenFor(sandbox, user.user.id);
    const later = await user.post("shared", user.body, fresh);
    expect(later.status).toBe(201);
    expect(later.headers.get("idempotent-replayed")).toBeNull();
    expect(await user.count(fresh)).toBe(2);
  });

  it("refuses keys longer than 255 characters", async () => {
    const user = await setUp();
    expect((await user.post("k".repeat(255))).status).toBe(201);
    const response = await user.post("k".repeat(256));
    expect(response.status).toBe(400);
    expect(astraErrorBodySchema.parse(await response.json()).description).toMatch(/255/);
  });

  it("leaves the token endpoint alone: an authorization code stays single-use", async () => {
    const code = await getAuthorizationCode(sandbox.app);
    const headers = { Authorization: basicAuth(), "Idempotency-Key": "token-1" };
    const form = { grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI };
    expect((await postForm(sandbox.app, "/v1/oauth/token", form, headers)).status).toBe(200);
    const again = await postForm(sandbox.app, "/v1/oauth/token", form, headers);
    expect(again.status).toBe(400);
    expect(again.headers.get("idempotent-replayed")).toBeNull();
  });
});
