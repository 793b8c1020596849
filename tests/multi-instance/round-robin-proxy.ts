// A loopback load balancer for the multi-instance tests: it hands requests to two (or more) `next start`
// instances in turn, the way Vercel spreads a visitor's requests over instances. A request may pin itself to one
// instance with `x-instance: <index>`, so a test can sign in through one and read through another; every answer
// says who served it in `x-served-by`. Responses are piped as they arrive, so server-sent events stream through.
// Like Vercel's edge it sets the visitor's address (x-vercel-forwarded-for, which the app trusts on Vercel) and
// the forwarded host and scheme, overwriting whatever the client sent; a test plays several visitors by sending
// `x-test-client-ip`.
import http from "node:http";
import type { AddressInfo } from "node:net";

export const TEST_CLIENT_IP_HEADER = "x-test-client-ip";
/** The address of a request that names none. */
export const DEFAULT_CLIENT_IP = "198.51.100.1";

function forwardedHeaders(request: http.IncomingMessage): http.OutgoingHttpHeaders {
  const headers: http.OutgoingHttpHeaders = { ...request.headers };
  const named = request.headers[TEST_CLIENT_IP_HEADER];
  delete headers[TEST_CLIENT_IP_HEADER];
  headers["x-vercel-forwarded-for"] = (Array.isArray(named) ? named[0] : named) || DEFAULT_CLIENT_IP;
  headers["x-forwarded-host"] = request.headers.host;
  headers["x-forwarded-proto"] = "http";
  return headers;
}

export interface RoundRobinProxy {
  url: string;
  /** How many requests each instance has answered, by index. */
  served: number[];
  close(): Promise<void>;
}

export async function startRoundRobinProxy(backends: string[], port = 0): Promise<RoundRobinProxy> {
  const served = backends.map(() => 0);
  let next = 0;
  const server = http.createServer((request, response) => {
    const pinned = Number(request.headers["x-instance"]);
    const index = Number.isInteger(pinned) && backends[pinned] ? pinned : next++ % backends.length;
    const target = new URL(request.url ?? "/", backends[index]);
    const upstream = http.request(target, { method: request.method, headers: forwardedHeaders(request) }, (answer) => {
      served[index] = (served[index] ?? 0) + 1;
      response.writeHead(answer.statusCode ?? 502, { ...answer.headers, "x-served-by": String(index) });
      answer.pipe(response);
    });
    upstream.on("error", (error) => {
      if (!response.headersSent) response.writeHead(502, { "content-type": "text/plain" });
      response.end(`proxy: instance ${index} unreachable (${error.message})`);
    });
    // A browser that leaves (a tab closed, an EventSource closed) ends its request upstream too, as a real load
    // balancer does. Otherwise the instance would go on counting that live-updates stream as open, and after
    // five of them refuse the user's next one with 429.
    response.on("close", () => {
      if (!response.writableFinished) upstream.destroy();
    });
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    served,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
