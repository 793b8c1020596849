// Builds the emulator: Astra's REST API, the hosted OAuth module pages, one error envelope.
import { createBaseApp } from "./lib/create-app";
import { systemClock, type Clock } from "./lib/clock";
import { accountRoutes } from "./routes/accounts";
import { oauthModuleRoutes } from "./routes/oauth-module";
import { tokenRoutes } from "./routes/token";
import { userRoutes } from "./routes/users";
import type { Store } from "./store";

export interface Deps {
  store: Store;
  clock: Clock;
}

export function createApp({ store, clock = systemClock }: { store: Store; clock?: Clock }) {
  const deps: Deps = { store, clock };
  const app = createBaseApp();
  app.route("/", oauthModuleRoutes(deps));
  app.route("/", tokenRoutes(deps));
  app.route("/", userRoutes(deps));
  app.route("/", accountRoutes(deps));
  return app;
}
