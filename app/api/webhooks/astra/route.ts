import { handleAstraWebhook } from "@/lib/astra/webhooks";

export function POST(request: Request) {
  return handleAstraWebhook(request);
}
