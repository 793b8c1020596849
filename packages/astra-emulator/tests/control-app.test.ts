// GET /sandbox/app and DELETE /sandbox/user_intents/{id}: what npm run quickstart reads and cleans up with.
import { beforeEach, describe, expect, it } from "vitest";
import {
  basicAuth,
  createIntent,
  createTestEmulator,
  DEFAULT_APP,
  intentBody,
  signIn,
  type TestEmulator,
} from "./helpers";

let sandbox: TestEmulator;
beforeEach(() => {
  sandbox = createTestEmulator();
});

const control = (path: string, init: RequestInit = {}, auth = basicAuth()) =>
  sandbox.app.request(path, { ...init, headers: { Authorization: auth, ...init.headers } });

describe("control API for scripts", () => {
  it("GET /sandbox/app answers the calling app's redirect URIs and test-phone setting", async () => {
    const response = await control("/sandbox/app");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      client_id: DEFAULT_APP.clientId,
      name: DEFAULT_APP.name,
      redirect_uris: DEFAULT_APP.redirectUris,
      test_phones_enabled: true,
      debit_enabled: false,
      instant_speeds_enabled: false,
    });
    expect((await control("/sandbox/app", {}, basicAuth(DEFAULT_APP.clientId, "wrong"))).status).toBe(401);
  });

  it("DELETE /sandbox/user_intents/{id} removes the intent and the user it became, and only the caller's", async () => {
    const created = await createIntent(sandbox.app, intentBody({ phone: "+12025550166", email: "gone@example.com" }));
    const { id } = (await created.json()) as { id: string };
    await signIn(sandbox.app, { phone: "2025550166", query: { user_intent_id: id } });
    expect(await sandbox.store.users.findByPhone(DEFAULT_APP.clientId, "2025550166")).not.toBeNull();

    const other = await sandbox.store.apps.create(
      {
        clientId: "other_app",
        clientSecret: "other_secret",
        name: "Other",
        redirectUris: ["https://other.example/cb"],
      },
      sandbox.clock.now(),
    );
    expect(
      (
        await control(
          `/sandbox/user_intents/${id}`,
          { method: "DELETE" },
          basicAuth(other.clientId, other.clientSecret),
        )
      ).status,
    ).toBe(404);

    const deleted = await control(`/sandbox/user_intents/${id}`, { method: "DELETE" });
    expect(deleted.status).toBe(200);
    expect(await deleted.json()).toEqual({ deleted: true, user_deleted: true });
    expect((await control(`/v1/user_intent/${id}`)).status).toBe(404);
    expect(await sandbox.store.users.findByPhone(DEFAULT_APP.clientId, "2025550166")).toBeNull();
    expect((await control(`/sandbox/user_intents/${id}`, { method: "DELETE" })).status).toBe(404);
  });
});
