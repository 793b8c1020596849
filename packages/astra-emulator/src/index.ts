// Starts the emulator on EMULATOR_PORT with a file-backed store (npm run emulator), and runs its due work
// every second: KYC resolves, routines run, transfers settle and webhooks go out without anyone asking.
import { serve } from "@hono/node-server";
import { createApp } from "./app";
import { parseEnv } from "./env";
import { applyAppKeys, seedAppOf, type AppKeys } from "./lib/app-keys";
import { createAppClocks, systemClock } from "./lib/clock";
import { isLoopbackHost } from "./lib/network";
import { SANDBOX_VERIFICATION_CODE } from "./lib/phone";
import { runDueWork, startDueWorkTimer } from "./lib/due-work";
import { createStore, SEED_USER_PHONE } from "./store";
import { NewerSchemaError } from "./store/migrate";
import { SEED_DEVELOPER } from "./store/seed";

const DUE_WORK_INTERVAL_MS = 1_000;

/** A store made by a newer emulator is refused (store/migrate.ts): say so in one line rather than a stack. */
function openStoreOrExit() {
  try {
    return createStore(env.EMULATOR_DB, { app: seedAppOf(keys) });
  } catch (error) {
    if (!(error instanceof NewerSchemaError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

const env = parseEnv();
const keys: AppKeys = {
  clientId: env.EMULATOR_CLIENT_ID,
  clientSecret: env.EMULATOR_CLIENT_SECRET,
  name: env.EMULATOR_APP_NAME,
  redirectUris: env.EMULATOR_REDIRECT_URIS,
  // An explicit EMULATOR_WEBHOOK_URL also applies to a store seeded on an earlier run.
  webhookUrl: env.EMULATOR_WEBHOOK_URL,
};
const store = openStoreOrExit();
const webhookUrl = (await applyAppKeys(store, keys))?.webhookUrl ?? null;

// Each app's clock offset lives in the store, so time travel survives a restart.
const clocks = createAppClocks(systemClock, store.appClocks);
const loopbackOnly = isLoopbackHost(env.EMULATOR_HOST);
const fetch = createApp({ store, allowedHosts: env.EMULATOR_ALLOWED_HOSTS, loopbackOnly }).fetch;

const server = serve({ fetch, port: env.EMULATOR_PORT, hostname: env.EMULATOR_HOST }, (info) => {
  const origin = `http://localhost:${info.port}`;
  console.log(`Astra sandbox emulator on ${origin}`);
  if (!loopbackOnly) {
    console.log(
      `  Listening on ${env.EMULATOR_HOST}: reachable from the network. Change the default keys and password.`,
    );
    console.log(
      `  Host names:  localhost, 127.0.0.1, [::1]${env.EMULATOR_ALLOWED_HOSTS.map((host) => `, ${host}`).join("")}`,
    );
  }
  console.log(`  Dashboard:   ${origin}/dashboard (${SEED_DEVELOPER.email} / ${SEED_DEVELOPER.password})`);
  console.log(
    `  Test phone:  ${SEED_USER_PHONE} (any 20255501xx works), code ${SANDBOX_VERIFICATION_CODE} (the seeded app has Enable Phone Numbers For Testing on)`,
  );
  console.log(`  Webhooks to: ${webhookUrl ?? "nowhere (no webhook URL set)"}`);
});

server.once("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EADDRINUSE" && error.code !== "EACCES") throw error;
  const why = error.code === "EADDRINUSE" ? "is taken (often an earlier emulator)" : "needs privileges";
  console.error(
    `Port ${env.EMULATOR_PORT} ${why}: stop that program, or set EMULATOR_PORT to a free port and point the app's ASTRA_API_URL and ASTRA_APP_URL at it.`,
  );
  process.exit(1);
});

const dueWorkTimer = startDueWorkTimer(() => runDueWork(store, clocks), DUE_WORK_INTERVAL_MS);

function shutdown() {
  server.close(() => {
    void dueWorkTimer
      .stop()
      .then(() => store.close())
      .then(() => process.exit(0));
  });
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
