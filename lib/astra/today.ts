// "Today" as Astra counts it for this app. Against the emulator that is the emulator's clock, which the
// developer tools can move forward; elsewhere it is the real date in Astra's time zone. Read once per request.
import "server-only";
import { cache } from "react";
import { todayInAstraZone } from "@/lib/dates";
import { auth } from "@/lib/auth/next-auth";
import { readEmulatorClock } from "@/lib/dev-tools/control-api";
import { getEnv, usesEmulator } from "@/lib/env";

export async function readAstraToday(now: () => Date = () => new Date()): Promise<string> {
  if (!usesEmulator(getEnv())) return todayInAstraZone(now());
  try {
    // Demo mode: each visitor has a clock of their own (the emulator's visitor scope).
    const visitorId = getEnv().astraEnv === "demo" ? (await auth())?.user.id : undefined;
    return (await readEmulatorClock(visitorId)).today;
  } catch (error) {
    // Without the emulator's clock the real date is the best guess; the page's own Astra call will say why.
    console.warn(`[today] ${error instanceof Error ? error.message : String(error)}; using the real date`);
    return todayInAstraZone(now());
  }
}

/** Cached per request (React's cache), so a page and its action's checks agree on one date. */
export const astraToday = cache(() => readAstraToday());
