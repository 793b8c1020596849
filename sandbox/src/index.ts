// Starts the emulator on SANDBOX_PORT with a file-backed store (npm run sandbox), and moves the sandbox forward
// every second: KYC resolves, routines run, transfers settle and webhooks go out without anyone asking.
import { serve } from "@hono/node-server";
import { createApp } from "./app";
import { parseEnv } from "./env";
import { createOffsetClock } from "./lib/clock";
import { SANDBOX_VERIFICATION_CODE } from "./lib/phone";
import { runDueWork, startTicker } from "./lib/tick";
import { createStore, DEFAULT_APP, DEMO_USER_PHONE } from "./store";
import { SEED_DEVELOPER } from "./store/seed";

const TICK_MS = 1_000;

const env = parseEnv();
const store = createStore(env.SANDBOX_DB, {
  app: {
    clientId: env.SANDBOX_CLIENT_ID,
    clientSecret: env.SANDBOX_CLIENT_SECRET,
    name: DEFAULT_APP.name,
    redirectUris: env.SANDBOX_REDIRECT_URIS,
    webhookUrl: env.SANDBOX_WEBHOOK_URL ?? DEFAULT_APP.webhookUrl,
  },
});

const app = await store.apps.findByClientId(env.SANDBOX_CLIENT_ID);
let webhookUrl = app?.webhookUrl ?? null;
// An explicit SANDBOX_WEBHOOK_URL also applies to a store seeded on an earlier run.
if (app && env.SANDBOX_WEBHOOK_URL !== undefined) {
  webhookUrl = env.SANDBOX_WEBHOOK_URL || null;
  await store.apps.updateSettings(app.clientId, { ...app, webhookUrl });
}

// The clock's offset lives in the store, so time travel survives a restart.
const clock = createOffsetClock(await store.sandboxState.getClockOffset(), (offset) =>
  store.sandboxState.setClockOffset(offset),
);

const server = serve({ fetch: createApp({ store, clock }).fetch, port: env.SANDBOX_PORT }, (info) => {
  const origin = `http://localhost:${info.port}`;
  console.log(`Astra sandbox emulator on ${origin}`);
  console.log(`  Dashboard:   ${origin}/dashboard (${SEED_DEVELOPER.email} / ${SEED_DEVELOPER.password})`);
  console.log(`  Test phone:  ${DEMO_USER_PHONE} (any 20255501xx works), code ${SANDBOX_VERIFICATION_CODE} (the seeded app has Enable Phone Numbers For Testing on)`);
  console.log(`  Webhooks to: ${webhookUrl ?? "nowhere (no webhook URL set)"}`);
  if (clock.offsetMs() !== 0) {
    console.log(`  Clock:       ${clock.now().toISOString()} (advanced ${clock.offsetMs()} ms; POST /sandbox/reset resets it)`);
  }
});

const ticker = startTicker(() => runDueWork(store, clock.now()), TICK_MS);

function shutdown() {
  server.close(() => {
    void ticker
      .stop()
      .then(() => store.close())
      .then(() => process.exit(0));
  });
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
