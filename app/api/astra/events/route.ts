import { readSession } from "@/lib/auth/astra-session";
import { openEventStream } from "@/lib/events/event-stream";

// Server-sent events for the signed-in user's open pages: one message per Astra webhook about them.
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return openEventStream(await readSession(), request.signal);
}
