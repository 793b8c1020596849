/** @jsxImportSource hono/jsx */
// The module's identity follow-ups (https://docs.astra.finance/docs/guide-to-astras-sdk): /verify/personal for
// `retry`, /verify/document for `document`. Both approve the user intent or user, then send the person back with
// `status=approved`.
import { Hono, type Context } from "hono";
import { z } from "zod";
import type { UserStatus } from "../../wire-schemas";
import type { Deps } from "../../deps";
import { firstFieldErrors } from "../../lib/field-errors";
import { readForm, readFormWithFiles } from "../../lib/form-body";
import { NoticePage } from "../../pages/error-page";
import { DocumentPage, PersonalPage, type PersonalField } from "../../pages/verify-pages";
import type { DeveloperApp } from "../../store";
import type { ModuleSession } from "../../store/module-sessions";
import type { PersonalDetails } from "../../store/user-intents";
import { moduleFlow, redirectTo } from "./module-flow";
import { expired, noStore, type Subject } from "./module-request";
import { renderPage } from "../../lib/base-path";

const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

function personalSchema(today: string) {
  return z.object({
    address1: z.string().trim().min(1, "Enter your street address.").max(200, "Use at most 200 characters."),
    address2: z.string().trim().max(200, "Use at most 200 characters.").default(""),
    city: z.string().trim().min(1, "Enter your city.").max(100, "Use at most 100 characters."),
    state: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, "Enter the 2-letter state code, for example CA."),
    postal_code: z
      .string()
      .trim()
      .regex(/^\d{5}$/, "Enter a 5-digit ZIP code."),
    date_of_birth: z.iso
      .date("Enter your date of birth as YYYY-MM-DD.")
      .refine((date) => date < today && date >= "1900-01-01", "Enter a date of birth in the past."),
    ssn: z
      .string()
      .transform((ssn) => ssn.replace(/[\s-]/g, ""))
      .pipe(z.string().regex(/^\d{9}$/, "Enter all 9 digits of your Social Security number.")),
  });
}

/** Who is being verified: the person on the link (a converted intent means its user) or the signed-in user. */
async function findTarget({ store }: Deps, session: ModuleSession): Promise<Subject | null> {
  const { userIntentId, subjectUserId } = session.context;
  if (subjectUserId) {
    const user = await store.users.findById(subjectUserId);
    return user ? { kind: "user", user } : null;
  }
  if (userIntentId) {
    const intent = await store.userIntents.findForClient(session.clientId, userIntentId);
    if (!intent) return null;
    const converted = intent.userId ? await store.users.findById(intent.userId) : null;
    return converted ? { kind: "user", user: converted } : { kind: "user_intent", intent };
  }
  const user = session.userId ? await store.users.findById(session.userId) : null;
  return user ? { kind: "user", user } : null;
}

const statusOf = (target: Subject): UserStatus | "converted_to_user" =>
  target.kind === "user" ? target.user.status : target.intent.status;

export function verifyRoutes(deps: Deps) {
  const { store, clocks } = deps;
  const app = new Hono();

  app.use("/verify/*", noStore);

  function backLink(session: ModuleSession, client: DeveloperApp, status: string | null) {
    const url = new URL(session.redirectUri);
    if (session.state !== null) url.searchParams.set("state", session.state);
    if (status) url.searchParams.set("status", status);
    return { href: url.toString(), label: `Return to ${client.name}` };
  }

  /** The target when it is in `needed`; otherwise the page that says there is nothing to verify. */
  async function targetOrNotice(c: Context, session: ModuleSession, client: DeveloperApp, needed: UserStatus) {
    const target = await findTarget(deps, session);
    if (target && statusOf(target) === needed) return target;
    const status = target ? statusOf(target) : null;
    const message = target
      ? `Your identity verification is ${status === "converted_to_user" ? "complete" : status}, so there is nothing to verify here.`
      : "There is no Astra account for this phone number yet, so there is nothing to verify.";
    return renderPage(
      c,
      <NoticePage title="Nothing to verify" message={message} link={backLink(session, client, status)} />,
    );
  }

  /** Approves the target, re-checks a user's routines, ends the session and sends the person back. */
  async function approve(c: Context, session: ModuleSession, target: Subject, details: PersonalDetails | null) {
    const now = await clocks.now(session.clientId);
    if (target.kind === "user_intent") {
      await store.userIntents.approve(target.intent, details, now);
    } else {
      await store.users.updateStatus(target.user.id, "approved", now);
      await store.routines.refreshForUser(target.user.id, now);
    }
    await store.moduleSessions.remove(session.id);
    return redirectTo(c, session.redirectUri, { state: session.state, status: "approved" });
  }

  const personal = moduleFlow(deps, "verify_personal", "/verify/personal", async (c, session, client) => {
    const target = await targetOrNotice(c, session, client, "retry");
    if (target instanceof Response) return target;
    return renderPage(c, <PersonalPage sessionId={session.id} appName={client.name} values={{}} errors={{}} />);
  });
  const photoId = moduleFlow(deps, "verify_document", "/verify/document", async (c, session, client) => {
    const target = await targetOrNotice(c, session, client, "document");
    if (target instanceof Response) return target;
    return renderPage(c, <DocumentPage sessionId={session.id} appName={client.name} />);
  });

  app.get("/verify/personal", (c) => personal.start(c));
  app.route("/", personal.routes);
  app.get("/verify/document", (c) => photoId.start(c));
  app.route("/", photoId.routes);

  app.post("/verify/personal", async (c) => {
    const form = await readForm(c);
    const loaded = await personal.loadSession(c, form);
    if (!loaded || !loaded.session.verified) return expired(c);
    const { session, client } = loaded;
    const target = await targetOrNotice(c, session, client, "retry");
    if (target instanceof Response) return target;
    const parsed = personalSchema((await clocks.now(client.clientId)).toISOString().slice(0, 10)).safeParse(form);
    if (!parsed.success) {
      const errors = firstFieldErrors(parsed.error);
      return renderPage(
        c,
        <PersonalPage
          sessionId={session.id}
          appName={client.name}
          values={form as Partial<Record<PersonalField, string>>}
          errors={errors}
        />,
        400,
      );
    }
    const { address1, address2, city, state, postal_code, date_of_birth, ssn } = parsed.data;
    const details = { address1, address2, city, state, postalCode: postal_code, dateOfBirth: date_of_birth, ssn };
    return approve(c, session, target, details);
  });

  app.post("/verify/document", async (c) => {
    const body = await readFormWithFiles(c);
    const loaded = await photoId.loadSession(c, {
      session_id: typeof body.session_id === "string" ? body.session_id : "",
    });
    if (!loaded || !loaded.session.verified) return expired(c);
    const { session, client } = loaded;
    const target = await targetOrNotice(c, session, client, "document");
    if (target instanceof Response) return target;
    if (body.choice !== "sample") {
      const file = body.document;
      const problem =
        !(file instanceof File) || file.size === 0
          ? "Choose a photo of your ID, or use a sample ID."
          : !(file.type.startsWith("image/") || file.type === "application/pdf")
            ? "Upload an image (JPEG, PNG, HEIC…) or a PDF."
            : file.size > MAX_DOCUMENT_BYTES
              ? "This file is larger than 10 MB. Upload a smaller photo."
              : null;
      if (problem)
        return renderPage(c, <DocumentPage sessionId={session.id} appName={client.name} error={problem} />, 400);
    }
    return approve(c, session, target, null);
  });

  return app;
}
