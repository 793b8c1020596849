// Demo mode: the emulator at /emulator; due work runs once the answer is sent, since serverless has no ticker.
// proxy.ts skips this path: nothing reads the body first, and the emulator sets its own security headers.
import { scheduleDueWork } from "@/lib/demo/transport";
import { getEnv } from "@/lib/env";
import { applySecurityHeaders, securityHeaderOptions } from "@/lib/security-headers";
import { hostedEmulator } from "../hosted-emulator";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
// Room for a batch of webhooks with a 5 s timeout each.
export const maxDuration = 60;

async function handle(request: Request): Promise<Response> {
  const env = getEnv();
  if (env.astraEnv !== "demo") {
    const response = new Response("Not found", { status: 404, headers: { "content-type": "text/plain" } });
    applySecurityHeaders(response.headers, securityHeaderOptions(env, new URL(request.url)));
    return response;
  }
  // Next prefetches a same-origin redirect target's RSC payload; that must not spend a one-use sign-in link.
  if (request.headers.has("rsc")) return new Response(null, { status: 204 });
  const response = await hostedEmulator().fetch(request);
  scheduleDueWork();
  return response;
}

export {
  handle as GET,
  handle as HEAD,
  handle as POST,
  handle as PUT,
  handle as PATCH,
  handle as DELETE,
  handle as OPTIONS,
};
