// `npm run bench:load`: how the production app holds up under a bounded loopback load with a valid session.
// It builds if there is no build, starts a fresh in-memory emulator and `next start` on loopback ports, signs the
// seed user in once through the real OAuth redirects (headless Chromium), then runs autocannon against the
// signed-in dashboard and against routine creation (the server action the form posts, each request with its own
// idempotency key). Numbers are printed, never asserted. Ports: BENCH_APP_PORT (3300), BENCH_EMULATOR_PORT (or BENCH_SANDBOX_PORT, 4300).
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
import autocannon from "autocannon";
import { CHROMIUM_FLAGS, findSystemChromium, LOOPBACK_ONLY } from "../tests/chromium";
import { createChildren, signInDemoUser, startLocalStack } from "./lib/local-stack";

const APP_PORT = process.env.BENCH_APP_PORT ?? "3300";
const EMULATOR_PORT = process.env.BENCH_EMULATOR_PORT ?? process.env.BENCH_SANDBOX_PORT ?? "4300";
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 30);
const APP_URL = `http://localhost:${APP_PORT}`;

const children = createChildren("bench:load");

async function run(command: string, args: string[]) {
  const child = spawn(command, args, { stdio: "inherit" });
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`${command} ${args.join(" ")} failed (${code})`);
}

/** Signs the seed user in through the emulator's module pages; returns the Cookie header and the routine form. */
async function signIn() {
  const browser = await chromium.launch({
    executablePath: findSystemChromium(),
    args: [...CHROMIUM_FLAGS, LOOPBACK_ONLY],
  });
  const page = await browser.newPage();
  const cookie = await signInDemoUser(page, APP_URL);

  // Record one real submission of the routine form, to replay with fresh names and keys.
  await page.goto(`${APP_URL}/routines/new`);
  const submission = page.waitForRequest(
    (request) => request.method() === "POST" && Boolean(request.headers()["next-action"]),
  );
  await page.getByLabel("Name").fill("Bench routine");
  await page.getByLabel("Amount (USD)").fill("1");
  await page.getByRole("button", { name: "Review" }).click();
  await page.getByRole("button", { name: "Confirm and create" }).click();
  const recorded = await submission;
  await page.waitForURL(/\/routines\/[^/]+\?created=1$/);
  const headers = await recorded.allHeaders();
  await browser.close();
  return {
    cookie,
    action: {
      headers,
      body: recorded.postData() ?? "",
      key: /name="_?1_\$idempotency_key"\r\n\r\n([^\r]+)/.exec(recorded.postData() ?? "")?.[1],
    },
  };
}

type Summary = {
  name: string;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  fiveXx: number;
  statuses: string;
};

async function load(name: string, options: autocannon.Options): Promise<Summary> {
  // A request counts as an error when the connection fails or no answer arrives within 30 s.
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION_S, timeout: 30, ...options });
  const stats = (result as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {};
  const fiveXx = Object.entries(stats)
    .filter(([code]) => Number(code) >= 500)
    .reduce((sum, [, { count }]) => sum + Number(count), 0);
  return {
    name,
    requests: result.requests.total,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    fiveXx,
    statuses: Object.entries(stats)
      .map(([code, { count }]) => `${code}×${count}`)
      .join(" "),
  };
}

async function main() {
  if (!existsSync(".next/BUILD_ID")) await run("npm", ["run", "build"]);
  await startLocalStack(children, { appPort: Number(APP_PORT), emulatorPort: Number(EMULATOR_PORT), webhooks: false });

  const { cookie, action } = await signIn();
  if (!action.key)
    throw new Error(`No idempotency key in the recorded routine submission:\n${action.body.slice(0, 1500)}`);
  console.log(`Signed in; ${CONNECTIONS} connections for ${DURATION_S} s per phase against ${APP_URL}.`);

  const results: Summary[] = [];
  results.push(await load("GET /dashboard (signed in)", { url: `${APP_URL}/dashboard`, headers: { cookie } }));

  const actionHeaders: Record<string, string> = { ...action.headers, cookie };
  delete actionHeaders["content-length"];
  let count = 0;
  let created = 0;
  results.push(
    await load("POST /routines/new (create routine action)", {
      url: `${APP_URL}/routines/new`,
      method: "POST",
      headers: actionHeaders,
      requests: [
        {
          setupRequest: (request) => {
            count += 1;
            // A new routine each time: its own idempotency key, so none is answered from Astra's replay cache.
            const body = action.body
              .replace(action.key!, randomUUID())
              .replace("Bench routine", `Bench routine ${count}`);
            return { ...request, body };
          },
          // Success is a redirect to the new routine's page, which Next sends as a header on an action's answer.
          onResponse: (_status, _body, _context, headers) => {
            if (/^\/routines\/[^/?]+\?created=1/.test(String(headers?.["x-action-redirect"] ?? ""))) created += 1;
          },
        },
      ],
    }),
  );

  console.log(`\nRoutine creations answered with a redirect to the new routine: ${created} of ${count} sent.`);
  console.log("\n| phase | requests | req/s | p50 ms | p99 ms | errors | 5xx | statuses |");
  console.log("|---|---|---|---|---|---|---|---|");
  for (const r of results) {
    console.log(
      `| ${r.name} | ${r.requests} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.fiveXx} | ${r.statuses} |`,
    );
  }
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => children.stopAll());
