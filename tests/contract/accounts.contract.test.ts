// Accounts: the dashboard's list and the account page.
import { describe, expect, it } from "vitest";
import { show } from "./http";
import { asUser } from "./session";
import { account, expectShape, listItems } from "./shapes";

describe("Accounts", () => {
  it("GET /v1/accounts answers a list of accounts, each with an id and a name", async () => {
    const reply = await asUser("GET", "/v1/accounts");
    // reference/pagination: always paged, default page size 25; `{count, accounts}` is from public clients.
    expect(reply.status, show(reply)).toBe(200);
    const accounts = listItems("accounts", account, reply.json, "The account list");
    expect(new Set(accounts.map((a) => a.id)).size).toBe(accounts.length);
  });

  it("GET /v1/accounts/{id} answers that account", async (context) => {
    const list = listItems("accounts", account, (await asUser("GET", "/v1/accounts")).json, "The account list");
    context.skip(list.length === 0, "the user has no linked accounts");
    const first = list[0]!;
    const reply = await asUser("GET", `/v1/accounts/${encodeURIComponent(first.id)}`);
    // reference/get_v1-accounts-id.
    expect(reply.status, show(reply)).toBe(200);
    expect(expectShape(account, reply.json, "The account")).toMatchObject({ id: first.id, name: first.name });
  });

  it("an unknown account id is 404", async () => {
    // reference/errors: 404 not found. The app shows its not-found page for it.
    const reply = await asUser("GET", "/v1/accounts/contract-no-such-account");
    expect(reply.status, show(reply)).toBe(404);
  });
});
