// "Today" as Astra counts it: the emulator's clock (which the dev tools move), else the date in Astra's time zone.
import "server-only";
import { cache } from "react";
import { todayInAstraZone } from "@/lib/dates";
import { auth } from "@/lib/auth/next-auth";
import { readEmulatorClock } from "@/lib/dev-tools/control-api";
import { getEnv, usesEmulator } from "@/lib/env";

export async function readAstraToday(now: () => Date = () => new Date()): Promise<string> {
  if (!usesEmulator(getEnv())) return todayInAstraZone(now());
  try {
    const visitorId = getEnv().astraEnv === "demo" ? (await auth())?.user.id : undefined;
    return (await readEmulatorClock(visitorId)).today;
  } catch (error) {
    console.warn(`[today] ${error instanceof Error ? error.message : String(error)}; using the real date`);
    return todayInAstraZone(now());
  }
}

/** Cached per request (React's cache), so a page and its action's checks agree on one date. */
export const astraToday = cache(() => readAstraToday());
