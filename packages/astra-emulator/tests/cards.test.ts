import { beforeEach, describe, expect, it } from "vitest";
import { SANDBOX_CARD_NUMBER } from "../src/lib/cards";
import { MAX_CARDS_PER_USER } from "../src/store/cards";
import {
  cardListSchema,
  cardSchema,
  routinePreviewSchema,
  routineSchema,
  transferListSchema,
  transferSegmentListSchema,
} from "../src/wire-schemas";
import {
  basicAuth,
  createTestEmulator,
  createTestUser,
  DEFAULT_APP,
  eventTypesFor,
  getWithToken,
  postForm,
  SEED_USER_PHONE,
  sendJson,
  signInAt,
  tokenFor,
  type TestEmulator,
} from "./helpers";

const LINKED_URI = "http://localhost:3000/accounts/linked";

let sandbox: TestEmulator;
beforeEach(() => {
  sandbox = createTestEmulator();
});

const connectUrl = (params: Record<string, string> = {}) =>
  `/cards/connect?${new URLSearchParams({ client_id: DEFAULT_APP.clientId, redirect_uri: LINKED_URI, ...params })}`;

const cardFields = (overrides: Record<string, string> = {}) => ({
  card_number: SANDBOX_CARD_NUMBER,
  expiration_date: "08/29",
  card_security_code: "123",
  zip_code: "94105",
  ...overrides,
});

async function linkThroughModule(fields = cardFields()) {
  const { html, session_id } = await signInAt(sandbox.app, connectUrl({ state: "c1" }), SEED_USER_PHONE);
  expect(html).toContain("Link a debit card");
  expect(html).toContain("Linking a card for <strong>Avery Demo</strong>");
  return postForm(sandbox.app, "/cards/connect/card", { session_id, ...fields });
}

async function seedUserToken() {
  const user = await sandbox.store.users.findByPhone(DEFAULT_APP.clientId, SEED_USER_PHONE);
  return tokenFor(sandbox, user?.id ?? "");
}

/** A user with two accounts and one linked card, made straight in the store. */
async function userWithCard() {
  const made = await createTestUser(sandbox);
  const linked = await sandbox.store.cards.link(
    {
      userId: made.user.id,
      firstName: "Test",
      lastName: "User",
      firstSixDigits: "400000",
      lastFourDigits: "0002",
      expirationDate: "08/29",
      cardCompany: "Visa",
      zipCode: "94105",
    },
    sandbox.clock.now(),
  );
  if (!linked.ok) throw new Error("The test card did not link");
  return { ...made, cardId: linked.card.id };
}

const setSandboxSettings = (settings: Record<string, boolean>) =>
  sandbox.app.request("/sandbox/app", {
    method: "PATCH",
    headers: { Authorization: basicAuth(), "Content-Type": "application/json" },
    body: JSON.stringify(settings),
  });

const debitBody = (source: string, destination: string, extra: Record<string, unknown> = {}) => ({
  type: "one-time",
  payment_type: "debit",
  name: "Card top-up",
  source_id: source,
  destination_id: destination,
  amount: 40,
  ...extra,
});

describe("/cards/connect", () => {
  it("links a card with a sandbox BIN and returns with cards_linked=1; the API shows six and four digits only", async () => {
    const response = await linkThroughModule();
    expect(response.status).toBe(302);
    const back = new URL(response.headers.get("location") ?? "");
    expect(`${back.origin}${back.pathname}`).toBe(LINKED_URI);
    expect(back.searchParams.get("cards_linked")).toBe("1");
    expect(back.searchParams.get("state")).toBe("c1");

    const list = await getWithToken(sandbox.app, "/v1/cards", await seedUserToken());
    const text = await list.text();
    expect(text).not.toContain(SANDBOX_CARD_NUMBER);
    const { cards, count } = cardListSchema.parse(JSON.parse(text));
    expect(count).toBe(1);
    expect(cards[0]).toMatchObject({
      first_six_digits: "400000",
      last_four_digits: "0002",
      card_company: "Visa",
      first_name: "Avery",
      status: "approved",
      removed: false,
    });
  });

  it("refuses a card outside Astra's sandbox BINs with a message naming them, and links nothing", async () => {
    // 4111 1111 1111 1111 passes the Luhn check but its BIN is not a sandbox one.
    const response = await linkThroughModule(cardFields({ card_number: "4111 1111 1111 1111" }));
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("only Astra&#39;s test BINs link");
    expect(html).toContain("400000, 400022, 440393, 460369, 475833, 498503, 510805, 520082, 559430");
    const { count } = cardListSchema.parse(
      await (await getWithToken(sandbox.app, "/v1/cards", await seedUserToken())).json(),
    );
    expect(count).toBe(0);
  });

  it(`refuses an eleventh card with a message (at most ${MAX_CARDS_PER_USER} per user); removing one makes room`, async () => {
    const seed = await sandbox.store.users.findByPhone(DEFAULT_APP.clientId, SEED_USER_PHONE);
    const userId = seed?.id ?? "";
    const linkInStore = (lastFour: string) =>
      sandbox.store.cards.link(
        {
          userId,
          firstName: "Avery",
          lastName: "Demo",
          firstSixDigits: "510805",
          lastFourDigits: lastFour,
          expirationDate: "08/29",
          cardCompany: "Mastercard",
          zipCode: "94105",
        },
        sandbox.clock.now(),
      );
    const expectRefusal = async (response: Response) => {
      expect(response.status).toBe(409);
      const html = await response.text();
      expect(html).toContain(`You already have ${MAX_CARDS_PER_USER} debit cards linked with Astra.`);
      expect(html).toContain("Remove one in");
      expect(html).not.toContain("Link a debit card");
    };
    // The form was open while the last free card was linked elsewhere: refused on submit.
    const { session_id } = await signInAt(sandbox.app, connectUrl({ state: "c1" }), SEED_USER_PHONE);
    const ids: string[] = [];
    for (let n = 0; n < MAX_CARDS_PER_USER; n += 1) {
      const linked = await linkInStore(String(1000 + n));
      if (linked.ok) ids.push(linked.card.id);
    }
    expect(ids).toHaveLength(MAX_CARDS_PER_USER);
    expect((await linkInStore("1000")).ok).toBe(true);
    await expectRefusal(await postForm(sandbox.app, "/cards/connect/card", { session_id, ...cardFields() }));

    // Opened at the limit: refused before the form, so nobody types a card number for nothing.
    await expectRefusal((await signInAt(sandbox.app, connectUrl({ state: "c2" }), SEED_USER_PHONE)).response);
    const token = await seedUserToken();
    const count = async () =>
      cardListSchema.parse(await (await getWithToken(sandbox.app, "/v1/cards", token)).json()).count;
    expect(await count()).toBe(MAX_CARDS_PER_USER);

    expect((await sendJson(sandbox.app, "DELETE", `/v1/cards/${ids[0]}`, token)).status).toBe(200);
    expect((await linkThroughModule()).status).toBe(302);
    expect(await count()).toBe(MAX_CARDS_PER_USER);
  });

  it("keeps the newest ten removed cards per user, so link and remove cannot grow the table", async () => {
    const { user, token } = await createTestUser(sandbox);
    const removed: string[] = [];
    for (let n = 0; n < 12; n += 1) {
      const linked = await sandbox.store.cards.link(
        {
          userId: user.id,
          firstName: "Test",
          lastName: "User",
          firstSixDigits: "400000",
          lastFourDigits: String(2000 + n),
          expirationDate: "08/29",
          cardCompany: "Visa",
          zipCode: "94105",
        },
        new Date(sandbox.clock.now().getTime() + n),
      );
      if (!linked.ok) throw new Error("not linked");
      await sandbox.store.cards.removeForUser(DEFAULT_APP.clientId, user.id, linked.card.id, sandbox.clock.now());
      removed.push(linked.card.id);
    }
    // Each link prunes before inserting: 10 older removed cards stay, plus the last one removed.
    const status = async (id: string) => (await getWithToken(sandbox.app, `/v1/cards/${id}`, token)).status;
    expect(await status(removed[0]!)).toBe(404);
    expect(await status(removed[1]!)).toBe(200);
    expect(await status(removed[11]!)).toBe(200);
  });

  it("names each wrong field: a typo in the number, an expired card, a short code", async () => {
    const response = await linkThroughModule(
      cardFields({ card_number: "4000000000000003", expiration_date: "08/29", card_security_code: "1" }),
    );
    const html = await response.text();
    expect(response.status).toBe(400);
    expect(html).toContain("This card number has a typo");
    expect(html).toContain("Enter the 3 or 4 digits");
    const expired = await linkThroughModule(cardFields({ expiration_date: "12/25" }));
    expect(expired.status).toBe(400);
    expect(await expired.text()).toContain("This card has expired.");
  });
});

describe("/v1/cards", () => {
  it("reads one card; another user's card and an unknown id are 404", async () => {
    const { token, cardId } = await userWithCard();
    const one = await getWithToken(sandbox.app, `/v1/cards/${cardId}`, token);
    expect(one.status).toBe(200);
    expect(cardSchema.parse(await one.json()).id).toBe(cardId);
    const other = await createTestUser(sandbox);
    expect((await getWithToken(sandbox.app, `/v1/cards/${cardId}`, other.token)).status).toBe(404);
    expect((await getWithToken(sandbox.app, "/v1/cards/nope", token)).status).toBe(404);
  });

  it("pages like the other lists", async () => {
    const { token } = await userWithCard();
    const response = await getWithToken(sandbox.app, "/v1/cards?page_size=10&page=1", token);
    expect(cardListSchema.parse(await response.json())).toMatchObject({ count: 1, page: 1, page_size: 10 });
    expect((await getWithToken(sandbox.app, "/v1/cards?page_size=5", token)).status).toBe(400);
  });

  it("removes a card: gone from the list, read back as removed, card_updated announced; twice is 404", async () => {
    const { token, cardId } = await userWithCard();
    expect((await sendJson(sandbox.app, "DELETE", `/v1/cards/${cardId}`, token)).status).toBe(200);
    const list = cardListSchema.parse(await (await getWithToken(sandbox.app, "/v1/cards", token)).json());
    expect(list.cards).toEqual([]);
    const read = cardSchema.parse(await (await getWithToken(sandbox.app, `/v1/cards/${cardId}`, token)).json());
    expect(read).toMatchObject({ status: "removed", removed: true, pull_enabled: false });
    expect(await eventTypesFor(sandbox, cardId)).toEqual(["card_updated"]);
    expect((await sendJson(sandbox.app, "DELETE", `/v1/cards/${cardId}`, token)).status).toBe(404);
  });
});

describe("debit routines and instant speeds", () => {
  it("answers 403 while the app is not enabled for debit, and 201 once Sandbox Settings enable it", async () => {
    const { token, cardId, accountIds } = await userWithCard();
    const refused = await sendJson(sandbox.app, "POST", "/v1/routines", token, debitBody(cardId, accountIds[0]!));
    expect(refused.status).toBe(403);
    expect((await refused.json()) as { description: string }).toMatchObject({
      description: expect.stringContaining('not enabled for payment_type "debit"'),
    });
    expect((await setSandboxSettings({ debit_enabled: true })).status).toBe(204);
    const created = await sendJson(sandbox.app, "POST", "/v1/routines", token, debitBody(cardId, accountIds[0]!));
    expect(created.status).toBe(201);
    const routine = routineSchema.parse(await created.json());
    expect(routine).toMatchObject({
      payment_type: "debit",
      preferred_settlement_speed: "real-time",
      debit_fee_percent: 1.5,
      status: "active",
    });
    const transfers = transferListSchema.parse(
      await (await getWithToken(sandbox.app, `/v1/routines/${routine.id}/transfers`, token)).json(),
    );
    expect(transfers.transfers.map((transfer) => transfer.payment_type)).toEqual(["debit"]);
    await sandbox.store.scheduler.runDue(sandbox.clock.now());
    const settled = transferListSchema.parse(await (await getWithToken(sandbox.app, "/v1/transfers", token)).json());
    expect(settled.transfers[0]?.status).toBe("processed");

    const transferId = settled.transfers[0]?.id ?? "";
    const segments = await getWithToken(sandbox.app, `/v1/transfers/${transferId}/segments`, token);
    const legs = transferSegmentListSchema.parse(await segments.json()).segments;
    expect(legs).toEqual([
      expect.objectContaining({ payment_type: "debit", direction: "debit", card_id: cardId }),
      expect.objectContaining({ payment_type: "debit", direction: "credit", account_id: accountIds[0] }),
    ]);
    expect(legs[0]).not.toHaveProperty("account_id");
  });

  it("refuses a debit routine without exactly one card, a recurring one, a later start, and removal of a card in use", async () => {
    await setSandboxSettings({ debit_enabled: true });
    const { token, cardId, accountIds } = await userWithCard();
    const [first, second] = accountIds as [string, string];
    const twoAccounts = await sendJson(sandbox.app, "POST", "/v1/routines", token, debitBody(first, second));
    expect(twoAccounts.status).toBe(400);
    expect(JSON.stringify(await twoAccounts.json())).toContain("one debit card and one account");
    const recurring = debitBody(cardId, first, { type: "recurring", frequency: "weekly" });
    expect((await sendJson(sandbox.app, "POST", "/v1/routines", token, recurring)).status).toBe(400);
    const later = debitBody(cardId, first, { start_date: "2026-02-01" });
    expect(JSON.stringify(await (await sendJson(sandbox.app, "POST", "/v1/routines", token, later)).json())).toContain(
      "debit routines cannot start later",
    );
    const achWithCard = { ...debitBody(cardId, first), payment_type: "ach" };
    expect((await sendJson(sandbox.app, "POST", "/v1/routines", token, achWithCard)).status).toBe(400);

    // A routine starting today makes its transfer at once; it is pending until the next background pass.
    expect((await sendJson(sandbox.app, "POST", "/v1/routines", token, debitBody(first, cardId))).status).toBe(201);
    expect((await sendJson(sandbox.app, "DELETE", `/v1/cards/${cardId}`, token)).status).toBe(400);
  });

  it("refuses T+0 and real-time until the app is enabled for them", async () => {
    const { token, accountIds } = await createTestUser(sandbox);
    const body = {
      type: "one-time",
      payment_type: "ach",
      name: "Same day",
      source_id: accountIds[0],
      destination_id: accountIds[1],
      amount: 10,
      preferred_settlement_speed: "T+0",
    };
    const refused = await sendJson(sandbox.app, "POST", "/v1/routines", token, body);
    expect(refused.status).toBe(403);
    expect(JSON.stringify(await refused.json())).toContain("not enabled for the T+0 settlement speed");
    await setSandboxSettings({ instant_speeds_enabled: true });
    const created = await sendJson(sandbox.app, "POST", "/v1/routines", token, body);
    expect(created.status).toBe(201);
    expect(routineSchema.parse(await created.json()).preferred_settlement_speed).toBe("T+0");
  });
});

describe("PUT /v1/routines/:id keeps create's rules", () => {
  it("refuses T+0 and real-time on an update until the app is enabled for them, for ACH and debit alike", async () => {
    await setSandboxSettings({ debit_enabled: true });
    const { token, cardId, accountIds } = await userWithCard();
    const [first, second] = accountIds as [string, string];
    const ach = await sendJson(sandbox.app, "POST", "/v1/routines", token, {
      type: "recurring",
      frequency: "weekly",
      payment_type: "ach",
      name: "Weekly",
      source_id: first,
      destination_id: second,
      amount: 10,
      start_date: "2026-02-01",
    });
    const achId = routineSchema.parse(await ach.json()).id;
    const debit = await sendJson(
      sandbox.app,
      "POST",
      "/v1/routines",
      token,
      debitBody(cardId, first, { preferred_settlement_speed: "T+1" }),
    );
    const debitId = routineSchema.parse(await debit.json()).id;
    for (const id of [achId, debitId]) {
      for (const speed of ["real-time", "T+0"]) {
        const refused = await sendJson(sandbox.app, "PUT", `/v1/routines/${id}`, token, {
          preferred_settlement_speed: speed,
        });
        expect(refused.status, `${id} ${speed}`).toBe(403);
        expect(JSON.stringify(await refused.json())).toContain(`not enabled for the ${speed} settlement speed`);
      }
    }
    const unchanged = routineSchema.parse(
      await (await getWithToken(sandbox.app, `/v1/routines/${achId}`, token)).json(),
    );
    expect(unchanged.preferred_settlement_speed).toBe("T+2");

    await setSandboxSettings({ instant_speeds_enabled: true });
    const allowed = await sendJson(sandbox.app, "PUT", `/v1/routines/${achId}`, token, {
      preferred_settlement_speed: "real-time",
    });
    expect(allowed.status).toBe(200);
    expect(routineSchema.parse(await allowed.json()).preferred_settlement_speed).toBe("real-time");
  });

  it("holds a debit routine's client_correlation_id to 8 characters, as create does; an ACH one takes 80", async () => {
    await setSandboxSettings({ debit_enabled: true });
    const { token, cardId, accountIds } = await userWithCard();
    const [first, second] = accountIds as [string, string];
    const debit = await sendJson(sandbox.app, "POST", "/v1/routines", token, debitBody(cardId, first));
    const debitId = routineSchema.parse(await debit.json()).id;
    const long = "a".repeat(80);
    const refused = await sendJson(sandbox.app, "PUT", `/v1/routines/${debitId}`, token, {
      client_correlation_id: long,
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain("must be at most 8 characters for debit");
    const ok = await sendJson(sandbox.app, "PUT", `/v1/routines/${debitId}`, token, {
      client_correlation_id: "abcd1234",
    });
    expect(routineSchema.parse(await ok.json()).client_correlation_id).toBe("abcd1234");

    const ach = await sendJson(sandbox.app, "POST", "/v1/routines", token, {
      ...debitBody(first, second),
      payment_type: "ach",
      start_date: "2026-02-01",
    });
    const achId = routineSchema.parse(await ach.json()).id;
    const achUpdate = await sendJson(sandbox.app, "PUT", `/v1/routines/${achId}`, token, {
      client_correlation_id: long,
    });
    expect(routineSchema.parse(await achUpdate.json()).client_correlation_id).toBe(long);
  });
});

describe("POST /v1/routines/preview", () => {
  it("previews a debit routine's fee without creating it", async () => {
    await setSandboxSettings({ debit_enabled: true });
    const { token, cardId, accountIds } = await userWithCard();
    const response = await sendJson(
      sandbox.app,
      "POST",
      "/v1/routines/preview",
      token,
      debitBody(cardId, accountIds[0]!, { amount: 40, debit_fee_percent: 2.5 }),
    );
    expect(response.status).toBe(200);
    expect(routinePreviewSchema.parse(await response.json())).toEqual({
      amount: 40,
      debit_fee_percent: 2.5,
      debit_fee: 1,
      total: 41,
      preferred_settlement_speed: "real-time",
    });
    const routines = await (await getWithToken(sandbox.app, "/v1/routines", token)).json();
    expect(routines).toMatchObject({ count: 0 });
  });

  it("refuses an ACH body, and a debit body while the app is not enabled", async () => {
    const { token, cardId, accountIds } = await userWithCard();
    const notEnabled = await sendJson(
      sandbox.app,
      "POST",
      "/v1/routines/preview",
      token,
      debitBody(cardId, accountIds[0]!),
    );
    expect(notEnabled.status).toBe(403);
    const ach = { ...debitBody(accountIds[0]!, accountIds[1]!), payment_type: "ach" };
    const refused = await sendJson(sandbox.app, "POST", "/v1/routines/preview", token, ach);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain("previews fees of debit routines only");
  });
});
