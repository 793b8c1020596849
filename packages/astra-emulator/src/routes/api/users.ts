// The bearer token's user: GET /v1/user (https://docs.astra.finance/reference/user), the email update, capabilities,
// and the phone and address change requests (https://docs.astra.finance/llms.txt).
import { Hono } from "hono";
import {
  addressChangeCreateSchema,
  addressChangeRequestSchema,
  phoneChangeCreateSchema,
  phoneChangeRequestListSchema,
  phoneChangeRequestSchema,
  userCapabilitiesSchema,
  userSchema,
  userUpdateSchema,
  type User,
  type UserCapabilities,
} from "../../wire-schemas";
import type { Deps } from "../../deps";
import { bearerAuth, type BearerEnv } from "../../lib/auth";
import { ApiError } from "../../lib/create-app";
import { invalidFields, readJson } from "../../lib/json-body";
import { toE164 } from "../../lib/phone";
import { toAstraTimestamp } from "../../lib/wire";
import type { ChangeRecord, RequestChangeResult } from "../../store/user-changes";
import type { UserRecord } from "../../store/users";

export function toWireUser(user: UserRecord): User {
  return userSchema.parse({
    id: user.id,
    email: user.email,
    phone: toE164(user.phone),
    first_name: user.firstName,
    last_name: user.lastName,
    status: user.status,
  });
}

/** Astra names no capability fields; these names and rules are the emulator's reading of the user-status pages. */
export function capabilitiesOf(user: UserRecord, emailDowngraded: boolean): UserCapabilities {
  const blocked =
    user.status === "suspended"
      ? "The user is suspended."
      : user.rejectedAtConversion
        ? "The user was rejected at sign-up."
        : null;
  const routines =
    blocked ??
    (user.status !== "approved"
      ? `The user's status is ${user.status}; only approved users start routines.`
      : user.kycType !== "verified"
        ? `A ${user.kycType} user can only receive payments.`
        : emailDowngraded
          ? "Downgraded after a third email change within 365 days."
          : null);
  const receive = blocked ?? (user.status === "rejected" ? "The user is rejected." : null);
  const capability = (name: string, reason: string | null) => ({ name, enabled: reason === null, reason });
  return userCapabilitiesSchema.parse({
    user_id: user.id,
    kyc_type: user.kycType,
    capabilities: [
      capability("link_accounts", blocked),
      capability("create_routines", routines),
      capability("receive_payments", receive),
    ],
  });
}

const toWirePhoneChange = (change: ChangeRecord) =>
  phoneChangeRequestSchema.parse({
    id: change.id,
    user_id: change.userId,
    phone: toE164(change.details.phone!),
    status: change.status,
    created: toAstraTimestamp(change.createdAt),
  });

const limitWords = {
  phone: "one phone number change request per 30 days",
  address: "two address changes per 120 days",
};

function refusal(kind: "phone" | "address", result: Exclude<RequestChangeResult, { ok: true }>): ApiError {
  if (result.reason === "not_found") return new ApiError(404, "The user of this token no longer exists.");
  const next = result.nextAllowed.toISOString().slice(0, 10);
  return new ApiError(400, `Astra allows ${limitWords[kind]}; the next one is possible on ${next}.`);
}

export function userRoutes({ store, clocks }: Deps) {
  const auth = bearerAuth(store, clocks);
  const gone = () => new ApiError(404, "The user of this token no longer exists.");
  const userOf = async (id: string) => {
    const user = await store.users.findById(id);
    if (!user) throw gone();
    return user;
  };
  // A token reaches only its own user: another id reads as unknown.
  const ownId = (grantUserId: string, id: string) => {
    if (id !== grantUserId) throw new ApiError(404, "No user with this id for this token.");
  };
  return new Hono<BearerEnv>()
    .get("/v1/user", auth, async (c) => c.json(toWireUser(await userOf(c.get("grant").userId))))
    .patch("/v1/users/:user_id", auth, async (c) => {
      const { userId } = c.get("grant");
      ownId(userId, c.req.param("user_id"));
      const { email } = await readJson(c, userUpdateSchema.strict());
      if (!(await store.userChanges.changeEmail(userId, email, c.get("now")))) throw gone();
      return c.json(toWireUser(await userOf(userId)));
    })
    .get("/v1/users/:id/capabilities", auth, async (c) => {
      const { userId } = c.get("grant");
      ownId(userId, c.req.param("id"));
      const downgraded = await store.userChanges.emailChangesOverLimit(userId, c.get("now"));
      return c.json(capabilitiesOf(await userOf(userId), downgraded));
    })
    .post("/v1/request_user_phone_number_update", auth, async (c) => {
      const { userId } = c.get("grant");
      const phone = (await readJson(c, phoneChangeCreateSchema.strict())).phone.slice(-10);
      if ((await userOf(userId)).phone === phone) throw invalidFields({ phone: ["is already this user's phone"] });
      const result = await store.userChanges.request(userId, "phone", { phone }, c.get("now"));
      if (!result.ok) throw refusal("phone", result);
      return c.json(toWirePhoneChange(result.change), 201);
    })
    .get("/v1/phone_number_change_requests", auth, async (c) => {
      const changes = await store.userChanges.list(c.get("grant").userId, "phone");
      return c.json(
        phoneChangeRequestListSchema.parse({
          count: changes.length,
          phone_number_change_requests: changes.map(toWirePhoneChange),
        }),
      );
    })
    .post("/v1/request_address_change", auth, async (c) => {
      const { userId } = c.get("grant");
      const address = await readJson(c, addressChangeCreateSchema.strict());
      const result = await store.userChanges.request(userId, "address", address, c.get("now"));
      if (!result.ok) throw refusal("address", result);
      const { change } = result;
      return c.json(
        addressChangeRequestSchema.parse({
          ...change.details,
          id: change.id,
          user_id: change.userId,
          status: change.status,
          created: toAstraTimestamp(change.createdAt),
        }),
        201,
      );
    });
}
