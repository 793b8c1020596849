// SQLite schema of the emulator's store. Times are epoch milliseconds; money is integer cents;
// codes and tokens are stored only as SHA-256 hashes.
export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS apps (
  client_id TEXT PRIMARY KEY,
  client_secret TEXT NOT NULL,
  name TEXT NOT NULL,
  redirect_uris TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

-- Users belong to the developer app whose module they signed up through, as each Astra client's sandbox has
-- its own users; a phone number is unique within one app.
CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES apps(client_id),
  phone TEXT NOT NULL,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  email TEXT NOT NULL,
  status TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (client_id, phone)
);

CREATE TABLE IF NOT EXISTS accounts (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  name TEXT NOT NULL,
  official_name TEXT,
  nickname TEXT,
  mask TEXT NOT NULL,
  institution_name TEXT NOT NULL,
  institution_logo TEXT,
  type TEXT NOT NULL,
  subtype TEXT NOT NULL,
  current_balance_cents INTEGER,
  available_balance_cents INTEGER,
  last_balance_update_at INTEGER,
  connection_status TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS accounts_by_user ON accounts (user_id, created_at);

CREATE TABLE IF NOT EXISTS authorization_codes (
  code_hash TEXT PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES apps(client_id),
  user_id TEXT NOT NULL REFERENCES users(id),
  redirect_uri TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER
);

CREATE TABLE IF NOT EXISTS access_tokens (
  token_hash TEXT PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES apps(client_id),
  user_id TEXT NOT NULL REFERENCES users(id),
  expires_at INTEGER NOT NULL,
  revoked_at INTEGER,
  created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS access_tokens_by_grant ON access_tokens (user_id, client_id);

CREATE TABLE IF NOT EXISTS refresh_tokens (
  token_hash TEXT PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES apps(client_id),
  user_id TEXT NOT NULL REFERENCES users(id),
  expires_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS module_sessions (
  id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES apps(client_id),
  redirect_uri TEXT NOT NULL,
  state TEXT,
  phone TEXT,
  phone_locked INTEGER NOT NULL DEFAULT 0,
  verified INTEGER NOT NULL DEFAULT 0,
  user_id TEXT REFERENCES users(id),
  expires_at INTEGER NOT NULL
);

-- Webhook outbox (store/events.ts); deliveries are recorded by sandbox/src/webhooks.
CREATE TABLE IF NOT EXISTS webhook_events (
  webhook_id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES apps(client_id),
  webhook_type TEXT NOT NULL,
  user_id TEXT,
  resource_id TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS webhook_events_by_client ON webhook_events (client_id, created_at);
`;
