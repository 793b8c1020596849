// "Today" as Astra counts it for this app: the real date in Astra's time zone, unless a plug-in set another
// source (the emulator's clock, which the developer tools move). Read once per request.
import "server-only";
import { cache } from "react";
import { readTodayProvider } from "./hooks";

/** Cached per request (React's cache), so a page and its action's checks agree on one date. */
export const astraToday = cache(() => readTodayProvider());
