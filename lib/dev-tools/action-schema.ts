// What the developer drawer may ask the server to do, checked before anything reaches the emulator.
import { z } from "zod";

export const FAULT_KINDS = ["500", "503", "429", "slow"] as const;

export const devToolsActionSchema = z.discriminatedUnion(
  "action",
  [
    z.object({
      action: z.literal("advance"),
      days: z.union([z.literal(1), z.literal(5)], { error: "days must be 1 or 5." }),
    }),
    z.object({ action: z.literal("advance-to-next-run") }),
    z.object({ action: z.literal("expire-token") }),
    z.object({
      action: z.literal("fault"),
      kind: z.enum(FAULT_KINDS, { error: "kind must be 500, 503, 429 or slow." }),
    }),
    z.object({ action: z.literal("reset") }),
  ],
  { error: "action must be advance, advance-to-next-run, expire-token, fault or reset." },
);

export type DevToolsAction = z.infer<typeof devToolsActionSchema>;
