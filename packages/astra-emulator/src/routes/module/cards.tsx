/** @jsxImportSource hono/jsx */
// Debit-card linking, /cards/connect (https://docs.astra.finance/reference/oauth-links-and-parameters): the person
// signs in (or is recognised by the login cookie), enters a card whose BIN is one of Astra's sandbox BINs, and
// returns with `cards_linked=1`. Only the first six and last four digits are stored.
import { Hono, type Context } from "hono";
import { z } from "zod";
import type { Deps } from "../../deps";
import { cardCompanyOf, passesLuhn, SANDBOX_BINS } from "../../lib/cards";
import { readForm } from "../../lib/form-body";
import { localDate } from "../../lib/schedule";
import { CardEntryPage, type CardField } from "../../pages/card-pages";
import { MAX_CARDS_PER_USER } from "../../store/cards";
import type { ModuleSession } from "../../store/module-sessions";
import { moduleFlow, noticeWithReturn, redirectTo, sessionUser } from "./module-flow";
import { expired, noStore } from "./module-request";
import { renderPage } from "../../lib/base-path";

const BASE = "/cards/connect";

const digits = (value: string) => value.replace(/[\s-]/g, "");

/** Today's MM/YY, and whether `expiry` (MM/YY) is this month or later. */
function notExpired(expiry: string, now: Date): boolean {
  const [year, month] = localDate(now).split("-");
  const [mm, yy] = expiry.split("/");
  return `${yy}${mm}` >= `${year?.slice(2)}${month}`;
}

const cardFormSchema = z.object({
  card_number: z
    .string()
    .transform(digits)
    .pipe(
      z
        .string()
        .regex(/^\d{15,19}$/, "Enter the 15 to 19 digits of the card number.")
        .refine(passesLuhn, "This card number has a typo: check the digits.")
        .refine(
          (number) => (SANDBOX_BINS as readonly string[]).includes(number.slice(0, 6)),
          `In the sandbox only Astra's test BINs link: the card number must start with ${SANDBOX_BINS.join(", ")}.`,
        ),
    ),
  expiration_date: z
    .string()
    .trim()
    .regex(/^(0[1-9]|1[0-2])\/\d{2}$/, "Enter the expiry as MM/YY, e.g. 08/29."),
  card_security_code: z
    .string()
    .trim()
    .regex(/^\d{3,4}$/, "Enter the 3 or 4 digits on the back of the card."),
  zip_code: z
    .string()
    .trim()
    .regex(/^\d{5}$/, "Enter the 5-digit ZIP code of the card's billing address."),
});

export function cardRoutes(deps: Deps) {
  const { store, clocks } = deps;
  const app = new Hono();

  app.use("/cards/*", noStore);

  /** Checked before the form and again on submit, where another tab may have linked the last free card. */
  const tooManyCards = (c: Context, session: ModuleSession, appName: string) =>
    noticeWithReturn(
      c,
      session,
      appName,
      {
        title: "Too many linked cards",
        message: `You already have ${MAX_CARDS_PER_USER} debit cards linked with Astra. Remove one in ${appName}, then link this card.`,
      },
      409,
    );

  const connect = moduleFlow(deps, "cards", BASE, async (c, session, client) => {
    const user = await sessionUser(deps, session);
    if (!user) {
      return noticeWithReturn(c, session, client.name, {
        title: "No Astra account yet",
        message: `This phone number has no Astra account with ${client.name} yet. Authorize the app first, then link a card.`,
      });
    }
    if (await store.cards.atLimit(user.id)) {
      await store.moduleSessions.remove(session.id);
      return tooManyCards(c, session, client.name);
    }
    const holder = { name: `${user.firstName} ${user.lastName}`, phone: user.phone };
    return renderPage(c, <CardEntryPage holder={holder} sessionId={session.id} appName={client.name} />);
  });

  app.get(BASE, (c) => connect.start(c));
  app.route("/", connect.routes);

  app.post(`${BASE}/card`, async (c: Context) => {
    const form = await readForm(c);
    const loaded = await connect.loadSession(c, { session_id: form.session_id ?? "" });
    const user = loaded?.session.verified ? await sessionUser(deps, loaded.session) : null;
    if (!loaded || !user) return expired(c);
    const { session, client } = loaded;
    const now = await clocks.now(client.clientId);
    const parsed = cardFormSchema.safeParse(form);
    const errors: Partial<Record<CardField, string>> = {};
    for (const issue of parsed.success ? [] : parsed.error.issues) {
      const name = issue.path[0] as CardField;
      errors[name] ??= issue.message;
    }
    if (parsed.success && !notExpired(parsed.data.expiration_date, now)) {
      errors.expiration_date = "This card has expired.";
    }
    if (!parsed.success || Object.keys(errors).length > 0) {
      const holder = { name: `${user.firstName} ${user.lastName}`, phone: user.phone };
      const values = { card_number: form.card_number, expiration_date: form.expiration_date, zip_code: form.zip_code };
      return renderPage(
        c,
        <CardEntryPage holder={holder} sessionId={session.id} appName={client.name} values={values} errors={errors} />,
        400,
      );
    }
    const number = parsed.data.card_number;
    const linked = await store.cards.link(
      {
        userId: user.id,
        firstName: user.firstName,
        lastName: user.lastName,
        firstSixDigits: number.slice(0, 6),
        lastFourDigits: number.slice(-4),
        expirationDate: parsed.data.expiration_date,
        cardCompany: cardCompanyOf(number),
        zipCode: parsed.data.zip_code,
      },
      now,
    );
    await store.moduleSessions.remove(session.id);
    if (!linked.ok) return tooManyCards(c, session, client.name);
    return redirectTo(c, session.redirectUri, { state: session.state, cards_linked: "1" });
  });

  return app;
}
