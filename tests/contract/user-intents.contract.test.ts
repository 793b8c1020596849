// User intents: what the app's "Create a test user" page registers with the app's own credentials.
import { describe, expect, it } from "vitest";
import { intentBody } from "./helpers";
import { call, show } from "./http";
import { walkModule } from "./module-walk";
import { exchangeCode } from "./session";
import { expectShape, tokenResponse, user, USER_INTENT_STATUSES, userIntent, userIntentCreated } from "./shapes";
import { emulatorOnly, target } from "./target";

const INTENT_PHONE = "2025550161";

describe("User intents", () => {
  it("POST /v1/user_intent (client Basic auth) answers an id that GET /v1/user_intent/{id} reads back", async () => {
    const body = intentBody(INTENT_PHONE);
    const created = await call("POST", "/v1/user_intent", { auth: "client", json: body });
    // reference/post_v1-user-intent: the response is `{id}`, with 200 or 201.
    expect([200, 201], show(created)).toContain(created.status);
    const { id } = expectShape(userIntentCreated, created.json, "The created intent");

    const read = await call("GET", `/v1/user_intent/${encodeURIComponent(id)}`, { auth: "client" });
    expect(read.status, show(read)).toBe(200);
    const intent = expectShape(userIntent, read.json, "The user intent");
    expect(intent.id).toBe(id);
    // reference/user-statuses: the documented statuses; a new intent is never converted yet.
    expect(USER_INTENT_STATUSES).toContain(intent.status);
    expect(intent.status).not.toBe("converted_to_user");
    if (intent.email) expect(intent.email.toLowerCase()).toBe(body.email);
  });

  it("address2 null is refused with 400", async () => {
    // reference/post_v1-user-intent: "send \"\" when empty; `null` causes a 400".
    const reply = await call("POST", "/v1/user_intent", {
      auth: "client",
      json: { ...intentBody(INTENT_PHONE), address2: null },
    });
    expect(reply.status, show(reply)).toBe(400);
  });

  it("wrong client credentials are refused with 401", async () => {
    // User intents take client Basic auth; reference/errors: 401 for bad credentials.
    const reply = await call("POST", "/v1/user_intent", {
      auth: { basic: [target().clientId, "not-the-client-secret"] },
      json: intentBody(INTENT_PHONE),
    });
    expect(reply.status, show(reply)).toBe(401);
  });

  it("an unknown user intent id is 404", async () => {
    // reference/errors: 404 not found.
    const reply = await call("GET", "/v1/user_intent/0123456789abcdef0123456789abcdef", { auth: "client" });
    expect(reply.status, show(reply)).toBe(404);
  });

  it("[emulator-only] signing in through an intent converts it to a user", async (context) => {
    emulatorOnly(context, "a second module walk as another person, which Astra's sandbox would need a person for");
    // The app's "Create a test user" flow: intent, then the module with user_intent_id and the phone locked.
    const phone = "2025550162";
    const created = await call("POST", "/v1/user_intent", { auth: "client", json: intentBody(phone) });
    const { id } = expectShape(userIntentCreated, created.json, "The created intent");
    const walk = await walkModule(target(), { userIntentId: id, phone });
    const exchange = await exchangeCode(walk.callback.searchParams.get("code") ?? "");
    expect(exchange.status, show(exchange)).toBe(200);
    const token = expectShape(tokenResponse, exchange.json, "The token response").access_token;
    const me = expectShape(user, (await call("GET", "/v1/user", { auth: { bearer: token } })).json, "The user");

    // reference/guide-userintent-user-statuses-and-oauth-module-flows: "once an end-user authenticates, their
    // UserIntent will be converted to a User regardless of their status"; the intent then names its user.
    const intent = expectShape(
      userIntent,
      (await call("GET", `/v1/user_intent/${id}`, { auth: "client" })).json,
      "The intent",
    );
    expect(intent).toMatchObject({ status: "converted_to_user", user_id: me.id });
  });
});
