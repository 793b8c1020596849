// Shared steps of the checks (the bodies the app sends, two accounts to move money between), and the emulator's
// control API for the checks marked emulator-only (packages/astra-emulator/README.md "Control API"): Astra's sandbox
// has nothing like it.
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { call, show } from "./http";
import { asUser, forgetSession, refreshTokens } from "./session";
import { account, expectShape, listItems, routine, transfer } from "./shapes";
import { target } from "./target";

/** reference/post_v1-routines: `start_date` is a calendar date in America/Los_Angeles. */
export function pacificDate(daysFromToday = 0): string {
  const date = new Date(Date.now() + daysFromToday * 24 * 60 * 60 * 1000);
  return new Intl.DateTimeFormat("en-CA", { timeZone: "America/Los_Angeles" }).format(date);
}

/**
 * The fields reference/post_v1-user-intent requires, as app/test-user sends them, with a fresh email (Astra takes
 * 3 intents per email). On the emulator the phone is `emulatorPhone`, so each file's people stay apart.
 */
export function intentBody(emulatorPhone: string, overrides: Record<string, unknown> = {}) {
  return {
    email: `contract.${randomBytes(4).toString("hex")}@example.com`,
    phone: `+1${target().target === "emulator" ? emulatorPhone : target().phone}`,
    first_name: "Casey",
    last_name: "Contract",
    address1: "500 Market St",
    address2: "",
    city: "San Francisco",
    state: "CA",
    postal_code: "94105",
    date_of_birth: "1990-04-12",
    ssn: "123459999",
    ip_address: "203.0.113.7",
    ...overrides,
  };
}

/** Two of the user's accounts to move money between, or undefined (the sandbox user may have linked none). */
export async function twoAccounts(): Promise<[string, string] | undefined> {
  const reply = await asUser("GET", "/v1/accounts", { query: { page_size: "100" } });
  if (reply.status !== 200) throw new Error(`GET /v1/accounts: ${show(reply)}`);
  const accounts = listItems("accounts", account, reply.json, "The account list");
  return accounts.length >= 2 ? [accounts[0]!.id, accounts[1]!.id] : undefined;
}

export const NEED_TWO_ACCOUNTS =
  "the user has fewer than two linked accounts: link two in the module (Connect New Bank, user_good / pass_good)";

/** The body the app sends (app/(signed-in)/routines/new/actions.ts): it always names payment_type and start_date. */
export function routineBody(
  [source, destination]: [string, string],
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    type: "one-time",
    name: `Contract ${Math.random().toString(36).slice(2, 8)}`,
    payment_type: "ach",
    source_id: source,
    destination_id: destination,
    amount: 1.25,
    start_date: pacificDate(),
    ...overrides,
  };
}

export async function createRoutine(body: Record<string, unknown>) {
  const reply = await asUser("POST", "/v1/routines", { json: body });
  // reference/errors: creates answer 200 or 201.
  if (reply.status !== 200 && reply.status !== 201) throw new Error(`POST /v1/routines: ${show(reply)}`);
  return expectShape(routine, reply.json, "The created routine");
}

/**
 * A one-time routine dated today makes its transfer at once (reference/post_v1-routines: "without start_date it
 * starts immediately"; with today's date it runs that day). Astra's sandbox may take a moment: look a few times.
 */
export async function transferOfNewRoutine(accounts: [string, string], amount = 1.25) {
  const created = await createRoutine(routineBody(accounts, { amount }));
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const reply = await asUser("GET", "/v1/transfers", { query: { page_size: "100" } });
    if (reply.status !== 200) throw new Error(`GET /v1/transfers: ${show(reply)}`);
    const found = listItems("transfers", transfer, reply.json, "The transfer list").find(
      (t) => t.routine_id === created.id,
    );
    if (found) return found;
    await sleep(1_000);
  }
  throw new Error(`No transfer appeared for the one-time routine ${created.id}`);
}

const control = (method: "GET" | "POST", path: string, json?: unknown) =>
  call(method, path, { auth: "client", json: json ?? {} });

/** Emulator-only: move the sandbox clock; due routines run, transfers settle and webhooks go out first. */
export async function advanceEmulatorClock(days: number): Promise<void> {
  if (target().target !== "emulator") throw new Error("advanceEmulatorClock is emulator-only");
  const reply = await control("POST", "/sandbox/clock/advance", { days });
  if (reply.status !== 200) throw new Error(`clock advance: ${show(reply)}`);
  // A jump past the access token's 2 hours expires it; the refresh token lasts 10 days.
  const refreshed = await refreshTokens();
  if (refreshed.status !== 200) throw new Error(`refresh after the clock advance: ${show(refreshed)}`);
}

/** Emulator-only: back to real time and the seed; the next check signs in again. */
export async function resetEmulator(): Promise<void> {
  if (target().target !== "emulator") return;
  const reply = await control("POST", "/sandbox/reset");
  if (reply.status !== 200) throw new Error(`reset: ${show(reply)}`);
  forgetSession();
}
