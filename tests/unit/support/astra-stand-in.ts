// A stand-in for Astra's REST API on a loopback port: each test says how to answer, and reads back what the app
// sent. Real HTTP, so the client's retries, timeouts and headers are exercised as they run in production.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, vi } from "vitest";

export type SeenRequest = {
  at: number;
  method: string;
  path: string;
  search: URLSearchParams;
  headers: IncomingMessage["headers"];
  body: string;
};
export type Answer = {
  status?: number;
  headers?: Record<string, string>;
  json?: unknown;
  delayMs?: number;
  drop?: boolean;
};
export type Responder = (request: SeenRequest, index: number) => Answer | Promise<Answer>;

export async function startAstraStandIn(respond: Responder) {
  const seen: SeenRequest[] = [];
  const sockets = new Set<import("node:net").Socket>();
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", "http://stand-in.invalid");
    const request = {
      at: performance.now(),
      method: req.method ?? "GET",
      path: url.pathname,
      search: url.searchParams,
      headers: req.headers,
      body: Buffer.concat(chunks).toString("utf8"),
    };
    seen.push(request);
    const answer = await respond(request, seen.length - 1);
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    if (answer.drop) {
      req.socket.destroy();
      return;
    }
    res.writeHead(answer.status ?? 200, {
      "content-type": "application/json",
      "request-id": `req-${seen.length}`,
      ...answer.headers,
    });
    res.end(JSON.stringify(answer.json ?? {}));
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Astra's error body. */
export const astraError = (status: number, description: string): Answer => ({
  status,
  json: { code: status, name: "Error", description },
});

/**
 * For a test file whose app modules must talk to a fresh stand-in: `point(respond)` starts one, points
 * ASTRA_API_URL at it and clears the module cache (lib/env.ts caches the parsed environment), so the next
 * `await import(...)` of an app module reads it. Each test's stand-in is closed after it.
 */
export function astraStandInPerTest() {
  let current: Awaited<ReturnType<typeof startAstraStandIn>> | undefined;
  afterEach(async () => {
    await current?.close();
    current = undefined;
    vi.unstubAllEnvs();
    vi.resetModules();
  });
  return {
    async point(respond: Responder) {
      current = await startAstraStandIn(respond);
      vi.stubEnv("ASTRA_API_URL", current.url);
      vi.resetModules();
      return current;
    },
  };
}
