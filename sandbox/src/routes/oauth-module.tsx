/** @jsxImportSource hono/jsx */
// The hosted OAuth module (astra-api.md 2.1-2.4): phone, code, profile for new users, consent, redirect.
import { Hono, type Context } from "hono";
import { z } from "zod";
import type { Deps } from "../app";
import { isTestPhone, normalizePhone, SANDBOX_VERIFICATION_CODE } from "../lib/phone";
import { CodePage } from "../pages/code-page";
import { ConsentPage } from "../pages/consent-page";
import { ErrorPage } from "../pages/error-page";
import { PhonePage } from "../pages/phone-page";
import { ProfilePage } from "../pages/profile-page";
import type { DeveloperApp } from "../store";
import type { ModuleSession } from "../store/module-sessions";

const BASE = "/login/oauth/authorize";

interface Problem {
  status: 400 | 403;
  message: string;
}

const OUT_OF_ORDER: Problem = { status: 400, message: "Please finish this step first." };

const profileSchema = z.object({
  first_name: z.string().trim().min(1, "Enter your first name.").max(60, "Use at most 60 characters."),
  last_name: z.string().trim().min(1, "Enter your last name.").max(60, "Use at most 60 characters."),
  email: z.email("Enter an email address like name@example.com."),
});

/** A developer mistake: never redirect to an untrusted redirect_uri, explain instead. */
const badRequest = (c: Context, title: string, message: string, fix: string) =>
  c.html(<ErrorPage title={title} message={message} fix={fix} />, 400);

function redirectTo(c: Context, redirectUri: string, params: Record<string, string | null>) {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) if (value !== null) url.searchParams.set(name, value);
  return c.redirect(url.toString(), 302);
}

async function readForm(c: Context): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  return Object.fromEntries(Object.entries(body).map(([key, value]) => [key, typeof value === "string" ? value : ""]));
}

export function oauthModuleRoutes({ store, clock }: Deps) {
  const app = new Hono();

  app.use("/login/*", async (c, next) => {
    await next();
    c.header("Cache-Control", "no-store");
  });

  /** Renders the page for where the session stands now; with a problem, shows it there with a 4xx status. */
  async function renderStep(c: Context, session: ModuleSession, client: DeveloperApp, problem?: Problem) {
    const status = problem?.status ?? 200;
    const error = problem?.message;
    if (!session.phone) {
      return c.html(
        <PhonePage sessionId={session.id} appName={client.name} phone="" readOnly={false} error={error} />,
        status,
      );
    }
    if (!session.verified) return c.html(<CodePage sessionId={session.id} phone={session.phone} error={error} />, status);
    const user = session.userId ? await store.users.findById(session.userId) : null;
    if (!user) return c.html(<ProfilePage sessionId={session.id} values={{}} errors={{}} error={error} />, status);
    return c.html(
      <ConsentPage
        sessionId={session.id}
        appName={client.name}
        userName={`${user.firstName} ${user.lastName}`}
        phone={user.phone}
        redirectOrigin={new URL(session.redirectUri).origin}
        error={error}
      />,
      status,
    );
  }

  /** Loads the session named by the hidden field and re-checks that its client and redirect_uri still hold. */
  async function loadSession(c: Context, form: Record<string, string>) {
    const session = form.session_id ? await store.moduleSessions.find(form.session_id, clock.now()) : null;
    const client = session ? await store.apps.findByClientId(session.clientId) : null;
    if (!session || !client || !client.redirectUris.includes(session.redirectUri)) return null;
    return { session, client };
  }

  const expired = (c: Context) =>
    badRequest(
      c,
      "This sign-in has expired",
      "We could not find this sign-in session. Sessions last 30 minutes and end once you authorize or deny.",
      "Go back to the app you came from and start again.",
    );

  app.get(BASE, async (c) => {
    const query = c.req.query();
    const client = query.client_id ? await store.apps.findByClientId(query.client_id) : null;
    if (!client) {
      return badRequest(
        c,
        "Unknown app",
        `client_id "${query.client_id ?? ""}" does not belong to any app registered with this sandbox.`,
        "Use the client id of your developer app (SANDBOX_CLIENT_ID for the emulator).",
      );
    }
    if (!query.redirect_uri || !client.redirectUris.includes(query.redirect_uri)) {
      return badRequest(
        c,
        "Redirect URI not registered",
        `redirect_uri "${query.redirect_uri ?? ""}" is not registered for ${client.name}. It must match exactly.`,
        `Registered redirect URIs: ${client.redirectUris.join(", ")}. Add yours with SANDBOX_REDIRECT_URIS.`,
      );
    }
    if (query.response_type !== "code") {
      return badRequest(c, "Unsupported response_type", "response_type must be code.", "Add response_type=code.");
    }
    if (query.phone !== undefined && !/^\d{10}$/.test(query.phone)) {
      return badRequest(
        c,
        "Invalid phone parameter",
        "phone must be a 10-digit US number without + or a country code, for example 2025550123.",
        "Fix or remove the phone parameter.",
      );
    }
    const session = await store.moduleSessions.create(
      {
        clientId: client.clientId,
        redirectUri: query.redirect_uri,
        state: query.state ?? null,
        phone: query.phone ?? null,
        phoneLocked: query.phone !== undefined && query.phone_read_only === "true",
      },
      clock.now(),
    );
    return c.html(
      <PhonePage sessionId={session.id} appName={client.name} phone={session.phone ?? ""} readOnly={session.phoneLocked} />,
    );
  });

  app.post(`${BASE}/phone`, async (c) => {
    const form = await readForm(c);
    const loaded = await loadSession(c, form);
    if (!loaded) return expired(c);
    const { session, client } = loaded;
    const phone = session.phoneLocked ? session.phone : normalizePhone(form.phone ?? "");
    const retry = (error: string) =>
      c.html(
        <PhonePage
          sessionId={session.id}
          appName={client.name}
          phone={form.phone ?? ""}
          readOnly={session.phoneLocked}
          error={error}
        />,
        400,
      );
    if (!phone) return retry("Enter a 10-digit US phone number, for example 2025550123.");
    if (!isTestPhone(phone)) return retry("This sandbox only sends codes to test numbers 20255501xx.");
    await store.moduleSessions.setPhone(session.id, phone);
    return c.html(<CodePage sessionId={session.id} phone={phone} />);
  });

  app.post(`${BASE}/code`, async (c) => {
    const form = await readForm(c);
    const loaded = await loadSession(c, form);
    if (!loaded) return expired(c);
    const { session, client } = loaded;
    if (!session.phone) return renderStep(c, session, client, OUT_OF_ORDER);
    if ((form.code ?? "").replace(/\s/g, "") !== SANDBOX_VERIFICATION_CODE) {
      const error = `That code is not right. In the sandbox the code is ${SANDBOX_VERIFICATION_CODE}.`;
      return c.html(<CodePage sessionId={session.id} phone={session.phone} error={error} />, 400);
    }
    const user = await store.users.findByPhone(session.clientId, session.phone);
    await store.moduleSessions.markVerified(session.id, user?.id ?? null);
    return renderStep(c, { ...session, verified: true, userId: user?.id ?? null }, client);
  });

  app.post(`${BASE}/profile`, async (c) => {
    const form = await readForm(c);
    const loaded = await loadSession(c, form);
    if (!loaded) return expired(c);
    const { session, client } = loaded;
    if (!session.verified || session.userId) return renderStep(c, session, client, OUT_OF_ORDER);
    const parsed = profileSchema.safeParse(form);
    if (!parsed.success) {
      const fieldErrors = z.flattenError(parsed.error).fieldErrors;
      const errors = { first_name: fieldErrors.first_name?.[0], last_name: fieldErrors.last_name?.[0], email: fieldErrors.email?.[0] };
      const values = { first_name: form.first_name, last_name: form.last_name, email: form.email };
      return c.html(<ProfilePage sessionId={session.id} values={values} errors={errors} />, 400);
    }
    const { first_name, last_name, email } = parsed.data;
    const user = await store.moduleSessions.createUser(
      session,
      { firstName: first_name, lastName: last_name, email },
      clock.now(),
    );
    return renderStep(c, { ...session, userId: user.id }, client);
  });

  app.post(`${BASE}/consent`, async (c) => {
    const form = await readForm(c);
    const loaded = await loadSession(c, form);
    if (!loaded) return expired(c);
    const { session, client } = loaded;
    const user = session.verified && session.userId ? await store.users.findById(session.userId) : null;
    if (!user) return renderStep(c, session, client, OUT_OF_ORDER);
    if (form.decision === "deny") {
      await store.moduleSessions.remove(session.id);
      return redirectTo(c, session.redirectUri, {
        error: "access_denied",
        error_description: "The user denied the authorization request.",
        state: session.state,
      });
    }
    if (form.decision !== "authorize") {
      return renderStep(c, session, client, { status: 400, message: "Choose Authorize or Deny." });
    }
    if (user.status === "rejected" || user.status === "suspended") {
      const message = `This Astra account is ${user.status}, so it cannot authorize apps. Contact Astra support.`;
      return renderStep(c, session, client, { status: 403, message });
    }
    const code = await store.moduleSessions.authorize(session, user.id, clock.now());
    return redirectTo(c, session.redirectUri, { code, state: session.state });
  });

  return app;
}
