// GET /v1/accounts and GET /v1/accounts/:id for the bearer token's user (astra-api.md 3.3).
import { Hono } from "hono";
import { accountListSchema, accountSchema, type Account } from "../../../lib/astra/schemas";
import type { Deps } from "../app";
import { bearerAuth, type BearerEnv } from "../lib/auth";
import { ApiError } from "../lib/create-app";
import { pageEnvelope, readPage } from "../lib/pagination";
import { toAstraTimestamp, toDollars } from "../lib/wire";
import type { AccountRecord } from "../store/accounts";


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

export function accountRoutes({ store, clock }: Deps) {
  const auth = bearerAuth(store, clock);
  return new Hono<BearerEnv>()
    .get("/v1/accounts", auth, async (c) => {
      const page = readPage(c.req.query());
      const { total, items } = await store.accounts.listForUser(c.get("grant").userId, page);
      return c.json(accountListSchema.parse({ ...pageEnvelope(total, page), accounts: items.map(toWireAccount) }));
    })
    .get("/v1/accounts/:id", auth, async (c) => {
      const account = await store.accounts.findForUser(c.get("grant").userId, c.req.param("id"));
      if (!account) throw new ApiError(404, "No account with this id for this user.");
      return c.json(toWireAccount(account));
    });
}
