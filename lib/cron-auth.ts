// Who may run a cron route: Vercel sends CRON_SECRET as "Authorization: Bearer <secret>" when it is set
// (https://vercel.com/docs/cron-jobs/manage-cron-jobs). A deployment without the secret would let anyone on the
// internet trigger the job, so on Vercel it is refused; on your own machine it runs without one.
import { createHash, timingSafeEqual } from "node:crypto";
import type { Env } from "@/lib/env";

export type CronAuthorization = { ok: true } | { ok: false; status: 401 | 503; message: string };

const digest = (value: string) => createHash("sha256").update(value).digest();

export function authorizeCron(
  authorization: string | null,
  env: Pick<Env, "cronSecret" | "onVercel">,
): CronAuthorization {
  if (!env.cronSecret) {
    return env.onVercel
      ? {
          ok: false,
          status: 503,
          message:
            "CRON_SECRET is not set, so this deployment cannot tell Vercel's cron from anyone else. Set it in the project's environment variables (e.g. `openssl rand -hex 32`) and redeploy.",
        }
      : { ok: true };
  }
  // Compared as digests, so neither the length nor the first differing byte leaks.
  if (!timingSafeEqual(digest(authorization ?? ""), digest(`Bearer ${env.cronSecret}`))) {
    return { ok: false, status: 401, message: "Send Authorization: Bearer <CRON_SECRET>." };
  }
  return { ok: true };
}
