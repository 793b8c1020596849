// The store a hosted emulator runs on, built in this one place, so moving the hosted emulator to another store
// (the async SQL port with its Postgres adapter) changes one line here and nothing in the app's glue.
import { seedAppOf, type AppKeys } from "./lib/app-keys";
import { createStore, type Store } from "./store";

/** Opens (and on first use seeds with `app`) the store of a hosted emulator; `file` may be ":memory:". */
export async function openHostedStore(file: string, app: AppKeys): Promise<Store> {
  return createStore(file, { app: seedAppOf(app) });
}
