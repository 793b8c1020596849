// POST /v1/user_intent and GET /v1/user_intent/:id, with client Basic auth
// (https://docs.astra.finance/reference/post_v1-user-intent).
import { Hono } from "hono";
import { userIntentCreateSchema, userIntentSchema, type UserIntent } from "../../wire-schemas";
import type { Deps } from "../../deps";
import { clientBasicAuth, type ClientEnv } from "../../lib/auth";
import { ApiError } from "../../lib/create-app";
import { readJson } from "../../lib/json-body";
import { toE164 } from "../../lib/phone";
import { MAX_INTENTS_PER_EMAIL, type UserIntentRecord } from "../../store/user-intents";
import { strangerOf } from "../module/module-request";

export function toWireUserIntent(intent: UserIntentRecord): UserIntent {
  return userIntentSchema.parse({
    id: intent.id,
    user_id: intent.userId,
    email: intent.email,
    phone: toE164(intent.phone),
    first_name: intent.firstName,
    last_name: intent.lastName,
    preferred_first_name: intent.preferredFirstName,
    preferred_last_name: intent.preferredLastName,
    preferred_pronouns: intent.preferredPronouns,
    status: intent.status,
    kyc_type: intent.kycType,
    oauth_token_issued: intent.oauthTokenIssued,
    metadata: intent.metadata,
  });
}

export function userIntentRoutes(deps: Deps) {
  const { store, clocks } = deps;
  const auth = clientBasicAuth(store, clocks);
  return new Hono<ClientEnv>()
    .post("/v1/user_intent", auth, async (c) => {
      const input = await readJson(c, userIntentCreateSchema);
      const stranger = strangerOf(deps, c);
      const result = await store.userIntents.create(c.get("client").clientId, input, c.get("now"), stranger);
      if (!result.ok) {
        throw new ApiError(
          400,
          `${input.email} already has ${MAX_INTENTS_PER_EMAIL} user intents; Astra allows ${MAX_INTENTS_PER_EMAIL} per email.`,
        );
      }
      return c.json({ id: result.intent.id }, 201);
    })
    .get("/v1/user_intent/:id", auth, async (c) => {
      const intent = await store.userIntents.findForClient(c.get("client").clientId, c.req.param("id"));
      if (!intent) throw new ApiError(404, "No user intent with this id for this client.");
      return c.json(toWireUserIntent(intent));
    });
}
