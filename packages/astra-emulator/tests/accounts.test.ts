import { beforeEach, describe, expect, it } from "vitest";
import { accountListSchema, accountSchema, astraErrorBodySchema } from "../src/wire-schemas";
import { createTestEmulator, createTestUser, getWithToken, sendJson, type TestEmulator } from "./helpers";

let sandbox: TestEmulator;
beforeEach(() => {
  sandbox = createTestEmulator();
});

const NEW_ACCOUNT = {
  institution_id: "astra_ins_131",
  name: "Payroll Savings",
  bank_account_type: "savings",
  account_number: "000123456789",
  routing_number: "222222226",
};

const remove = (id: string, token: string) => sendJson(sandbox.app, "DELETE", `/v1/accounts/${id}`, token);

async function expectFieldError(response: Response, field: string) {
  expect(response.status).toBe(400);
  const body = astraErrorBodySchema.parse(await response.json());
  expect(body.code).toBe(400);
  expect(Object.keys(body.description as Record<string, string[]>)).toEqual([field]);
}

describe("DELETE /v1/accounts/:id", () => {
  it("answers 200 with an empty body and the account is gone", async () => {
    const { accountIds, token } = await createTestUser(sandbox);
    const [first = ""] = accountIds;
    const response = await remove(first, token);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
    expect((await getWithToken(sandbox.app, `/v1/accounts/${first}`, token)).status).toBe(404);
    const list = accountListSchema.parse(await (await getWithToken(sandbox.app, "/v1/accounts", token)).json());
    expect(list.count).toBe(1);
  });

  it("answers 404 for another user's account and for an unknown id, and 401 without a token", async () => {
    const owner = await createTestUser(sandbox);
    const stranger = await createTestUser(sandbox);
    const [owned = ""] = owner.accountIds;
    expect((await remove(owned, stranger.token)).status).toBe(404);
    expect((await remove("f".repeat(32), owner.token)).status).toBe(404);
    const anonymous = await sandbox.app.request(`/v1/accounts/${owned}`, { method: "DELETE" });
    expect(anonymous.status).toBe(401);
    expect(astraErrorBodySchema.parse(await anonymous.json()).code).toBe(401);
    expect((await getWithToken(sandbox.app, `/v1/accounts/${owned}`, owner.token)).status).toBe(200);
  });

  it("refuses while a routine that is not finished uses the account, and allows it once cancelled", async () => {
    const { accountIds, token } = await createTestUser(sandbox);
    const [source = "", destination = ""] = accountIds;
    const created = await sendJson(sandbox.app, "POST", "/v1/routines", token, {
      type: "recurring",
      name: "Weekly savings",
      payment_type: "ach",
      source_id: source,
      destination_id: destination,
      amount: 25,
      frequency: "weekly",
      start_date: "2026-02-02",
    });
    expect(created.status).toBe(201);
    const { id: routineId } = (await created.json()) as { id: string };

    const refused = await remove(destination, token);
    expect(refused.status).toBe(400);
    expect(typeof astraErrorBodySchema.parse(await refused.json()).description).toBe("string");
    expect((await getWithToken(sandbox.app, `/v1/accounts/${destination}`, token)).status).toBe(200);

    expect((await sendJson(sandbox.app, "DELETE", `/v1/routines/${routineId}`, token)).status).toBe(200);
    expect((await remove(destination, token)).status).toBe(200);
  });
});

describe("POST /v1/accounts/create", () => {
  it("answers Astra's Account Already Exists for the same routing and account number twice", async () => {
    const { token } = await createTestUser(sandbox, { accounts: [] });
    expect((await sendJson(sandbox.app, "POST", "/v1/accounts/create", token, NEW_ACCOUNT)).status).toBe(201);
    const again = await sendJson(sandbox.app, "POST", "/v1/accounts/create", token, { ...NEW_ACCOUNT, name: "Again" });
    expect(again.status).toBe(400);
    expect(astraErrorBodySchema.parse(await again.json()).description).toBe("Account Already Exists");
    const list = accountListSchema.parse(await (await getWithToken(sandbox.app, "/v1/accounts", token)).json());
    expect(list.count).toBe(1);
    const other = await createTestUser(sandbox, { accounts: [] });
    expect((await sendJson(sandbox.app, "POST", "/v1/accounts/create", other.token, NEW_ACCOUNT)).status).toBe(201);
  });

  it("creates an account by number: 201 with mask, no balances, and it is listed", async () => {
    const { token } = await createTestUser(sandbox, { accounts: [] });
    const response = await sendJson(sandbox.app, "POST", "/v1/accounts/create", token, NEW_ACCOUNT);
    expect(response.status).toBe(201);
    const account = accountSchema.parse(await response.json());
    expect(account).toMatchObject({
      name: "Payroll Savings",
      official_name: null,
      mask: "6789",
      institution_name: "Sandbox Bank (by number)",
      type: "depository",
      subtype: "savings",
      current_balance: null,
      available_balance: null,
      connection_status: "connected",
    });
    const list = accountListSchema.parse(await (await getWithToken(sandbox.app, "/v1/accounts", token)).json());
    expect(list.accounts.map((item) => item.id)).toEqual([account.id]);
  });

  it.each([
    ["a routing number failing the ABA checksum", { routing_number: "222222222" }, "routing_number"],
    ["an 8-digit routing number", { routing_number: "22222226" }, "routing_number"],
    ["a 6-digit account number", { account_number: "123456" }, "account_number"],
    ["an 18-digit account number", { account_number: "1".repeat(18) }, "account_number"],
    ["an unknown account type", { bank_account_type: "brokerage" }, "bank_account_type"],
    ["a blank name", { name: " " }, "name"],
  ])("rejects %s with a field error", async (_, overrides, field) => {
    const { token } = await createTestUser(sandbox, { accounts: [] });
    await expectFieldError(
      await sendJson(sandbox.app, "POST", "/v1/accounts/create", token, { ...NEW_ACCOUNT, ...overrides }),
      field,
    );
    const list = accountListSchema.parse(await (await getWithToken(sandbox.app, "/v1/accounts", token)).json());
    expect(list.count).toBe(0);
  });

  it("accepts 7 and 17 digit account numbers", async () => {
    const { token } = await createTestUser(sandbox, { accounts: [] });
    for (const account_number of ["1234567", "12345678901234567"]) {
      const response = await sendJson(sandbox.app, "POST", "/v1/accounts/create", token, {
        ...NEW_ACCOUNT,
        account_number,
      });
      expect(response.status).toBe(201);
    }
  });

  it("answers 400 to a body that is not JSON and 401 without a token", async () => {
    const { token } = await createTestUser(sandbox, { accounts: [] });
    const notJson = await sandbox.app.request("/v1/accounts/create", {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: "routing_number=222222226",
    });
    expect(notJson.status).toBe(400);
    const anonymous = await sandbox.app.request("/v1/accounts/create", {
      method: "POST",
      body: JSON.stringify(NEW_ACCOUNT),
    });
    expect(anonymous.status).toBe(401);
  });
});
