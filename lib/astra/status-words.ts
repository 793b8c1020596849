// Astra's routine and transfer statuses in plain words: what it means for the person, and what they can do.
import type { RoutineFrequency, RoutineStatus, TransferStatus } from "./schemas";

export type Tone = "positive" | "neutral" | "waiting" | "negative";

export type StatusWords = {
  label: string;
  tone: Tone;
  explanation: string;
  /** The Astra module flow that resolves it, when there is one. */
  fix?: "verify-identity" | "link-account";
};

export const ROUTINE_STATUS_WORDS: Record<RoutineStatus, StatusWords> = {
  active: { label: "Active", tone: "positive", explanation: "Transfers will run on their scheduled dates." },
  inactive: { label: "Paused", tone: "neutral", explanation: "No transfers will run until you resume it." },
  requires_user_verification: {
    label: "Needs identity verification",
    tone: "waiting",
    explanation: "Astra needs to finish verifying your identity before this routine can run.",
    fix: "verify-identity",
  },
  pending_account_authorization: {
    label: "Waiting for account authorization",
    tone: "waiting",
    explanation: "One of its bank accounts is not yet authorized for transfers. This usually clears within minutes.",
    fix: "link-account",
  },
  user_suspended: {
    label: "Suspended",
    tone: "negative",
    explanation: "Your Astra account is suspended, so this routine cannot run. Contact support.",
  },
  cancelled: { label: "Cancelled", tone: "neutral", explanation: "This routine was cancelled and will not run again." },
  failed: { label: "Failed", tone: "negative", explanation: "Its transfer failed, so no money moved." },
  completed: { label: "Completed", tone: "positive", explanation: "Its transfer went through." },
};

export const TRANSFER_STATUS_WORDS: Record<TransferStatus, StatusWords> = {
  pending: { label: "Pending", tone: "waiting", explanation: "On its way; ACH transfers settle in a few business days." },
  processed: { label: "Completed", tone: "positive", explanation: "The money arrived." },
  failed: { label: "Failed", tone: "negative", explanation: "The bank returned this transfer; no money moved." },
  cancelled: { label: "Cancelled", tone: "neutral", explanation: "This transfer was cancelled before it settled." },
  canceled: { label: "Cancelled", tone: "neutral", explanation: "This transfer was cancelled before it settled." },
};

export const FREQUENCY_WORDS: Record<RoutineFrequency, string> = {
  weekly: "Every week",
  "bi-weekly": "Every two weeks",
  monthly: "Every month",
};
