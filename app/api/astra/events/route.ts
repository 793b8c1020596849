import { headers } from "next/headers";
import { readSession } from "@/lib/auth/astra-session";
import { addressKey, clientIpFrom } from "@/lib/client-ip";
import { getEnv } from "@/lib/env";
import { openEventStream, parseLastEventId } from "@/lib/events/event-stream";

// Server-sent events for the signed-in user's open pages: one message per Astra webhook about them.
export const dynamic = "force-dynamic";
// On a serverless host a stream lives at most this long (the stream ends itself a little earlier); the browser
// then reconnects, resuming from its Last-Event-ID when the events come from the database.
export const maxDuration = 300;

export async function GET(request: Request) {
  const lastEventId = parseLastEventId(request.headers.get("last-event-id"));
  const address = addressKey(clientIpFrom(await headers(), getEnv().clientIpHeader));
  return openEventStream(await readSession(), request.signal, { lastEventId, address });
}
