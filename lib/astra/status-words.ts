// Astra's statuses in plain words; values this app does not know yet are shown as they came, labelled.
import type { Routine, RoutineFrequency, RoutineStatus, Transfer, TransferStatus } from "./schemas";

export type Tone = "positive" | "neutral" | "waiting" | "negative";

export type StatusWords = {
  label: string;
  tone: Tone;
  explanation: string;
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
  pending: {
    label: "Pending",
    tone: "waiting",
    explanation: "On its way; ACH transfers settle in a few business days.",
  },
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

const MAX_SHOWN = 60;

function shown(value: string): string {
  const trimmed = value.trim();
  return trimmed.length > MAX_SHOWN ? `${trimmed.slice(0, MAX_SHOWN)}…` : trimmed;
}

function inWords(value: string): string {
  const text = shown(value).replace(/_+/g, " ");
  return text ? text[0]!.toUpperCase() + text.slice(1) : "";
}

function known<K extends string, V>(table: Record<K, V>, value: string): V | undefined {
  return Object.hasOwn(table, value) ? table[value as K] : undefined;
}

function unknownStatusWords(status: string): StatusWords {
  const value = shown(status);
  return {
    label: value ? `Unknown status: ${value}` : "Unknown status",
    tone: "neutral",
    explanation:
      "Astra reported a status this app does not know yet. Astra's dashboard or support can say what it means.",
  };
}

export function routineStatusWords(status: Routine["status"]): StatusWords {
  return known(ROUTINE_STATUS_WORDS, status) ?? unknownStatusWords(status);
}

export function transferStatusWords(status: Transfer["status"]): StatusWords {
  return known(TRANSFER_STATUS_WORDS, status) ?? unknownStatusWords(status);
}

export function frequencyWords(frequency: NonNullable<Routine["frequency"]>): string {
  return known(FREQUENCY_WORDS, frequency) ?? `Repeats: ${shown(frequency)}`;
}

const ROUTINE_TYPE_WORDS: Record<string, string> = { "one-time": "One-time", recurring: "Recurring" };

export function routineTypeWords(type: Routine["type"]): string {
  return known(ROUTINE_TYPE_WORDS, type) ?? (inWords(type) || "Other routine");
}

export function routineScheduleWords(routine: { type: Routine["type"]; frequency?: Routine["frequency"] }): string {
  return routine.frequency ? frequencyWords(routine.frequency) : routineTypeWords(routine.type);
}

export function settlementSpeedWords(speed: NonNullable<Routine["preferred_settlement_speed"]>): string {
  const days = /^T\+(\d{1,2})$/i.exec(speed.trim());
  if (!days) return inWords(speed) || "Not stated";
  const n = Number(days[1]);
  if (n === 0) return "Same business day";
  return n === 1 ? "1 business day" : `${n} business days`;
}
