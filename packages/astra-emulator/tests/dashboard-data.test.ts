import { describe, expect, it } from "vitest";
import { accountListSchema } from "../src/wire-schemas";
import { createApp } from "../src/app";
import { dashboardSuite, ORIGIN } from "./dashboard-helpers";
import {
  authorizeUrl,
  DEFAULT_APP,
  SEED_USER_PHONE,
  getWithToken,
  postForm,
  refresh,
  sendJson,
  sessionIdFrom,
  signIn,
} from "./helpers";

const suite = dashboardSuite();
const { get, post } = suite;

describe("users", () => {
  it("deleting a user (after a confirmation step) removes their data and frees the phone number", async () => {
    const tokens = await signIn(suite.sandbox.app);
    const demo = await suite.sandbox.store.users.findByPhone(DEFAULT_APP.clientId, SEED_USER_PHONE);
    if (!demo) throw new Error("no seed user");
    const accounts = accountListSchema.parse(
      await (await getWithToken(suite.sandbox.app, "/v1/accounts", tokens.access_token)).json(),
    );
    const [source, destination] = accounts.accounts.map((account) => account.id);
    const routine = await sendJson(suite.sandbox.app, "POST", "/v1/routines", tokens.access_token, {
      type: "one-time",
      payment_type: "ach",
      name: "Move to savings",
      source_id: source,
      destination_id: destination,
      amount: 12.5,
    });
    expect(routine.status).toBe(201);
    await suite.sandbox.store.scheduler.runDue(suite.sandbox.clock.now());
    // A module session that has verified the user's phone but not finished must go too.
    const session_id = sessionIdFrom(await (await suite.sandbox.app.request(authorizeUrl())).text());
    await postForm(suite.sandbox.app, "/login/oauth/authorize/phone", { session_id, phone: SEED_USER_PHONE });
    expect(
      (await postForm(suite.sandbox.app, "/login/oauth/authorize/code", { session_id, code: "123456" })).status,
    ).toBe(200);
    const cookie = await suite.dashboard.logInSeeded();
    const deletePath = `/dashboard/apps/${DEFAULT_APP.clientId}/users/${demo.id}/delete`;

    const confirm = await get(deletePath, cookie);
    expect(confirm.status).toBe(200);
    const confirmHtml = await confirm.text();
    expect(confirmHtml).toContain("2 account(s), 1 routine(s)");
    expect(await suite.sandbox.store.users.findById(demo.id)).not.toBeNull();

    const deleted = await post(deletePath, {}, cookie);
    expect(deleted.status).toBe(303);
    expect(await suite.sandbox.store.users.findByPhone(DEFAULT_APP.clientId, SEED_USER_PHONE)).toBeNull();
    expect((await suite.sandbox.store.accounts.listForUser(demo.id, { page: 1, pageSize: 25, offset: 0 })).total).toBe(
      0,
    );
    expect((await getWithToken(suite.sandbox.app, "/v1/user", tokens.access_token)).status).toBe(401);
    expect((await refresh(suite.sandbox.app, tokens.refresh_token)).status).toBe(400);

    const users = await (await get(`/dashboard/apps/${DEFAULT_APP.clientId}/users`, cookie)).text();
    expect(users).not.toContain(demo.id);

    // The phone signs up as a brand-new user now: the module asks for a profile.
    const again = await signIn(suite.sandbox.app, {
      profile: { first_name: "Fresh", last_name: "Start", email: "fresh@example.com" },
    });
    expect(again.access_token).toBeTruthy();
    const reborn = await suite.sandbox.store.users.findByPhone(DEFAULT_APP.clientId, SEED_USER_PHONE);
    expect(reborn?.id).not.toBe(demo.id);
    expect(reborn?.firstName).toBe("Fresh");
  });

  it("cannot delete a user of another developer's app", async () => {
    const demo = await suite.sandbox.store.users.findByPhone(DEFAULT_APP.clientId, SEED_USER_PHONE);
    const cookie = await suite.dashboard.signUp("other@example.com");
    const { clientId } = await suite.dashboard.newAppKeys(cookie);
    const response = await post(`/dashboard/apps/${clientId}/users/${demo?.id}/delete`, {}, cookie);
    expect(response.status).toBe(404);
    expect(await suite.sandbox.store.users.findById(demo?.id ?? "")).not.toBeNull();
  });
});

describe("webhook deliveries", () => {
  async function makeEvents(count: number) {
    const demo = await suite.sandbox.store.users.findByPhone(DEFAULT_APP.clientId, SEED_USER_PHONE);
    for (let i = 0; i < count; i += 1) {
      suite.sandbox.clock.advance(1000);
      await suite.sandbox.store.users.updateStatus(
        demo?.id ?? "",
        i % 2 === 0 ? "suspended" : "approved",
        suite.sandbox.clock.now(),
      );
    }
  }

  it("lists events newest first, 25 per page", async () => {
    await makeEvents(27);
    const cookie = await suite.dashboard.logInSeeded();
    const path = `/dashboard/apps/${DEFAULT_APP.clientId}/webhooks`;
    const first = await (await get(path, cookie)).text();
    const second = await (await get(`${path}?page=2`, cookie)).text();
    const rows = (html: string) => html.match(/<span class="status /g)?.length ?? 0;
    expect(first).toContain("Events (27)");
    expect(rows(first)).toBe(25);
    expect(rows(second)).toBe(2);
    const times = [...first.matchAll(/<td><time datetime="([^"]+)"/g)].map((match) => match[1] ?? "");
    expect(times).toEqual([...times].sort().reverse());
    expect(first).toContain("user_updated");
  });

  it("Replay in the emulator goes through the dispatcher, which explains when no webhook URL is set", async () => {
    await makeEvents(1);
    await suite.sandbox.store.apps.updateSettings(DEFAULT_APP.clientId, {
      redirectUris: DEFAULT_APP.redirectUris,
      webhookUrl: null,
      showTestCodes: true,
    });
    const cookie = await suite.dashboard.logInSeeded();
    const path = `/dashboard/apps/${DEFAULT_APP.clientId}/webhooks`;
    const action =
      /<form method="post" action="([^"]+\/replay)"/.exec(await (await get(path, cookie)).text())?.[1] ?? "";
    const response = await post(action, {}, cookie);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`${path}?replay_error=no_webhook_url`);
    expect(await (await get(response.headers.get("location") ?? "", cookie)).text()).toContain("set a webhook URL");
    expect((await post(`${path}/not-an-event/replay`, {}, cookie)).status).toBe(404);
  });

  it("Replay sends the event again under its webhook_id and the attempt shows in the log", async () => {
    await makeEvents(1);
    const sent: { url: string; body: string }[] = [];
    const webhookFetch: typeof fetch = async (input, init) => {
      sent.push({ url: String(input), body: String(init?.body) });
      return new Response(null, { status: 204 });
    };
    const app = createApp({ store: suite.sandbox.store, clock: suite.sandbox.clock, webhookFetch });
    const cookie = await suite.dashboard.logInSeeded();
    const path = `/dashboard/apps/${DEFAULT_APP.clientId}/webhooks`;
    const before = await (await get(path, cookie, app)).text();
    expect(before).toContain("No attempts yet.");
    const action = /<form method="post" action="([^"]+\/replay)"/.exec(before)?.[1] ?? "";
    const webhookId = decodeURIComponent(action.split("/").at(-2) ?? "");

    const response = await postForm(app, action, {}, { Cookie: cookie, Origin: ORIGIN });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`${path}?replayed=${encodeURIComponent(webhookId)}`);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.url).toBe(DEFAULT_APP.webhookUrl);
    expect(JSON.parse(sent[0]?.body ?? "{}")).toMatchObject({ webhook_id: webhookId, webhook_type: "user_updated" });
    const after = await (await get(path, cookie, app)).text();
    expect(after).toMatch(/<li>HTTP 204 · \d+ ms · <time/);
  });
});
