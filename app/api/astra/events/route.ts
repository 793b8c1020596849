import { readSession } from "@/lib/auth/astra-session";
import { subscribe } from "@/lib/events/user-events";

// Server-sent events for the signed-in user's open pages: one message per Astra webhook about them.
export const dynamic = "force-dynamic";

const HEARTBEAT_MS = 25_000;

export async function GET(request: Request) {
  const session = await readSession();
  if (!session?.astraUserId) return Response.json({ error: "Sign in with Astra first." }, { status: 401 });
  const userId = session.astraUserId;

  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => controller.enqueue(encoder.encode(text));
      send("retry: 3000\n\n");
      const unsubscribe = subscribe(userId, (event) => send(`event: astra\ndata: ${JSON.stringify(event)}\n\n`));
      // Comments keep proxies from closing an idle connection.
      const heartbeat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS);
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
      };
      request.signal.addEventListener("abort", () => {
        cleanup();
        controller.close();
      });
    },
    cancel() {
      cleanup();
    },
  });

  return new Response(stream, {
    headers: { "content-type": "text/event-stream", "cache-control": "no-store, no-transform", connection: "keep-alive" },
  });
}
