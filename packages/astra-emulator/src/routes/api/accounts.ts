// The bearer token's bank accounts (https://docs.astra.finance/reference/post_v1-accounts-create): list, read,
// delete, and add by account and routing number.
import { Hono } from "hono";
import { accountCreateSchema, accountListSchema, accountSchema, type Account } from "../../wire-schemas";
import type { Deps } from "../../deps";
import { bearerAuth, type BearerEnv } from "../../lib/auth";
import { ApiError } from "../../lib/create-app";
import { invalidFields, readJson } from "../../lib/json-body";
import { pageEnvelope, readPage } from "../../lib/pagination";
import { toAstraTimestamp, toDollars } from "../../lib/wire";
import type { AccountRecord } from "../../store/accounts";

/** Accounts added by number show this bank name; Astra's own naming for them is unknown [?]. */
export const BY_NUMBER_INSTITUTION = "Sandbox Bank (by number)";

/** The ABA checksum: 3, 7, 1 weights over the nine digits sum to a multiple of 10 (222222226 passes). */
export function isValidRoutingNumber(routingNumber: string): boolean {
  if (!/^\d{9}$/.test(routingNumber)) return false;
  const weights = [3, 7, 1, 3, 7, 1, 3, 7, 1];
  const sum = [...routingNumber].reduce((total, digit, index) => total + Number(digit) * (weights[index] ?? 0), 0);
  return sum % 10 === 0;
}

export function toWireAccount(account: AccountRecord): Account {
  return accountSchema.parse({
    id: account.id,
    name: account.name,
    official_name: account.officialName,
    nickname: account.nickname,
    mask: account.mask,
    institution_name: account.institutionName,
    institution_logo: account.institutionLogo,
    type: account.type,
    subtype: account.subtype,
    current_balance: toDollars(account.currentBalanceCents),
    available_balance: toDollars(account.availableBalanceCents),
    last_balance_update_on: toAstraTimestamp(account.lastBalanceUpdateAt),
    connection_status: account.connectionStatus,
  });
}

export function accountRoutes({ store, clocks }: Deps) {
  const auth = bearerAuth(store, clocks);
  return (
    new Hono<BearerEnv>()
      .get("/v1/accounts", auth, async (c) => {
        const page = readPage(c.req.query());
        const { total, items } = await store.accounts.listForUser(c.get("grant").userId, page);
        return c.json(accountListSchema.parse({ ...pageEnvelope(total, page), accounts: items.map(toWireAccount) }));
      })
      .get("/v1/accounts/:id", auth, async (c) => {
        const account = await store.accounts.findForUser(c.get("grant").userId, c.req.param("id"));
        if (!account) throw new ApiError(404, "No account with this id for this user.");
        return c.json(toWireAccount(account));
      })
      .delete("/v1/accounts/:id", auth, async (c) => {
        const userId = c.get("grant").userId;
        const result = await store.accounts.removeForUser(userId, c.req.param("id"));
        if (result === "not_found") throw new ApiError(404, "No account with this id for this user.");
        if (result === "in_use") {
          throw new ApiError(
            400,
            "This account is used by a routine that is not finished, or by a pending transfer; cancel those first.",
          );
        }
        await store.routines.refreshForUser(userId, c.get("now"));
        return c.body(null, 200);
      })
      // Astra serves this on its "secure" host (https://docs.astra.finance/reference/introduction); the emulator
      // has one origin for everything.
      .post("/v1/accounts/create", auth, async (c) => {
        const input = await readJson(c, accountCreateSchema);
        if (!isValidRoutingNumber(input.routing_number)) {
          throw invalidFields({
            routing_number: ["is not a valid ABA routing number (checksum failed); try 222222226"],
          });
        }
        const userId = c.get("grant").userId;
        const now = c.get("now");
        const account = await store.accounts.createByNumber(
          {
            userId,
            name: input.name,
            officialName: null,
            nickname: null,
            mask: input.account_number.slice(-4),
            institutionName: BY_NUMBER_INSTITUTION,
            institutionLogo: null,
            type: "depository",
            subtype: input.bank_account_type,
            currentBalanceCents: null,
            availableBalanceCents: null,
            lastBalanceUpdateAt: null,
            connectionStatus: "connected",
            routingNumber: input.routing_number,
          },
          input.account_number,
          now,
        );
        // Astra's sandbox error when an account is registered twice (common-errors-responses); the 400 is a guess.
        if (!account) throw new ApiError(400, "Account Already Exists");
        await store.routines.refreshForUser(userId, now);
        return c.json(toWireAccount(account), 201);
      })
  );
}
