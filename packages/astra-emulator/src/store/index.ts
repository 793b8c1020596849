// The emulator's store, on one async SQL port with two engines (packages/astra-emulator/docs/store.md):
// - createStore(file): SQLite (better-sqlite3), the local default, a file or `:memory:`;
// - createPostgresStore(url): Postgres (node-postgres), many instances on one database;
// - openStore({ databaseUrl, file }): whichever the configuration names.
// This entry imports both engines. A bundle that must not carry better-sqlite3 (a Vercel function) imports
// `store/open` or `store/postgres-store` instead, which load it only when SQLite is chosen.
export { createStore } from "./sqlite-store";
export { createPostgresStore, type PostgresStoreOptions } from "./postgres-store";
export { openStore, type OpenStoreOptions } from "./open";
export type { Store, StoreOptions } from "./wire";
export type { DeveloperApp } from "./apps";
export { DEFAULT_APP, SEED_USER_PHONE } from "./seed";
