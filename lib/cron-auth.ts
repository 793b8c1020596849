// Vercel sends CRON_SECRET as a Bearer token (vercel.com/docs/cron-jobs/manage-cron-jobs); production requires it.
import { createHash, timingSafeEqual } from "node:crypto";
import type { Env } from "@/lib/env";

export type CronAuthorization = { ok: true } | { ok: false; status: 401 | 403; message: string };

const digest = (value: string) => createHash("sha256").update(value).digest();

export function authorizeCron(
  authorization: string | null,
  env: Pick<Env, "cronSecret" | "onVercel" | "nodeEnv">,
): CronAuthorization {
  if (!env.cronSecret) {
    return env.onVercel || env.nodeEnv === "production"
      ? {
          ok: false,
          status: 403,
          message:
            "CRON_SECRET is not set, so this production deployment cannot tell its cron from anyone else and runs the job for no one. Set it (e.g. `openssl rand -hex 32`) in the environment and restart or redeploy.",
        }
      : { ok: true };
  }
  // Compared as digests, so neither the length nor the first differing byte leaks.
  if (!timingSafeEqual(digest(authorization ?? ""), digest(`Bearer ${env.cronSecret}`))) {
    return { ok: false, status: 401, message: "Send Authorization: Bearer <CRON_SECRET>." };
  }
  return { ok: true };
}
