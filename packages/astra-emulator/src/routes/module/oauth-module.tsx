/** @jsxImportSource hono/jsx */
// The hosted OAuth module (https://docs.astra.finance/reference/authorization): phone, code, profile for new users,
// consent, redirect. With a user_intent_id the intent becomes its user at the code step and the profile step is
// skipped. The hosted demo also signs a visitor in by their one-use visitor_token; the public demo only that way
// (packages/astra-emulator/docs/identity.md).
import { Hono, type Context } from "hono";
import { z } from "zod";
import type { Deps } from "../../deps";
import { firstFieldErrors } from "../../lib/field-errors";
import { readForm } from "../../lib/form-body";
import { CodePage } from "../../pages/code-page";
import { ConsentPage } from "../../pages/consent-page";
import { ErrorPage } from "../../pages/error-page";
import { PhonePage } from "../../pages/phone-page";
import { ProfilePage } from "../../pages/profile-page";
import type { DeveloperApp } from "../../store";
import type { ModuleSession } from "../../store/module-sessions";
import type { UserRecord } from "../../store/users";
import { moduleFlow, redirectTo, signInCode } from "./module-flow";
import {
  badRequest,
  checkClient,
  checkPerson,
  expired,
  noStore,
  notAVisitor,
  openSession,
  strangerOf,
} from "./module-request";
import { renderPage } from "../../lib/base-path";

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

/**
 * Who can sign in but not authorize: a user rejected before conversion (Astra's user-statuses page), and, as
 * the emulator's guess, any suspended user. A user rejected after conversion may authorize (but not start
 * routines).
 */
const blockedReason = (user: UserRecord): string | undefined =>
  user.status === "suspended" || (user.status === "rejected" && user.rejectedAtConversion)
    ? `This Astra account is ${user.status}, so it cannot authorize apps. Contact Astra support.`
    : undefined;

export function oauthModuleRoutes(deps: Deps) {
  const { store, clocks } = deps;
  const app = new Hono();

  app.use("/login/*", noStore);

  /** Renders the page for where the session stands now; with a problem, shows it there with a 4xx status. */
  async function renderStep(c: Context, session: ModuleSession, client: DeveloperApp, problem?: Problem) {
    const status = problem?.status ?? 200;
    const error = problem?.message;
    if (!session.phone) {
      return renderPage(
        c,
        <PhonePage
          sessionId={session.id}
          appName={client.name}
          phone=""
          readOnly={session.phoneLocked}
          showCode={client.showTestCodes}
          testPhones={client.testPhonesEnabled}
          error={error}
        />,
        status,
      );
    }
    if (!session.verified) {
      const { shown } = signInCode(client, session.id, session.phone, deps.visitorScope);
      return renderPage(
        c,
        <CodePage sessionId={session.id} phone={session.phone} shownCode={shown} error={error} />,
        status,
      );
    }
    const user = session.userId ? await store.users.findById(session.userId) : null;
    if (!user && signIn.publicDemo) return notAVisitor(c);
    if (!user)
      return renderPage(c, <ProfilePage sessionId={session.id} values={{}} errors={{}} error={error} />, status);
    return renderPage(
      c,
      <ConsentPage
        sessionId={session.id}
        appName={client.name}
        userName={`${user.firstName} ${user.lastName}`}
        phone={user.phone}
        redirectOrigin={new URL(session.redirectUri).origin}
        blocked={blockedReason(user)}
        error={error}
      />,
      status,
    );
  }

  const signIn = moduleFlow(deps, "authorize", BASE, (c, session, client) => renderStep(c, session, client));
  app.route("/", signIn.routes);

  app.get(BASE, async (c) => {
    const client = await checkClient(c, deps);
    if (client instanceof Response) return client;
    if (c.req.query("response_type") !== "code") {
      return badRequest(c, "Unsupported response_type", "response_type must be code.", "Add response_type=code.");
    }
    if (deps.visitorScope && c.req.query("visitor_token") !== undefined) return signIn.useVisitorToken(c, client);
    // The hosted demo knows a visitor by the login cookie their token set; the public demo signs in no one else.
    if (deps.visitorScope || signIn.publicDemo) return signIn.start(c);
    const person = await checkPerson(c, store, client);
    if (person instanceof Response) return person;
    const session = await openSession(c, deps, client, person, "authorize", await clocks.now(client.clientId));
    return renderPage(
      c,
      <PhonePage
        sessionId={session.id}
        appName={client.name}
        phone={session.phone ?? ""}
        readOnly={session.phoneLocked}
        showCode={client.showTestCodes}
        testPhones={client.testPhonesEnabled}
      />,
    );
  });

  app.post(`${BASE}/profile`, async (c) => {
    if (signIn.publicDemo) return notAVisitor(c);
    const form = await readForm(c);
    const loaded = await signIn.loadSession(c, form);
    if (!loaded) return expired(c);
    const { session, client } = loaded;
    if (!session.verified || session.userId) return renderStep(c, session, client, OUT_OF_ORDER);
    const parsed = profileSchema.safeParse(form);
    if (!parsed.success) {
      const { first_name, last_name, email } = firstFieldErrors(parsed.error);
      const errors = { first_name, last_name, email };
      const values = { first_name: form.first_name, last_name: form.last_name, email: form.email };
      return renderPage(c, <ProfilePage sessionId={session.id} values={values} errors={errors} />, 400);
    }
    const { first_name, last_name, email } = parsed.data;
    const user = await store.moduleSessions.createUser(
      session,
      { firstName: first_name, lastName: last_name, email },
      await clocks.now(client.clientId),
      strangerOf(deps, c),
    );
    return renderStep(c, { ...session, userId: user.id }, client);
  });

  app.post(`${BASE}/consent`, async (c) => {
    const form = await readForm(c);
    const loaded = await signIn.loadSession(c, form);
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
    const blocked = blockedReason(user);
    if (blocked) {
      const fix = `Use your browser's Back button and choose Deny to return to ${client.name}.`;
      return renderPage(c, <ErrorPage title="You cannot authorize this app" message={blocked} fix={fix} />, 403);
    }
    const code = await store.moduleSessions.authorize(session, user.id, await clocks.now(client.clientId));
    return redirectTo(c, session.redirectUri, { code, state: session.state });
  });

  return app;
}
