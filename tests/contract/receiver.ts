// The suite's own loopback server: it catches the OAuth redirect (the registered redirect URI points here) and
// the webhooks the emulator sends, keeping the raw bytes, and lets the test files read what arrived.
import { createServer, type IncomingMessage, type Server } from "node:http";

export type ReceivedWebhook = { path: string; headers: Record<string, string>; body: string; receivedAt: string };
export type ReceivedCallback = { url: string; receivedAt: string };
export type Received = { webhooks: ReceivedWebhook[]; callbacks: ReceivedCallback[] };

export const RECEIVED_PATH = "/__contract/received";
export const WEBHOOK_PATH = "/webhooks";

export type Receiver = { origin: string; close: () => Promise<void> };

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function flatHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

/** Listens on loopback only. `port` 0 picks a free one. */
export async function startReceiver({ port, callbackPath }: { port: number; callbackPath: string }): Promise<Receiver> {
  const received: Received = { webhooks: [], callbacks: [] };
  const server: Server = createServer((request, response) => {
    // The Host header keeps the port, so a check can compare the redirect with the registered URI.
    const url = new URL(request.url ?? "/", `http://${request.headers.host ?? "127.0.0.1"}`);
    void (async () => {
      if (request.method === "GET" && url.pathname === RECEIVED_PATH) {
        response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(received));
      } else if (request.method === "GET" && url.pathname === callbackPath) {
        received.callbacks.push({ url: url.toString(), receivedAt: new Date().toISOString() });
        response
          .writeHead(200, { "content-type": "text/html; charset=utf-8" })
          .end(
            "<!doctype html><title>Contract suite</title><p>Caught the authorization code. You can close this window.</p>",
          );
      } else if (request.method === "POST") {
        const body = await readBody(request);
        received.webhooks.push({
          path: url.pathname,
          headers: flatHeaders(request),
          body,
          receivedAt: new Date().toISOString(),
        });
        // Astra retries anything but a 200 (reference/webhooks).
        response.writeHead(200, { "content-type": "application/json" }).end('{"received":true}');
      } else {
        response.writeHead(404).end();
      }
    })().catch(() => response.writeHead(500).end());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return {
    origin: `http://127.0.0.1:${actualPort}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
