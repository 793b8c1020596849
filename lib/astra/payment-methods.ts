// What a routine or transfer names as its source and destination: the user's bank accounts and debit cards.
import "server-only";
import { accountLabel, getAccounts } from "./accounts";
import { getCardsIfAllowed } from "./cards";

/** Id → label for every account and card, a plain object so client components can take it as a prop. */
export async function paymentMethodLabels(accessToken: string): Promise<Record<string, string>> {
  const [accounts, cards] = await Promise.all([getAccounts(accessToken), getCardsIfAllowed(accessToken)]);
  return Object.fromEntries([
    ...cards.map((card) => [card.id, card.label]),
    ...accounts.map((account) => [account.id, accountLabel(account)]),
  ]);
}
