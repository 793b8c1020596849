// The sandbox's KYC decision: the last four digits of the SSN pick the outcome, since Astra's own table of
// sandbox magic values is unknown (astra-api.md 5, [?]).
import type { UserStatus } from "../../../lib/astra/schemas";

/** How long a `pending` intent takes to resolve, on the sandbox clock. */
export const KYC_PENDING_MS = 10_000;

export interface KycDecision {
  /** The status the intent starts in. */
  status: UserStatus;
  /** Where it ends up; equals `status` unless the intent starts `pending`. */
  outcome: UserStatus;
  /** When a pending intent flips to `outcome`; null when nothing is pending. */
  resolvesAt: Date | null;
}

/** SSN endings and what they do; anything else (Astra's example "9999" too) is approved at once. */
export const KYC_MAGIC_SSN_ENDINGS: Readonly<Record<string, UserStatus>> = {
  "1111": "pending",
  "2222": "retry",
  "3333": "document",
  "4444": "rejected",
  "5555": "suspended",
};

export function decideKyc(ssn: string, now: Date): KycDecision {
  const status = KYC_MAGIC_SSN_ENDINGS[ssn.slice(-4)] ?? "approved";
  if (status === "pending") {
    return { status, outcome: "approved", resolvesAt: new Date(now.getTime() + KYC_PENDING_MS) };
  }
  return { status, outcome: status, resolvesAt: null };
}
