// The developer tools' hooks into the core: the drawer's call log and the emulator's movable clock.
import "server-only";
import { onAstraCall, setTodayProvider } from "@/lib/astra/hooks";
import { emulatorToday } from "./clock";
import { recordAstraCall } from "./recent-calls";

export function registerDevTools(): void {
  onAstraCall(({ userId, ...call }) => recordAstraCall(call, userId));
  setTodayProvider(() => emulatorToday());
}
