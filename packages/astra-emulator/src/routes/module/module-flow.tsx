/** @jsxImportSource hono/jsx */
// What the hosted-module flows share (authorize, verify, bank and card linking): the phone + code sign-in steps,
// the session each flow runs in, and the login cookie that lets a later flow skip signing in.
import { Hono, type Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { getCookie, setCookie } from "hono/cookie";
import { z } from "zod";
import type { Deps } from "../../deps";
import { readForm } from "../../lib/form-body";
import { MODULE_SESSION_TTL_MS, VISITOR_TOKEN_TTL_MS } from "../../lib/lifetimes";
import { isVisitorPhone, normalizePhone, SANDBOX_VERIFICATION_CODE, verificationCodeFor } from "../../lib/phone";
import { isAllowedRedirectUri } from "../../lib/redirect-uris";
import { CodePage } from "../../pages/code-page";
import { NoticePage } from "../../pages/error-page";
import { PhonePage } from "../../pages/phone-page";
import type { DeveloperApp } from "../../store";
import type { ModuleFlow, ModuleSession } from "../../store/module-sessions";
import {
  checkClient,
  checkPerson,
  expired,
  notAVisitor,
  openSession,
  strangerOf,
  subjectPhone,
  tokenAuthenticationRequired,
} from "./module-request";
import { cookiePath, href, renderPage } from "../../lib/base-path";
import { allowFormRedirect, servedOverHttps } from "../../lib/security-headers";

export const LOGIN_COOKIE = "astra_sandbox_login";

/** Renders the page that follows a successful sign-in, for where the flow stands. */
export type NextStep = (c: Context, session: ModuleSession, client: DeveloperApp) => Promise<Response>;

/** Whom a linking flow links for: the signed-in person (whose phone matched any user_id on the link). */
export async function sessionUser({ store }: Deps, session: ModuleSession) {
  const userId = session.userId ?? session.context.subjectUserId;
  return userId ? store.users.findById(userId) : null;
}

/** A page that ends a flow early, with a link back to the app that carries its state. */
export function noticeWithReturn(
  c: Context,
  session: ModuleSession,
  appName: string,
  notice: { title: string; message: string },
  status?: ContentfulStatusCode,
) {
  const back = new URL(session.redirectUri);
  if (session.state !== null) back.searchParams.set("state", session.state);
  const link = { href: back.toString(), label: `Return to ${appName}` };
  return renderPage(c, <NoticePage {...notice} link={link} />, status);
}

export function redirectTo(c: Context, redirectUri: string, params: Record<string, string | null>) {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) if (value !== null) url.searchParams.set(name, value);
  return c.redirect(url.toString(), 302);
}

/**
 * The code a sign-in needs, and what the code page shows of it (the "text message" the emulator cannot send).
 * With `visitorScope` (the hosted demo) a visitor's own phone takes the fixed code too.
 */
export function signInCode(
  client: DeveloperApp,
  sessionId: string,
  phone: string,
  visitorScope = false,
): { code: string; shown?: string } {
  const { code, fixed } =
    visitorScope && client.testPhonesEnabled && isVisitorPhone(phone)
      ? { code: SANDBOX_VERIFICATION_CODE, fixed: true }
      : verificationCodeFor(sessionId, phone, client.testPhonesEnabled);
  return { code, shown: fixed && !client.showTestCodes ? undefined : code };
}

/** POST /sandbox/visitors mints 32 random bytes, base64url: 43 characters. */
const visitorTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export function moduleFlow(deps: Deps, flow: ModuleFlow, base: string, next: NextStep) {
  const { store, clocks, hosted, visitorScope } = deps;
  // Strangers share the public demo: a phone number is no proof of who someone is, so there is no phone step.
  const publicDemo = hosted?.publicDemo ?? false;
  /** Loads the session named by the hidden field; it must belong to this flow and its app must still trust it. */
  async function loadSession(c: Context, form: Record<string, string>) {
    const clientId = form.session_id ? await store.moduleSessions.clientIdOf(form.session_id) : null;
    const session = clientId
      ? await store.moduleSessions.find(form.session_id ?? "", await clocks.now(clientId))
      : null;
    if (!session || session.context.flow !== flow) return null;
    const client = await store.apps.findByClientId(session.clientId);
    if (!client || !isAllowedRedirectUri(hosted, c.req.raw, client, session.redirectUri)) return null;
    allowFormRedirect(c, session.redirectUri);
    return { session, client };
  }

  /** The phone of the user intent or user the flow was started for, if any. */
  async function expectedPhone(session: ModuleSession): Promise<string | null> {
    const { userIntentId, subjectUserId } = session.context;
    if (subjectUserId) return (await store.users.findById(subjectUserId))?.phone ?? null;
    if (userIntentId) return (await store.userIntents.findForClient(session.clientId, userIntentId))?.phone ?? null;
    return null;
  }

  /** The phone the request's login cookie verified for this app, if any. */
  async function knownLogin(c: Context, client: DeveloperApp): Promise<string | null> {
    const cookie = getCookie(c, LOGIN_COOKIE);
    return cookie ? store.moduleSessions.findLogin(cookie, client.clientId, await clocks.now(client.clientId)) : null;
  }

  function setLoginCookie(c: Context, secret: string | null) {
    // Null: the address holds its maximum of open module sessions, so no login is remembered.
    if (secret === null) return;
    setCookie(c, LOGIN_COOKIE, secret, {
      httpOnly: true,
      sameSite: "Lax",
      secure: servedOverHttps(c),
      // Every module flow reads it, and nothing outside the emulator: the app that mounts it must not see it.
      path: cookiePath(c, "/"),
      maxAge: MODULE_SESSION_TTL_MS / 1000,
    });
  }

  /** Verifies the session's phone, converts a user intent where the flow does, and sets the login cookie. */
  async function signedIn(c: Context, session: ModuleSession, client: DeveloperApp, phone: string) {
    const now = await clocks.now(client.clientId);
    const verified = { ...session, phone };
    const user = await store.moduleSessions.completeVerification(verified, now, strangerOf(deps, c));
    const login = { ...verified, userId: user?.id ?? null };
    setLoginCookie(c, await store.moduleSessions.startLogin(login, now, deps.addressKeyOf(c.req.raw)));
    return next(c, { ...verified, verified: true, userId: user?.id ?? null }, client);
  }

  /**
   * The hosted demo's sign-in: the one-use token "Try the demo" minted (POST /sandbox/visitors) is spent, the
   * login cookie now names its visitor, and the browser comes back to the same URL without the token, which
   * start() then signs in by that cookie. Nothing is written for a token that is not live.
   */
  async function useVisitorToken(c: Context, client: DeveloperApp): Promise<Response> {
    const token = visitorTokenSchema.safeParse(c.req.query("visitor_token"));
    const now = await clocks.now(client.clientId);
    const startLogin = async (userId: string) => {
      const user = await store.users.findById(userId);
      const redirectUri = c.req.query("redirect_uri") ?? "";
      return (
        user &&
        store.moduleSessions.startLogin(
          { clientId: client.clientId, redirectUri, phone: user.phone, userId },
          now,
          deps.addressKeyOf(c.req.raw),
        )
      );
    };
    const secret = token.success
      ? await store.visitors.useToken(client.clientId, token.data, clocks.base.now(), VISITOR_TOKEN_TTL_MS, startLogin)
      : null;
    if (!secret) return notAVisitor(c);
    setLoginCookie(c, secret);
    const url = new URL(c.req.url);
    url.searchParams.delete("visitor_token");
    return c.redirect(href(c, `${url.pathname}${url.search}`), 302);
  }

  const phonePage = (c: Context, session: ModuleSession, client: DeveloperApp, phone: string, error?: string) =>
    renderPage(
      c,
      <PhonePage
        sessionId={session.id}
        appName={client.name}
        phone={phone}
        readOnly={session.phoneLocked}
        action={base}
        showCode={client.showTestCodes}
        testPhones={client.testPhonesEnabled}
        error={error}
      />,
      error ? 400 : 200,
    );

  const codePage = (c: Context, session: ModuleSession, client: DeveloperApp, phone: string, error?: string) =>
    renderPage(
      c,
      <CodePage
        sessionId={session.id}
        phone={phone}
        action={base}
        shownCode={signInCode(client, session.id, phone, visitorScope).shown}
        error={error}
      />,
      error ? 400 : 200,
    );

  /** Starts the flow from its URL: recognised by the login cookie, or asked for phone and code. */
  async function start(c: Context): Promise<Response> {
    const client = await checkClient(c, deps);
    if (client instanceof Response) return client;
    const person = await checkPerson(c, store, client);
    if (person instanceof Response) return person;
    const { subject } = person;
    const now = await clocks.now(client.clientId);
    const known = await knownLogin(c, client);
    const expected = subjectPhone(subject);
    // The cookie only stands in for the person the link is for; anyone else signs in again.
    const recognised = known && (expected ?? known) === known && (person.phone ?? known) === known ? known : null;
    if (!recognised && publicDemo) return notAVisitor(c);
    const session = await openSession(c, deps, client, person, flow, now);
    if (recognised) {
      await store.moduleSessions.setPhone(session.id, recognised);
      return signedIn(c, session, client, recognised);
    }
    return phonePage(c, session, client, person.phone ?? "");
  }

  const routes = new Hono();

  routes.post(`${base}/phone`, async (c) => {
    if (publicDemo) return notAVisitor(c);
    const form = await readForm(c);
    const loaded = await loadSession(c, form);
    if (!loaded) return expired(c);
    const { session, client } = loaded;
    const phone = session.phoneLocked ? session.phone : normalizePhone(form.phone ?? "");
    if (!phone)
      return phonePage(
        c,
        session,
        client,
        form.phone ?? "",
        "Enter a 10-digit US phone number, for example 2025550123.",
      );
    await store.moduleSessions.setPhone(session.id, phone);
    return codePage(c, session, client, phone);
  });

  routes.post(`${base}/code`, async (c) => {
    if (publicDemo) return notAVisitor(c);
    const form = await readForm(c);
    const loaded = await loadSession(c, form);
    if (!loaded) return expired(c);
    const { session, client } = loaded;
    if (!session.phone) return phonePage(c, session, client, "", "Please finish this step first.");
    const { code, shown } = signInCode(client, session.id, session.phone, visitorScope);
    if ((form.code ?? "").replace(/\s/g, "") !== code) {
      const hint = shown ? ` In the sandbox the code is ${shown}.` : "";
      return codePage(c, session, client, session.phone, `That code is not right.${hint}`);
    }
    const expected = await expectedPhone(session);
    if (expected && expected !== session.phone) {
      await store.moduleSessions.remove(session.id);
      return tokenAuthenticationRequired(c);
    }
    return signedIn(c, session, client, session.phone);
  });

  return { routes, start, loadSession, useVisitorToken, publicDemo };
}
