// Playwright globalSetup of the multi-instance suite (playwright.multi.config.ts): a throwaway Postgres, two
// `next start` instances of the one build as the Deploy button configures them (instances.ts), and the
// round-robin proxy in front, standing in for Vercel's edge. A control server on loopback lets a test restart
// both instances. The returned function is the teardown: it stops all.
import { existsSync } from "node:fs";
import http from "node:http";
import { startTestPostgres } from "../support/postgres";
import { Instances } from "./instances";
import { CONTROL_URL, INSTANCE_PORTS, INSTANCE_URLS, MULTI_AUTH_SECRET, PG_PORT, PROXY_PORT } from "./ports";
import { startRoundRobinProxy } from "./round-robin-proxy";

function startControlServer(instances: Instances): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    if (request.method !== "POST" || request.url !== "/restart") {
      response.writeHead(404).end();
      return;
    }
    instances.restart().then(
      () => response.writeHead(204).end(),
      (error: Error) => response.writeHead(500, { "content-type": "text/plain" }).end(error.message),
    );
  });
  const { port, hostname } = new URL(CONTROL_URL);
  return new Promise((resolve) => server.listen(Number(port), hostname, () => resolve(server)));
}

export default async function globalSetup() {
  if (!existsSync(".next/BUILD_ID")) {
    throw new Error("The multi-instance suite runs the production build: run `npm run build` first.");
  }
  const postgres = await startTestPostgres(PG_PORT);
  // The tests read the emulator's tables (how many refreshes it answered) from the same database.
  process.env.MULTI_DATABASE_URL = postgres.url;
  const instances = new Instances({
    ports: INSTANCE_PORTS,
    databaseUrl: postgres.url,
    authSecret: MULTI_AUTH_SECRET,
  });
  let proxy: Awaited<ReturnType<typeof startRoundRobinProxy>> | undefined;
  let control: http.Server | undefined;
  try {
    await instances.start();
    proxy = await startRoundRobinProxy(INSTANCE_URLS, PROXY_PORT);
    control = await startControlServer(instances);
  } catch (error) {
    await instances.stop();
    await postgres.stop();
    throw error;
  }
  return async () => {
    await new Promise((resolve) => control?.close(resolve));
    await proxy?.close();
    await instances.stop();
    await postgres.stop();
  };
}
