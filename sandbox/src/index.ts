// Starts the emulator on SANDBOX_PORT with a file-backed store (npm run sandbox).
import { serve } from "@hono/node-server";
import { createApp } from "./app";
import { parseEnv } from "./env";
import { createStore, DEFAULT_APP } from "./store";

const env = parseEnv();
const store = createStore(env.SANDBOX_DB, {
  app: {
    clientId: env.SANDBOX_CLIENT_ID,
    clientSecret: env.SANDBOX_CLIENT_SECRET,
    name: DEFAULT_APP.name,
    redirectUris: env.SANDBOX_REDIRECT_URIS,
  },
});

const server = serve({ fetch: createApp({ store }).fetch, port: env.SANDBOX_PORT }, (info) => {
  console.log(`Astra sandbox emulator on http://localhost:${info.port}`);
});

function shutdown() {
  server.close(() => {
    void store.close().then(() => process.exit(0));
  });
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
