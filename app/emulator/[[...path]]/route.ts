// Demo mode (ASTRA_ENV=demo): the emulator, mounted at /emulator on this app's origin. Every method goes to its
// fetch; the due work (settling transfers, running routines, delivering webhooks) runs once the answer is sent,
// since a serverless deployment has no ticker. proxy.ts skips this path: nothing reads the body before the
// emulator, which sets its own security headers.
import { scheduleDueWork } from "@/lib/demo/transport";
import { getEnv } from "@/lib/env";
import { applySecurityHeaders, securityHeaderOptions } from "@/lib/security-headers";
import { hostedEmulator } from "../hosted-emulator";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
// One request plus its due work: a batch of webhooks has a 5-s timeout each.
export const maxDuration = 60;

async function handle(request: Request): Promise<Response> {
  const env = getEnv();
  if (env.astraEnv !== "demo") {
    const response = new Response("Not found", { status: 404, headers: { "content-type": "text/plain" } });
    applySecurityHeaders(response.headers, securityHeaderOptions(env, new URL(request.url)));
    return response;
  }
  // Next asks a same-origin redirect target for its RSC payload before the browser goes there (a server action's
  // redirect() does it from the server). The emulator has none, and asking must not spend a one-use sign-in link.
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
