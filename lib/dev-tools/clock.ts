// "Today" against the emulator: its clock, which the drawer moves forward; in demo mode each visitor's own.
import "server-only";
import { auth } from "@/lib/auth/next-auth";
import { todayInAstraZone } from "@/lib/dates";
import { getEnv } from "@/lib/env";
import { readEmulatorClock } from "./control-api";

export async function emulatorToday(now: () => Date = () => new Date()): Promise<string> {
  try {
    const visitorId = getEnv().astraEnv === "demo" ? (await auth())?.user.id : undefined;
    return (await readEmulatorClock(visitorId)).today;
  } catch (error) {
    // Without the emulator's clock the real date is the best guess; the page's own Astra call will say why.
    console.warn(`[today] ${error instanceof Error ? error.message : String(error)}; using the real date`);
    return todayInAstraZone(now());
  }
}
