// "Today" as Astra counts it: the real date in its time zone, unless a plug-in sets another (the emulator's clock).
import "server-only";
import { cache } from "react";
import { readTodayProvider } from "./hooks";

/** Cached per request (React's cache), so a page and its action's checks agree on one date. */
export const astraToday = cache(() => readTodayProvider());
