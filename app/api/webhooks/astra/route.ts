import { handleAstraWebhook } from "@/lib/astra/webhooks";
import { getEnv } from "@/lib/env";
import { applySecurityHeaders, securityHeaderOptions } from "@/lib/security-headers";

// proxy.ts skips this route (so Next does not buffer the body first): the headers are set here instead.
export async function POST(request: Request) {
  const response = await handleAstraWebhook(request);
  applySecurityHeaders(response.headers, securityHeaderOptions(getEnv(), new URL(request.url)));
  return response;
}
