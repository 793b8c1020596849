// Linked bank accounts, reshaped for the UI.
import "server-only";
import { cache } from "react";
import { astraFetch } from "./client";
import { accountListSchema, accountSchema, type Account } from "./schemas";

export type AccountView = {
  id: string;
  name: string;
  institution: string | null;
  kind: string | null;
  mask: string;
  currentBalance: number | null;
  availableBalance: number | null;
  connected: boolean;
};

// One read per page render: the dashboard's account list and its activity's labels share it.
export const getAccounts = cache(async (accessToken: string): Promise<AccountView[]> => {
  const list = await astraFetch({ path: "/v1/accounts", auth: { accessToken }, schema: accountListSchema });
  return list.accounts.map(reshapeAccount);
});

export async function getAccount(accessToken: string, id: string): Promise<AccountView> {
  const account = await astraFetch({
    path: `/v1/accounts/${encodeURIComponent(id)}`,
    auth: { accessToken },
    schema: accountSchema,
  });
  return reshapeAccount(account);
}

export function accountLabel(account: Pick<AccountView, "name" | "mask">): string {
  return account.mask ? `${account.name} •••• ${account.mask}` : account.name;
}

export function reshapeAccount(account: Account): AccountView {
  return {
    id: account.id,
    name: account.nickname || account.name,
    institution: account.institution_name || null,
    kind: titleCase(account.subtype || account.type || "") || null,
    mask: account.mask ?? "",
    currentBalance: account.current_balance ?? null,
    availableBalance: account.available_balance ?? null,
    connected: !account.connection_status || account.connection_status.toLowerCase() === "connected",
  };
}

function titleCase(value: string): string {
  return value
    .split(/[\s_-]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1).toLowerCase())
    .join(" ");
}
