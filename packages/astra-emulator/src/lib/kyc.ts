// The sandbox's KYC decision. Astra's sandbox guide says test statuses are chosen through the user intent's
// details ("phone, first_name, ip_address, etc.") but its table of values was not captured, so the emulator
// picks one of those documented fields, ip_address, and its own values: addresses of TEST-NET-2
// (198.51.100.0/24, RFC 5737), which no real device has, so a real end user's IP is always approved.
import type { UserStatus } from "../wire-schemas";

/** How long a `pending` intent takes to resolve, on the sandbox clock (Astra: "within a few seconds"). */
export const KYC_PENDING_MS = 10_000;

export interface KycDecision {
  /** The status the intent starts in. */
  status: UserStatus;
  /** Where it ends up; equals `status` unless the intent starts `pending`. */
  outcome: UserStatus;
  /** When a pending intent flips to `outcome`; null when nothing is pending. */
  resolvesAt: Date | null;
}

/** `ip_address` values and the status each gives; any other address is approved at once. */
export const KYC_MAGIC_IP_ADDRESSES: Readonly<Record<string, UserStatus>> = {
  "198.51.100.1": "pending",
  "198.51.100.2": "retry",
  "198.51.100.3": "document",
  "198.51.100.4": "rejected",
  "198.51.100.5": "suspended",
};

export function decideKyc(ipAddress: string, now: Date): KycDecision {
  const status = KYC_MAGIC_IP_ADDRESSES[ipAddress.trim()] ?? "approved";
  if (status === "pending") {
    return { status, outcome: "approved", resolvesAt: new Date(now.getTime() + KYC_PENDING_MS) };
  }
  return { status, outcome: status, resolvesAt: null };
}
