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
  let closed = false;
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      send("retry: 3000\n\n");
      const unsubscribe = subscribe(userId, (event) => send(`event: astra\ndata: ${JSON.stringify(event)}\n\n`));
      // Comments keep proxies from closing an idle connection.
      const heartbeat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS);
      // The browser leaving and the stream being cancelled can both happen; either ends it, once.
      cleanup = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
      };
      request.signal.addEventListener("abort", () => {
        if (closed) return;
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed by a cancel
        }
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
