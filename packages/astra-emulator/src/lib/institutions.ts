// The sandbox banks offered on /institutions/connect, standing in for Astra's Plaid Link step. Invented names; the
// test credentials mirror Plaid's sandbox, `user_good` / `pass_good`
// (https://plaid.com/docs/sandbox/test-credentials/).
import type { InstitutionAccount } from "../store/accounts";

export const BANK_USERNAME = "user_good";
export const BANK_PASSWORD = "pass_good";

export interface Institution {
  id: string;
  name: string;
  accounts: InstitutionAccount[];
}

const account = (
  name: string,
  officialName: string,
  subtype: string,
  mask: string,
  currentBalanceCents: number,
  availableBalanceCents = currentBalanceCents,
): InstitutionAccount => ({ name, officialName, subtype, mask, currentBalanceCents, availableBalanceCents });

export const INSTITUTIONS: readonly Institution[] = [
  {
    id: "ins_redwood",
    name: "Redwood Community Bank",
    accounts: [
      account("Everyday Checking", "Redwood Everyday Checking", "checking", "4417", 245075, 231020),
      account("High-Yield Savings", "Redwood High-Yield Savings", "savings", "9021", 1250000),
    ],
  },
  {
    id: "ins_harbor",
    name: "Harbor National Bank",
    accounts: [
      account("Harbor Checking", "Harbor Premier Checking", "checking", "6120", 184233, 179850),
      account("Harbor Savings", "Harbor Growth Savings", "savings", "3398", 520000),
      account("Harbor Money Market", "Harbor Money Market Plus", "money market", "7745", 2510042),
    ],
  },
  {
    id: "ins_summit",
    name: "Summit Federal Credit Union",
    accounts: [
      account("Share Checking", "Summit Share Checking", "checking", "0286", 92517, 90017),
      account("Share Savings", "Summit Share Savings", "savings", "5531", 310000),
    ],
  },
];

export const findInstitution = (id: string | undefined): Institution | null =>
  INSTITUTIONS.find((institution) => institution.id === id) ?? null;

/** Whether the test credentials were entered; usernames ignore surrounding spaces, passwords do not. */
export const areGoodCredentials = (username: string, password: string): boolean =>
  username.trim() === BANK_USERNAME && password === BANK_PASSWORD;
