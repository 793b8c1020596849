/** @jsxImportSource hono/jsx */
// Bank linking, /institutions/connect (https://docs.astra.finance/docs/guide-to-astras-sdk): the stand-in for Plaid
// Link. The person signs in (or is recognised by the login cookie), picks a sandbox bank, signs in to it with the
// test credentials and chooses accounts; they are linked and the person returns with `accounts_linked=<n>`.
import { Hono, type Context } from "hono";
import type { Deps } from "../../deps";
import { readForm } from "../../lib/form-body";
import { areGoodCredentials, findInstitution, INSTITUTIONS } from "../../lib/institutions";
import { type AccountHolder, BankAccountsPage, BankLoginPage, BankPickPage } from "../../pages/bank-pages";
import type { UserRecord } from "../../store/users";
import { moduleFlow, noticeWithReturn, redirectTo, sessionUser } from "./module-flow";
import { expired, noStore } from "./module-request";
import { renderPage } from "../../lib/base-path";

const BASE = "/institutions/connect";

/** Reads a form; a repeated field (the account checkboxes) becomes a list. */
const readFields = (c: Context) => readForm(c, { repeated: true });

export function institutionRoutes(deps: Deps) {
  const { store, clocks } = deps;
  const app = new Hono();

  app.use("/institutions/*", noStore);

  const holderOf = (user: UserRecord): AccountHolder => ({
    name: `${user.firstName} ${user.lastName}`,
    phone: user.phone,
  });

  const connect = moduleFlow(deps, "connect", BASE, async (c, session, client) => {
    const user = await sessionUser(deps, session);
    if (!user) {
      return noticeWithReturn(c, session, client.name, {
        title: "No Astra account yet",
        message: `This phone number has no Astra account with ${client.name} yet. Authorize the app first, then link a bank.`,
      });
    }
    return renderPage(
      c,
      <BankPickPage holder={holderOf(user)} sessionId={session.id} appName={client.name} institutions={INSTITUTIONS} />,
    );
  });

  app.get(BASE, (c) => connect.start(c));
  app.route("/", connect.routes);

  /** The verified session of a form post with the user whose accounts it links, or null (the page says it expired). */
  async function load(c: Context, fields: Record<string, string[]>) {
    const loaded = await connect.loadSession(c, { session_id: fields.session_id?.[0] ?? "" });
    const user = loaded?.session.verified ? await sessionUser(deps, loaded.session) : null;
    return loaded && user ? { ...loaded, user, holder: holderOf(user) } : null;
  }

  app.post(`${BASE}/institution`, async (c) => {
    const fields = await readFields(c);
    const loaded = await load(c, fields);
    if (!loaded) return expired(c);
    const { session, client, holder } = loaded;
    const institution = findInstitution(fields.institution_id?.[0]);
    if (!institution) {
      return renderPage(
        c,
        <BankPickPage
          holder={holder}
          sessionId={session.id}
          appName={client.name}
          institutions={INSTITUTIONS}
          error="Choose your bank."
        />,
        400,
      );
    }
    return renderPage(
      c,
      <BankLoginPage holder={holder} sessionId={session.id} institution={institution} username="" />,
    );
  });

  app.post(`${BASE}/credentials`, async (c) => {
    const fields = await readFields(c);
    const loaded = await load(c, fields);
    if (!loaded) return expired(c);
    const { session, client, holder } = loaded;
    const institution = findInstitution(fields.institution_id?.[0]);
    if (!institution) return expired(c);
    const username = fields.username?.[0] ?? "";
    if (!areGoodCredentials(username, fields.password?.[0] ?? "")) {
      const error = "The username or password is incorrect";
      return renderPage(
        c,
        <BankLoginPage
          holder={holder}
          sessionId={session.id}
          institution={institution}
          username={username}
          error={error}
        />,
        400,
      );
    }
    await store.moduleSessions.setContext(session.id, { ...session.context, institutionId: institution.id });
    return renderPage(
      c,
      <BankAccountsPage holder={holder} sessionId={session.id} appName={client.name} institution={institution} />,
    );
  });

  app.post(`${BASE}/accounts`, async (c) => {
    const fields = await readFields(c);
    const loaded = await load(c, fields);
    if (!loaded) return expired(c);
    const { session, client, holder, user } = loaded;
    const institution = findInstitution(fields.institution_id?.[0]);
    if (!institution) return expired(c);
    if (session.context.institutionId !== institution.id) {
      const error = "Please sign in to your bank first.";
      return renderPage(
        c,
        <BankLoginPage holder={holder} sessionId={session.id} institution={institution} username="" error={error} />,
        400,
      );
    }
    const masks = new Set(fields.account ?? []);
    const chosen = institution.accounts.filter((account) => masks.has(account.mask));
    if (chosen.length === 0) {
      const error = "Choose at least one account.";
      return renderPage(
        c,
        <BankAccountsPage
          holder={holder}
          sessionId={session.id}
          appName={client.name}
          institution={institution}
          error={error}
        />,
        400,
      );
    }
    const now = await clocks.now(client.clientId);
    const linked = await store.accounts.linkFromInstitution(
      user.id,
      { name: institution.name, logo: null },
      chosen,
      now,
    );
    await store.routines.refreshForUser(user.id, now);
    await store.moduleSessions.remove(session.id);
    return redirectTo(c, session.redirectUri, { state: session.state, accounts_linked: String(linked.length) });
  });

  return app;
}
