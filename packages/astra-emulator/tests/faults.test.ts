import { beforeEach, describe, expect, it } from "vitest";
import { astraErrorBodySchema } from "../src/wire-schemas";
import { basicAuth, createTestEmulator, DEFAULT_APP, getWithToken, signIn, type TestEmulator } from "./helpers";

let sandbox: TestEmulator;
let token: string;

const control = (method: string, path: string, body?: unknown, auth = basicAuth()) =>
  sandbox.app.request(path, {
    method,
    headers: { Authorization: auth },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

const addFault = async (fault: Record<string, unknown>, auth = basicAuth()) => {
  const response = await control("POST", "/sandbox/faults", fault, auth);
  expect(response.status).toBe(201);
  return response.json();
};

const accounts = () => getWithToken(sandbox.app, "/v1/accounts", token);

beforeEach(async () => {
  sandbox = createTestEmulator();
  token = (await signIn(sandbox.app)).access_token;
});

describe("status faults", () => {
  it("answer the next N matching requests with the status in Astra's envelope, then let requests through", async () => {
    const fault = await addFault({ method: "GET", path: "/v1/accounts", status: 503, count: 2 });
    expect(fault).toMatchObject({ method: "GET", path: "/v1/accounts", status: 503, delay_ms: null, remaining: 2 });

    for (let i = 0; i < 2; i += 1) {
      const response = await accounts();
      expect(response.status).toBe(503);
      expect(response.headers.get("request-id")).toMatch(/^[0-9a-f-]{36}$/);
      const body = astraErrorBodySchema.parse(await response.json());
      expect(body).toMatchObject({ code: 503, name: "Service Unavailable" });
    }
    expect((await accounts()).status).toBe(200);

    const list = await (await control("GET", "/sandbox/faults")).json();
    expect(list.faults).toEqual([expect.objectContaining({ id: fault.id, remaining: 0 })]);
  });

  it("match the path exactly unless it ends in *, and the method unless it is *", async () => {
    await addFault({ method: "POST", path: "/v1/accounts", status: 500, count: 1 });
    await addFault({ method: "GET", path: "/v1/account", status: 500, count: 1 });
    expect((await accounts()).status).toBe(200);

    await addFault({ method: "*", path: "/v1/acc*", status: 502, count: 2 });
    const user = await getWithToken(sandbox.app, "/v1/user", token);
    expect(user.status).toBe(200);
    expect((await accounts()).status).toBe(502);
    const one = await getWithToken(sandbox.app, "/v1/accounts/some-id", token);
    expect(one.status).toBe(502);
    expect((await one.json()).name).toBe("Bad Gateway");
    expect((await accounts()).status).toBe(200);
  });

  it("use up a count of N exactly under parallel requests", async () => {
    await addFault({ method: "GET", path: "/v1/*", status: 429, count: 5 });
    const statuses = await Promise.all(Array.from({ length: 12 }, async () => (await accounts()).status));
    expect(statuses.filter((status) => status === 429)).toHaveLength(5);
    expect(statuses.filter((status) => status === 200)).toHaveLength(7);
  });

  it("also hit the token endpoint and module pages when their paths match", async () => {
    await addFault({ method: "*", path: "/login/*", status: 500, count: 1 });
    await expect(signIn(sandbox.app)).rejects.toThrow(/500/);
    await expect(signIn(sandbox.app)).resolves.toHaveProperty("access_token");
  });

  it("never apply to the control API, so a test can always clear them", async () => {
    await addFault({ method: "*", path: "/*", status: 500, count: 100 });
    expect((await control("GET", "/sandbox/clock")).status).toBe(200);
    expect((await accounts()).status).toBe(500);
    expect(await (await control("DELETE", "/sandbox/faults")).json()).toEqual({ cleared: 1 });
    expect((await accounts()).status).toBe(200);
  });

  it("only hit requests made with the app's own credentials or tokens", async () => {
    await sandbox.store.apps.create(
      { clientId: "other_app", clientSecret: "other_secret", name: "Other", redirectUris: [] },
      sandbox.clock.now(),
    );
    await addFault(
      { method: "GET", path: "/v1/accounts", status: 500, count: 1 },
      basicAuth("other_app", "other_secret"),
    );
    expect((await accounts()).status).toBe(200);
    expect(await (await control("GET", "/sandbox/faults")).json()).toEqual({ faults: [] });
  });
});

describe("window faults", () => {
  it("hit every matching request once the first opens the window, parallel ones and retries alike", async () => {
    const fault = await addFault({ method: "GET", path: "/v1/*", status: 503, window_ms: 60_000 });
    expect(fault).toMatchObject({ remaining: 1, window_ms: 60_000, window_ends_at: null });
    const statuses = await Promise.all(Array.from({ length: 6 }, async () => (await accounts()).status));
    expect(statuses).toEqual(Array(6).fill(503));
    expect((await accounts()).status).toBe(503);

    const [listed] = (await (await control("GET", "/sandbox/faults")).json()).faults;
    expect(listed).toMatchObject({ id: fault.id, remaining: 0 });
    expect(Date.parse(listed.window_ends_at) - Date.now()).toBeGreaterThan(0);
    await control("DELETE", "/sandbox/faults");
    expect((await accounts()).status).toBe(200);
  });

  it("open at the first hit, not when set, and close window_ms later", async () => {
    const faults = sandbox.store.faults;
    await faults.create(
      DEFAULT_APP.clientId,
      { method: "GET", path: "/v1/accounts", status: 500, delayMs: null, windowMs: 1_000 },
      sandbox.clock.now(),
    );
    const target = { method: "GET", path: "/v1/accounts", clientId: DEFAULT_APP.clientId };
    const opened = await faults.take(target, 50_000);
    expect(opened?.windowEndsAt?.getTime()).toBe(51_000);
    expect(await faults.take(target, 50_999)).toMatchObject({ status: 500 });
    expect(await faults.take({ ...target, path: "/v1/routines" }, 50_999)).toBeNull();
    expect(await faults.take(target, 51_000)).toBeNull();
    expect(await faults.anyActive(51_000)).toBe(false);
  });
});

describe("delay faults", () => {
  it("wait before running the route normally", async () => {
    await addFault({ method: "GET", path: "/v1/accounts", delay_ms: 150, count: 1 });
    const started = performance.now();
    const response = await accounts();
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(response.status).toBe(200);
    const again = performance.now();
    await accounts();
    expect(performance.now() - again).toBeLessThan(140);
  });

  it("wait, then answer the status when both are set", async () => {
    await addFault({ method: "GET", path: "/v1/accounts", delay_ms: 100, status: 504, count: 1 });
    const started = performance.now();
    expect((await accounts()).status).toBe(504);
    expect(performance.now() - started).toBeGreaterThanOrEqual(90);
  });
});

describe("POST /sandbox/faults validation", () => {
  it.each([
    [{ method: "GET", path: "/v1/accounts", count: 1 }, "body"],
    [{ method: "PATCH", path: "/v1/accounts", status: 500, count: 1 }, "method"],
    [{ method: "GET", path: "v1/accounts", status: 500, count: 1 }, "path"],
    [{ method: "GET", path: "/v1/*/x", status: 500, count: 1 }, "path"],
    [{ method: "GET", path: "/v1/accounts", status: 302, count: 1 }, "status"],
    [{ method: "GET", path: "/v1/accounts", delay_ms: 30_001, count: 1 }, "delay_ms"],
    [{ method: "GET", path: "/v1/accounts", status: 500, count: 0 }, "count"],
    [{ method: "GET", path: "/v1/accounts", status: 500, count: 101 }, "count"],
    [{ method: "GET", path: "/v1/accounts", status: 500 }, "count"],
    [{ method: "GET", path: "/v1/accounts", status: 500, count: 1, window_ms: 1_000 }, "count"],
    [{ method: "GET", path: "/v1/accounts", status: 500, window_ms: 0 }, "window_ms"],
    [{ method: "GET", path: "/v1/accounts", status: 500, window_ms: 60_001 }, "window_ms"],
  ])("rejects %j with a field map naming %s", async (body, field) => {
    const response = await control("POST", "/sandbox/faults", body);
    expect(response.status).toBe(400);
    const error = astraErrorBodySchema.parse(await response.json());
    expect(error.description).toHaveProperty(field);
    expect(await (await control("GET", "/sandbox/faults")).json()).toEqual({ faults: [] });
  });

  it("lists the app's faults oldest first", async () => {
    const first = await addFault({ method: "GET", path: "/v1/a", status: 500, count: 1 });
    const second = await addFault({ method: "DELETE", path: "/v1/b*", delay_ms: 10, count: 3 });
    const list = await (await control("GET", "/sandbox/faults")).json();
    expect(list.faults.map((fault: { id: string }) => fault.id)).toEqual([first.id, second.id]);
  });
});
