// Visitor scope (the hosted demo): every visitor is a user of one shared developer app, so a control call acts
// for the one user it names in the Sandbox-User-Id header. The app's server sets it to the signed-in visitor's
// Astra user id; it is trusted because only that server holds the client secret the call authenticates with.
// A call that names nobody would act for every visitor at once, and is refused.
import type { Context } from "hono";
import type { Deps } from "../../deps";
import type { ClientEnv } from "../../lib/auth";
import { ApiError } from "../../lib/create-app";
import type { UserRecord } from "../../store/users";

export const SANDBOX_USER_HEADER = "Sandbox-User-Id";

const appWideRefused = (what: string) =>
  new ApiError(
    403,
    `This emulator runs the hosted demo (visitor scope), where ${what} would act for every visitor at once. ` +
      `Send the visitor's Astra user id in the ${SANDBOX_USER_HEADER} header to act for that visitor only.`,
  );

/** The user named by the header, or null when none is; 404 when it names no user of the calling app. */
async function namedUser({ store }: Deps, c: Context<ClientEnv>): Promise<UserRecord | null> {
  const userId = c.req.header(SANDBOX_USER_HEADER)?.trim();
  if (!userId) return null;
  const user = await store.users.findForClient(c.get("client").clientId, userId);
  if (!user) throw new ApiError(404, `${SANDBOX_USER_HEADER} names no user of this app.`);
  return user;
}

/**
 * The visitor a call acts for: null outside visitor scope (the call is the app's, as always); in visitor scope
 * the named user, or a 403 that calls `what` app-wide when the header is missing.
 */
export async function visitorOf(deps: Deps, c: Context<ClientEnv>, what: string): Promise<UserRecord | null> {
  if (!deps.visitorScope) return null;
  const user = await namedUser(deps, c);
  if (!user) throw appWideRefused(what);
  return user;
}

/** Visitor scope: the user a read acts for when one is named (a read without one is the app's); else null. */
export async function optionalVisitorOf(deps: Deps, c: Context<ClientEnv>): Promise<UserRecord | null> {
  return deps.visitorScope ? namedUser(deps, c) : null;
}

/** Visitor scope: a call about user `:id` must come for that same visitor, so one visitor cannot act on another. */
export async function checkActsFor(deps: Deps, c: Context<ClientEnv>, userId: string): Promise<void> {
  const visitor = await visitorOf(deps, c, "a call about a user that names no visitor");
  if (visitor && visitor.id !== userId) {
    throw new ApiError(403, `${SANDBOX_USER_HEADER} names another user; a visitor acts only on their own user.`);
  }
}

/** Refuses a control call that has no per-visitor form in visitor scope. */
export function refuseInVisitorScope(deps: Deps, what: string): void {
  if (deps.visitorScope) throw appWideRefused(what);
}
