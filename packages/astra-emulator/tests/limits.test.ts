// Inputs that used to cost the emulator memory or a 500: oversized bodies, huge page numbers, broken forms,
// and webhook URLs aimed at the emulator's own network.
import { describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { API_BODY_LIMIT, DOCUMENT_BODY_LIMIT, FORM_BODY_LIMIT } from "../src/lib/body-limit";
import { createManualClock } from "../src/lib/clock";
import { createTestStore } from "./support/test-store";
import { dashboardClient, ORIGIN, settingsFields } from "./dashboard-helpers";
import { basicAuth, createTestEmulator, createTestUser, DEFAULT_APP, intentBody, postForm } from "./helpers";

/** A body sent in chunks with no Content-Length, as a streaming client would. */
function streamed(bytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const chunk = new TextEncoder().encode("a".repeat(Math.min(4096, bytes - sent)));
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
}

async function expect413(response: Response) {
  expect(response.status).toBe(413);
  expect(await response.json()).toMatchObject({ code: 413, description: { body: [expect.stringMatching(/at most/)] } });
}

describe("body size caps", () => {
  it("refuse a JSON API body over the cap by Content-Length, before the route or a write", async () => {
    const { app, store } = createTestEmulator();
    const body = JSON.stringify(intentBody({ address2: "x".repeat(API_BODY_LIMIT) }));
    await expect413(
      await app.request("/v1/user_intent", {
        method: "POST",
        headers: {
          Authorization: basicAuth(),
          "Content-Type": "application/json",
          "Content-Length": String(body.length),
        },
        body,
      }),
    );
    expect(await store.userIntents.findForClient(DEFAULT_APP.clientId, "x")).toBeNull();
  });

  it("refuse a streamed body without Content-Length once it passes the cap", async () => {
    const { app } = createTestEmulator();
    const init = { method: "POST", body: streamed(API_BODY_LIMIT + 10), duplex: "half" } as RequestInit;
    await expect413(await app.request("/v1/user_intent", { ...init, headers: { Authorization: basicAuth() } }));
    const form = { method: "POST", body: streamed(FORM_BODY_LIMIT + 10), duplex: "half" } as RequestInit;
    await expect413(
      await app.request("/login/oauth/authorize/phone", {
        ...form,
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
      }),
    );
  });

  it("keep module and dashboard forms and the control API at the smaller cap", async () => {
    const { app } = createTestEmulator();
    const big = "x".repeat(FORM_BODY_LIMIT + 1);
    await expect413(await postForm(app, "/dashboard/login", { email: big, password: "p" }, { Origin: ORIGIN }));
    await expect413(await postForm(app, "/login/oauth/authorize/phone", { session_id: big }));
    await expect413(
      await app.request("/sandbox/faults", { method: "POST", headers: { Authorization: basicAuth() }, body: big }),
    );
  });

  it("let the photo-ID upload carry its documented 10 MB file, and no more", async () => {
    const { app } = createTestEmulator();
    const upload = (bytes: number) => {
      const form = new FormData();
      form.set("session_id", "none");
      form.set("document", new File([new Uint8Array(bytes)], "id.png", { type: "image/png" }));
      return app.request("/verify/document", { method: "POST", body: form });
    };
    expect((await upload(10 * 1024 * 1024)).status).toBe(400); // reaches the route: the session is unknown
    await expect413(await upload(DOCUMENT_BODY_LIMIT + 1));
  });

  it("let a normal body through", async () => {
    const { app } = createTestEmulator();
    const response = await app.request("/v1/user_intent", {
      method: "POST",
      headers: { Authorization: basicAuth(), "Content-Type": "application/json" },
      body: JSON.stringify(intentBody()),
    });
    expect(response.status).toBe(201);
  });
});

describe("pagination", () => {
  it.each([
    ["page=99999999999999999999", "page"],
    ["page=1000001", "page"],
    ["page=1e3", "page"],
    ["page_size=999999999999999999999", "page_size"],
    ["page=-1", "page"],
  ])("answers %s with a 400 naming %s", async (query, field) => {
    const sandbox = createTestEmulator();
    const { token } = await createTestUser(sandbox);
    for (const path of ["/v1/accounts", "/v1/routines", "/v1/transfers"]) {
      const response = await sandbox.app.request(`${path}?${query}`, { headers: { Authorization: `Bearer ${token}` } });
      expect(response.status, path).toBe(400);
      expect((await response.json()).description, path).toHaveProperty(field);
    }
  });
});

describe("malformed form bodies", () => {
  const brokenMultipart = {
    method: "POST",
    headers: { "Content-Type": "multipart/form-data; boundary=XYZ", Origin: ORIGIN },
    body: '--XYZ\r\nContent-Disposition: form-data; name="session_id"\r\n\r\nabc\r\n--XY',
  };

  it.each([
    "/login/oauth/authorize/phone",
    "/verify/document",
    "/institutions/connect/credentials",
    "/institutions/connect/accounts",
    "/verify/personal",
    "/dashboard/login",
  ])("answer broken multipart on %s with a 400 naming the body", async (path) => {
    const { app } = createTestEmulator();
    const response = await app.request(path, brokenMultipart);
    expect(response.status).toBe(400);
    expect((await response.json()).description).toHaveProperty("body");
  });
});

describe("webhook URL targets", () => {
  async function saveWebhookUrl(loopbackOnly: boolean, url: string) {
    const store = createTestStore();
    const sandbox = { store, clock: createManualClock(), app: createApp({ store, loopbackOnly }) };
    const dashboard = dashboardClient(sandbox);
    const cookie = await dashboard.logInSeeded();
    const seeded = await store.apps.findByClientId(DEFAULT_APP.clientId);
    const fields = settingsFields(seeded!, { webhook_url: url });
    const response = await dashboard.post(`/dashboard/apps/${DEFAULT_APP.clientId}`, fields, cookie);
    return { response, app: await store.apps.findByClientId(DEFAULT_APP.clientId) };
  }

  it.each([
    "http://127.0.0.1:3000/hook",
    "http://10.1.2.3/hook",
    "http://169.254.169.254/latest",
    "http://[::1]/hook",
    "http://localhost/x",
    "http://2130706433/",
  ])("refuses %s when the emulator is reachable from the network", async (url) => {
    const { response, app } = await saveWebhookUrl(false, url);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/private, link-local or loopback/);
    expect(app?.webhookUrl).toBe(DEFAULT_APP.webhookUrl);
  });

  it("accepts a private URL while the emulator runs on loopback, and a public one always", async () => {
    expect((await saveWebhookUrl(true, "http://127.0.0.1:3000/hook")).response.status).toBe(303);
    expect((await saveWebhookUrl(false, "https://hooks.example.com/astra")).response.status).toBe(303);
  });
});
