import { beforeEach, describe, expect, it } from "vitest";
import { accountListSchema } from "../src/wire-schemas";
import {
  authorizeUrl,
  createTestEmulator,
  DEFAULT_APP,
  SEED_USER_PHONE,
  getWithToken,
  loginCookie,
  sessionIdFrom,
  signInAt,
  tokenFor,
  type TestEmulator,
} from "./helpers";

const LINKED_URI = "http://localhost:3000/accounts/linked";

let sandbox: TestEmulator;
let demoId: string;
beforeEach(async () => {
  sandbox = createTestEmulator();
  demoId = (await sandbox.store.users.findByPhone(DEFAULT_APP.clientId, SEED_USER_PHONE))?.id ?? "";
});

const connectUrl = (params: Record<string, string> = {}) =>
  `/institutions/connect?${new URLSearchParams({ client_id: DEFAULT_APP.clientId, redirect_uri: LINKED_URI, ...params })}`;

const post = (step: string, fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) body.append(name, item);
  return sandbox.app.request(`/institutions/connect/${step}`, { method: "POST", body });
};

async function listAccounts(userId = demoId) {
  const response = await getWithToken(sandbox.app, "/v1/accounts", await tokenFor(sandbox, userId));
  return accountListSchema.parse(await response.json());
}

/** Signs in to the module and to the bank; returns the session on the account-choice page. */
async function atAccountChoice(institution_id: string, state = "b1") {
  const { html, session_id } = await signInAt(sandbox.app, connectUrl({ state }), SEED_USER_PHONE);
  expect(html).toContain("Link a bank account");
  const bankLogin = await post("institution", { session_id, institution_id });
  expect(bankLogin.status).toBe(200);
  const accounts = await post("credentials", {
    session_id,
    institution_id,
    username: "user_good",
    password: "pass_good",
  });
  expect(accounts.status).toBe(200);
  const choice = await accounts.text();
  expect(choice).toContain("Choose accounts to link");
  // Every step says whose accounts these are.
  for (const page of [html, await bankLogin.text(), choice]) {
    expect(page).toContain(
      'Linking accounts for <strong>Avery Demo</strong>, <span class="nowrap">(202) 555-0123</span>',
    );
  }
  return session_id;
}

describe("/institutions/connect", () => {
  it("asks for phone and code first, then offers the three sandbox banks", async () => {
    const start = await sandbox.app.request(connectUrl());
    expect(start.status).toBe(200);
    expect(await start.text()).toContain('action="/institutions/connect/phone"');
    const { html } = await signInAt(sandbox.app, connectUrl(), SEED_USER_PHONE);
    for (const name of ["Redwood Community Bank", "Harbor National Bank", "Summit Federal Credit Union"]) {
      expect(html).toContain(name);
    }
  });

  it("refuses wrong bank credentials with 400 and keeps the username", async () => {
    const { session_id } = await signInAt(sandbox.app, connectUrl(), SEED_USER_PHONE);
    const wrong = await post("credentials", {
      session_id,
      institution_id: "ins_harbor",
      username: "user_bad",
      password: "pass_good",
    });
    expect(wrong.status).toBe(400);
    const html = await wrong.text();
    expect(html).toContain("The username or password is incorrect");
    expect(html).toContain('value="user_bad"');
    expect(html).not.toContain('value="pass_good"');
  });

  it("will not link accounts before the bank sign-in succeeded", async () => {
    const { session_id } = await signInAt(sandbox.app, connectUrl(), SEED_USER_PHONE);
    const skipped = await post("accounts", { session_id, institution_id: "ins_harbor", account: ["6120"] });
    expect(skipped.status).toBe(400);
    expect((await listAccounts()).count).toBe(2);
  });

  it("links the chosen accounts with balances and redirects with accounts_linked and state", async () => {
    const session_id = await atAccountChoice("ins_harbor", "b7");
    const none = await post("accounts", { session_id, institution_id: "ins_harbor" });
    expect(none.status).toBe(400);
    expect(await none.text()).toContain("Choose at least one account.");

    const done = await post("accounts", { session_id, institution_id: "ins_harbor", account: ["6120", "7745"] });
    expect(done.status).toBe(302);
    const location = new URL(done.headers.get("location") ?? "");
    expect(`${location.origin}${location.pathname}`).toBe(LINKED_URI);
    expect(location.searchParams.get("state")).toBe("b7");
    expect(location.searchParams.get("accounts_linked")).toBe("2");

    const { count, accounts } = await listAccounts();
    expect(count).toBe(4);
    expect(accounts.find((account) => account.mask === "7745")).toMatchObject({
      institution_name: "Harbor National Bank",
      subtype: "money market",
      type: "depository",
      current_balance: 25100.42,
      connection_status: "connected",
    });
  });

  it("does not duplicate an account linked twice (same bank and mask)", async () => {
    await post("accounts", {
      session_id: await atAccountChoice("ins_summit"),
      institution_id: "ins_summit",
      account: ["0286"],
    });
    const again = await post("accounts", {
      session_id: await atAccountChoice("ins_summit"),
      institution_id: "ins_summit",
      account: ["0286", "5531"],
    });
    expect(new URL(again.headers.get("location") ?? "").searchParams.get("accounts_linked")).toBe("2");
    const { accounts } = await listAccounts();
    expect(accounts.filter((account) => account.mask === "0286")).toHaveLength(1);
    expect(accounts).toHaveLength(4);
    // The seeded demo accounts are Redwood's 4417 and 9021: relinking them adds nothing.
    await post("accounts", {
      session_id: await atAccountChoice("ins_redwood"),
      institution_id: "ins_redwood",
      account: ["4417", "9021"],
    });
    expect((await listAccounts()).count).toBe(4);
  });

  it("recognises the login cookie from the authorize flow and skips the phone step", async () => {
    const { response } = await signInAt(sandbox.app, authorizeUrl(), SEED_USER_PHONE);
    const start = await sandbox.app.request(connectUrl({ user_id: demoId }), {
      headers: { Cookie: loginCookie(response) },
    });
    const html = await start.text();
    expect(html).toContain("Link a bank account");
    expect(html).not.toContain('name="phone"');
    expect(sessionIdFrom(html)).toBeTruthy();
  });

  it("shows Token Authentication Required when the signed-in phone is not user_id's", async () => {
    const { response } = await signInAt(sandbox.app, connectUrl({ user_id: demoId }), "2025550190");
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
    expect(await response.text()).toContain("Token Authentication Required");
  });

  it("explains when the phone has no Astra user yet", async () => {
    const { html } = await signInAt(sandbox.app, connectUrl(), "2025550191");
    expect(html).toContain("No Astra account yet");
  });
});
