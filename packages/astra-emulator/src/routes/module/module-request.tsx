/** @jsxImportSource hono/jsx */
// The checks every hosted-module URL goes through (authorize, verify, bank linking): the client and its exact
// redirect_uri, the phone, and the user intent or user the link is for. Failures are error pages, never redirects.
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { z } from "zod";
import { ErrorPage } from "../../pages/error-page";
import type { Deps } from "../../deps";
import { isAllowedRedirectUri, originOf, registeredOnReferrerOrigin } from "../../lib/redirect-uris";
import type { DeveloperApp, Store } from "../../store";
import type { ModuleFlow, ModuleSession, Stranger } from "../../store/module-sessions";
import { VISITOR_LIMITS } from "../control/control-visitors";
import type { UserIntentRecord } from "../../store/user-intents";
import type { UserRecord } from "../../store/users";
import { renderPage } from "../../lib/base-path";
import { allowFormRedirect } from "../../lib/security-headers";

/** Module pages carry session ids, codes and personal details: no cache keeps them. */
export const noStore = createMiddleware(async (c, next) => {
  await next();
  c.header("Cache-Control", "no-store");
});

/** The user intent or user named on a module URL (`user_intent_id`, `user_id`). */
export type Subject = { kind: "user_intent"; intent: UserIntentRecord } | { kind: "user"; user: UserRecord };

/** A developer mistake: never redirect to an untrusted redirect_uri, explain instead. */
export const badRequest = (
  c: Context,
  title: string,
  message: string,
  fix: string,
  link?: { href: string; label: string },
) => renderPage(c, <ErrorPage title={title} message={message} fix={fix} link={link} />, 400);

/** The app's settings page in the dashboard, with `uri` already added to its redirect URIs (saved only on Save Changes). */
const settingsPageAdding = (clientId: string, uri: string): string =>
  `/dashboard/apps/${encodeURIComponent(clientId)}?${new URLSearchParams({ add_redirect_uri: uri })}#redirect_uris`;

/**
 * The module's answer when the phone differs from the one on the user intent or user
 * (https://knowledge.astrafi.com/articles/2095397051-guide-error-token-authentication-required).
 */
export const tokenAuthenticationRequired = (c: Context) =>
  badRequest(
    c,
    "Token Authentication Required",
    "This phone number does not match the one registered for the user intent or user on this link.",
    "Sign in with the phone number the app registered, or open a new link made for this phone number.",
  );

export const expired = (c: Context) =>
  badRequest(
    c,
    "This sign-in has expired",
    "We could not find this sign-in session. Sessions last 30 minutes and end once you finish or cancel.",
    "Go back to the app you came from and start again.",
  );

export const subjectPhone = (subject: Subject | null): string | null =>
  subject === null ? null : subject.kind === "user_intent" ? subject.intent.phone : subject.user.phone;

/** The public demo without a live visitor token (or the login cookie one set): nobody to sign in. */
export const notAVisitor = (c: Context) =>
  renderPage(
    c,
    <ErrorPage
      title="Start from Try the demo"
      message="This demo signs people in only through the app's Try the demo button: the link it opens works once, for a few minutes."
      fix="Go back to the app and press Try the demo again."
    />,
    403,
  );

// Both are stored with the module session, so a sign-in link cannot make the store hold kilobytes.
const storedFieldBounds = z.object({
  state: z.string().max(512, "state must be at most 512 characters.").optional(),
  redirect_uri: z.string().max(2048, "redirect_uri must be at most 2048 characters.").optional(),
});

/** client_id and redirect_uri, which must be registered exactly (lib/redirect-uris.ts); returns the app or the error page. */
export async function checkClient(c: Context, { store, hosted }: Deps): Promise<DeveloperApp | Response> {
  const query = c.req.query();
  const bounds = storedFieldBounds.safeParse(query);
  if (!bounds.success) {
    const message = bounds.error.issues.map((issue) => issue.message).join(" ");
    return badRequest(c, "Parameter too long", message, "Send a shorter value.");
  }
  const client = query.client_id ? await store.apps.findByClientId(query.client_id) : null;
  if (!client) {
    return badRequest(
      c,
      "Invalid client_id",
      `client_id "${query.client_id ?? ""}" does not belong to any app registered with this sandbox.`,
      "Use the client id of your developer app (EMULATOR_CLIENT_ID for the emulator).",
    );
  }
  if (!query.redirect_uri || !isAllowedRedirectUri(hosted, c.req.raw, client, query.redirect_uri)) {
    const uri = query.redirect_uri ?? "";
    const twin = registeredOnReferrerOrigin(client, uri, c.req.header("referer"));
    if (twin) {
      const from = originOf(twin);
      return badRequest(
        c,
        "Redirect URI not registered",
        `redirect_uri "${uri}" is not registered for ${client.name}, but you came from the app at ${from}, whose ${twin} is.`,
        `The app's own public address (AUTH_URL, for an Auth.js app) names ${originOf(uri)} instead of ${from}: set it to ${from}, restart the app and sign in again. Registering ${uri} would not help while the app runs at ${from}.`,
      );
    }
    return badRequest(
      c,
      "Redirect URI not registered",
      `redirect_uri "${uri}" is not registered for ${client.name}. It must match exactly.`,
      `Registered redirect URIs: ${client.redirectUris.join(", ")}. To use this one, add it on a line of its own under ` +
        "Redirect URIs on the app's settings page in the dashboard, then click Save Changes.",
      uri
        ? { href: settingsPageAdding(client.clientId, uri), label: `Add ${uri} in ${client.name}'s settings` }
        : undefined,
    );
  }
  return client;
}

export interface Person {
  subject: Subject | null;
  phone: string | null;
  phoneLocked: boolean;
}

/** phone, phone_read_only, user_intent_id and user_id of a module URL; returns them or the error page. */
export async function checkPerson(c: Context, store: Store, client: DeveloperApp): Promise<Person | Response> {
  const query = c.req.query();
  if (query.phone !== undefined && !/^\d{10}$/.test(query.phone)) {
    return badRequest(
      c,
      "Invalid phone parameter",
      "phone must be a 10-digit US number without + or a country code, for example 2025550123.",
      "Fix or remove the phone parameter.",
    );
  }
  const intent = query.user_intent_id
    ? await store.userIntents.findForClient(client.clientId, query.user_intent_id)
    : null;
  if (query.user_intent_id !== undefined && !intent) {
    return badRequest(
      c,
      "Unknown user intent",
      `user_intent_id "${query.user_intent_id}" is not a user intent of ${client.name}.`,
      "Use the id returned by POST /v1/user_intent with this app's credentials.",
    );
  }
  const user = query.user_id ? await store.users.findForClient(client.clientId, query.user_id) : null;
  if (query.user_id !== undefined && !user) {
    return badRequest(
      c,
      "Unknown user",
      `user_id "${query.user_id}" is not a user of ${client.name}.`,
      "Use the id from GET /v1/user of a user who authorized this app.",
    );
  }
  if (intent && user && intent.userId !== user.id) {
    return badRequest(
      c,
      "Two different people",
      "user_intent_id and user_id name different people.",
      "Send only user_id once the user intent has been converted to a user.",
    );
  }
  const subject: Subject | null = user ? { kind: "user", user } : intent ? { kind: "user_intent", intent } : null;
  const expected = subjectPhone(subject);
  if (expected && query.phone !== undefined && query.phone !== expected) return tokenAuthenticationRequired(c);
  const phone = query.phone ?? null;
  return { subject, phone, phoneLocked: phone !== null && query.phone_read_only === "true" };
}

/** Visitor scope: the client a new user would count against (the same budget as POST /sandbox/visitors). */
export function strangerOf({ addressKeyOf }: Deps, c: Context): Stranger | null {
  const key = addressKeyOf(c.req.raw);
  return key === null ? null : { key, userLimits: VISITOR_LIMITS };
}

/** Opens the module session for a checked request: the flow, who it is for and where it returns. */
export function openSession(
  c: Context,
  { store, addressKeyOf }: Deps,
  client: DeveloperApp,
  person: Person,
  flow: ModuleFlow,
  now: Date,
): Promise<ModuleSession> {
  const { subject } = person;
  allowFormRedirect(c, c.req.query("redirect_uri") ?? "");
  return store.moduleSessions.create(
    {
      clientId: client.clientId,
      redirectUri: c.req.query("redirect_uri") ?? "",
      state: c.req.query("state") ?? null,
      phone: person.phone,
      phoneLocked: person.phoneLocked,
      context: {
        flow,
        userIntentId: subject?.kind === "user_intent" ? subject.intent.id : undefined,
        subjectUserId: subject?.kind === "user" ? subject.user.id : undefined,
      },
    },
    now,
    addressKeyOf(c.req.raw),
  );
}
