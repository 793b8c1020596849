// GET /v1/user: the profile of the bearer token's user (https://docs.astra.finance/reference/user).
import { Hono } from "hono";
import { userSchema, type User } from "../../wire-schemas";
import type { Deps } from "../../deps";
import { bearerAuth, type BearerEnv } from "../../lib/auth";
import { ApiError } from "../../lib/create-app";
import { toE164 } from "../../lib/phone";
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

export function userRoutes({ store, clocks }: Deps) {
  return new Hono<BearerEnv>().get("/v1/user", bearerAuth(store, clocks), async (c) => {
    const user = await store.users.findById(c.get("grant").userId);
    if (!user) throw new ApiError(404, "The user of this token no longer exists.");
    return c.json(toWireUser(user));
  });
}
