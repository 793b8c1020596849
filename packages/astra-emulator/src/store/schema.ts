// The emulator store's schema, one text for both engines. Times are epoch milliseconds and money is integer cents,
// both BIGINT (SQLite reads BIGINT as its 64-bit INTEGER; Postgres's INTEGER would stop at 2^31); codes and tokens
// are stored only as SHA-256 hashes. The few words the engines spell differently are filled in per dialect.
import type { Dialect } from "./sql/port";

/** Bump when a table changes: an older store is then rebuilt from scratch (sandbox data is disposable). */
export const SCHEMA_VERSION = 8;

interface DialectWords {
  /** An integer key the database numbers itself. */
  serialId: string;
  /**
   * SQLite tables have a hidden `rowid` in insertion order, which the store uses to break ties in ORDER BY;
   * on Postgres the tables that need one get a real column of that name.
   */
  rowid: string;
}

const WORDS: Record<Dialect, DialectWords> = {
  sqlite: { serialId: "INTEGER PRIMARY KEY AUTOINCREMENT", rowid: "" },
  postgres: {
    serialId: "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
    rowid: "\n  rowid BIGINT GENERATED ALWAYS AS IDENTITY,",
  },
};

export function schemaSql(dialect: Dialect): string {
  const t = WORDS[dialect];
  return `
-- Developer accounts of the emulated dashboard; passwords hashed with scrypt.
CREATE TABLE IF NOT EXISTS developers (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  first_name TEXT NOT NULL DEFAULT '',
  last_name TEXT NOT NULL DEFAULT '',
  -- when the Developer Policy and Terms of Service were agreed to at sign-up
  terms_accepted_at BIGINT,
  created_at BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS developer_sessions (
  token_hash TEXT PRIMARY KEY,
  developer_id TEXT NOT NULL REFERENCES developers(id) ON DELETE CASCADE,
  expires_at BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS apps (
  client_id TEXT PRIMARY KEY,
  client_secret TEXT NOT NULL,
  developer_id TEXT REFERENCES developers(id),
  name TEXT NOT NULL,
  support_email TEXT,
  -- JSON array of exact redirect URIs
  redirect_uris TEXT NOT NULL,
  webhook_url TEXT,
  -- sandbox setting: the module shows the test verification code on its pages
  show_test_codes INTEGER NOT NULL DEFAULT 1,
  -- Astra's "Enable Phone Numbers For Testing": test numbers sign in with the fixed code
  test_phones_enabled INTEGER NOT NULL DEFAULT 1,
  -- sandbox settings: Astra enables debit-card routines and T+0 / real-time speeds per client on request
  debit_enabled INTEGER NOT NULL DEFAULT 0,
  instant_speeds_enabled INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
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
  kyc_type TEXT NOT NULL DEFAULT 'verified',
  -- the user intent this user was converted from, if any
  user_intent_id TEXT,
  -- 1 while the user is rejected since conversion: Astra then refuses Authorize (rejected later: only routines)
  rejected_at_conversion INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  UNIQUE (client_id, phone)
);

CREATE TABLE IF NOT EXISTS user_intents (
  id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES apps(client_id),
  email TEXT NOT NULL,
  -- 10 digits, no country code (the API shows +1…)
  phone TEXT NOT NULL,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  preferred_first_name TEXT,
  preferred_last_name TEXT,
  preferred_pronouns TEXT,
  address1 TEXT NOT NULL,
  address2 TEXT NOT NULL,
  city TEXT NOT NULL,
  state TEXT NOT NULL,
  postal_code TEXT NOT NULL,
  -- null for receive-only and unverified intents that left them out
  date_of_birth TEXT,
  ssn_last4 TEXT,
  ip_address TEXT NOT NULL,
  kyc_type TEXT NOT NULL,
  status TEXT NOT NULL,
  -- a "pending" intent resolves to kyc_outcome at this time (sandbox clock)
  kyc_outcome TEXT NOT NULL,
  kyc_resolves_at BIGINT,
  user_id TEXT REFERENCES users(id) ON DELETE SET NULL,
  oauth_token_issued INTEGER NOT NULL DEFAULT 0,
  -- JSON object sent at creation, echoed on user_intent_updated and user_updated webhooks
  metadata TEXT,
  created_at BIGINT NOT NULL,
  -- visitor scope: the creating client's address key, for the per-address limit and the 24-hour cleanup
  address_key TEXT
);
CREATE INDEX IF NOT EXISTS user_intents_by_email ON user_intents (client_id, email);
-- Due KYC outcomes (store/due-work.ts): per app, and per user in visitor scope.
CREATE INDEX IF NOT EXISTS user_intents_due ON user_intents (client_id, kyc_resolves_at);
CREATE INDEX IF NOT EXISTS user_intents_due_by_user ON user_intents (user_id, kyc_resolves_at);
CREATE INDEX IF NOT EXISTS user_intents_by_address ON user_intents (address_key, created_at);

CREATE TABLE IF NOT EXISTS accounts (${t.rowid}
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
  current_balance_cents BIGINT,
  available_balance_cents BIGINT,
  last_balance_update_at BIGINT,
  connection_status TEXT NOT NULL,
  -- set for accounts added by number (POST /v1/accounts/create)
  routing_number TEXT,
  account_number TEXT,
  created_at BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS accounts_by_user ON accounts (user_id, created_at);

-- Debit cards linked on /cards/connect; only the first six and last four digits are kept.
CREATE TABLE IF NOT EXISTS cards (${t.rowid}
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  first_six_digits TEXT NOT NULL,
  last_four_digits TEXT NOT NULL,
  expiration_date TEXT NOT NULL,
  card_company TEXT NOT NULL,
  zip_code TEXT NOT NULL,
  status TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS cards_by_user ON cards (user_id, created_at);

CREATE TABLE IF NOT EXISTS authorization_codes (
  code_hash TEXT PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES apps(client_id),
  user_id TEXT NOT NULL REFERENCES users(id),
  redirect_uri TEXT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
);

CREATE TABLE IF NOT EXISTS access_tokens (
  token_hash TEXT PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES apps(client_id),
  user_id TEXT NOT NULL REFERENCES users(id),
  expires_at BIGINT NOT NULL,
  revoked_at BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS access_tokens_by_grant ON access_tokens (user_id, client_id);

-- One row per successful token-endpoint exchange, so tests can count refreshes (control API).
CREATE TABLE IF NOT EXISTS token_grants (
  id ${t.serialId},
  client_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  grant_type TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS refresh_tokens (
  token_hash TEXT PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES apps(client_id),
  user_id TEXT NOT NULL REFERENCES users(id),
  expires_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL
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
  -- JSON: which flow the row belongs to (authorize, verify, bank linking, or a login cookie) and its progress
  context TEXT,
  expires_at BIGINT NOT NULL,
  -- visitor scope: the opener's address key (lib/address-key.ts), for the cap on open sessions per address
  address_key TEXT
);
CREATE INDEX IF NOT EXISTS module_sessions_by_expiry ON module_sessions (expires_at);
CREATE INDEX IF NOT EXISTS module_sessions_by_user ON module_sessions (user_id);
CREATE INDEX IF NOT EXISTS module_sessions_by_address ON module_sessions (address_key, expires_at);

CREATE TABLE IF NOT EXISTS routines (${t.rowid}
  id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES apps(client_id),
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  name TEXT NOT NULL,
  payment_type TEXT NOT NULL,
  source_id TEXT NOT NULL,
  destination_id TEXT NOT NULL,
  destination_user_id TEXT,
  amount_cents BIGINT NOT NULL,
  -- YYYY-MM-DD, a calendar date in America/Los_Angeles
  start_date TEXT NOT NULL,
  settlement_speed TEXT NOT NULL,
  frequency TEXT,
  client_correlation_id TEXT,
  -- debit routines: the fee in hundredths of a percent (150 is 1.5%)
  debit_fee_bps BIGINT,
  status TEXT NOT NULL,
  -- the next calendar date a transfer is due (null once a one-time routine ran, or after cancellation)
  next_run_date TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  -- DELETE /v1/routines/{id} removes the routine from the API; its transfers stay and keep settling
  deleted_at BIGINT
);
CREATE INDEX IF NOT EXISTS routines_by_user ON routines (user_id, created_at);
CREATE INDEX IF NOT EXISTS routines_due ON routines (status, next_run_date);
CREATE INDEX IF NOT EXISTS routines_due_by_client ON routines (client_id, status, next_run_date);
CREATE INDEX IF NOT EXISTS routines_due_by_user ON routines (user_id, status, next_run_date);

CREATE TABLE IF NOT EXISTS transfers (${t.rowid}
  id TEXT PRIMARY KEY,
  routine_id TEXT NOT NULL REFERENCES routines(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  client_id TEXT NOT NULL,
  source_id TEXT NOT NULL,
  destination_id TEXT NOT NULL,
  amount_cents BIGINT NOT NULL,
  status TEXT NOT NULL,
  failure_reason TEXT,
  astra_settlement_reason TEXT,
  -- the routine date this transfer is for (YYYY-MM-DD); one transfer per routine and date
  scheduled_date TEXT NOT NULL,
  initiated_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  estimated_clearing_at BIGINT NOT NULL,
  UNIQUE (routine_id, scheduled_date)
);
CREATE INDEX IF NOT EXISTS transfers_by_user ON transfers (user_id, initiated_at);
CREATE INDEX IF NOT EXISTS transfers_pending ON transfers (status, estimated_clearing_at);
CREATE INDEX IF NOT EXISTS transfers_pending_by_client ON transfers (client_id, status, estimated_clearing_at);
CREATE INDEX IF NOT EXISTS transfers_pending_by_user ON transfers (user_id, status, estimated_clearing_at);

-- Idempotency-Key records: the first response to a (credential, method, path, key) is replayed.
CREATE TABLE IF NOT EXISTS idempotency_keys (
  scope TEXT NOT NULL,
  key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status_code INTEGER,
  response_body TEXT,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (scope, key)
);

-- Webhook outbox (store/events.ts) and its delivery attempts (packages/astra-emulator/src/webhooks).
CREATE TABLE IF NOT EXISTS webhook_events (${t.rowid}
  webhook_id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES apps(client_id),
  webhook_type TEXT NOT NULL,
  user_id TEXT,
  resource_id TEXT NOT NULL,
  -- JSON: the user intent's metadata, sent with user_intent_updated and user_updated (null: none was given)
  metadata TEXT,
  created_at BIGINT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  -- null once delivered or given up
  next_attempt_at BIGINT,
  delivered_at BIGINT
);
CREATE INDEX IF NOT EXISTS webhook_events_by_client ON webhook_events (client_id, created_at);
CREATE INDEX IF NOT EXISTS webhook_events_due ON webhook_events (next_attempt_at);
CREATE INDEX IF NOT EXISTS webhook_events_due_by_client ON webhook_events (client_id, delivered_at, next_attempt_at);
CREATE INDEX IF NOT EXISTS webhook_events_due_by_user ON webhook_events (user_id, delivered_at, next_attempt_at);
CREATE INDEX IF NOT EXISTS webhook_events_by_user ON webhook_events (user_id);

CREATE TABLE IF NOT EXISTS webhook_deliveries (
  id ${t.serialId},
  webhook_id TEXT NOT NULL REFERENCES webhook_events(webhook_id) ON DELETE CASCADE,
  url TEXT NOT NULL,
  status_code INTEGER,
  error TEXT,
  duration_ms INTEGER NOT NULL,
  attempted_at BIGINT NOT NULL
);

-- Faults injected through the control API: the next N ("remaining") matching requests fail or slow down, or, with
-- window_ms, every matching request until window_ends_at, set by the first hit.
CREATE TABLE IF NOT EXISTS faults (${t.rowid}
  id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL,
  method TEXT NOT NULL,
  path TEXT NOT NULL,
  status INTEGER,
  delay_ms INTEGER,
  remaining INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  -- visitor scope (hosted demo): only this user's API calls are hit; null hits every request of the app
  user_id TEXT,
  window_ms BIGINT,
  window_ends_at BIGINT
);
CREATE INDEX IF NOT EXISTS faults_by_client ON faults (client_id, user_id, remaining);

-- Each app's sandbox clock: how far it was advanced past real time (0 when no row).
CREATE TABLE IF NOT EXISTS app_clocks (
  client_id TEXT PRIMARY KEY REFERENCES apps(client_id) ON DELETE CASCADE,
  offset_ms BIGINT NOT NULL
);

-- Hosted demo (visitor scope): each visitor's own sandbox clock offset, used in place of the app's.
CREATE TABLE IF NOT EXISTS user_clocks (
  user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  offset_ms BIGINT NOT NULL
);

-- Hosted demo: every user a stranger made (POST /sandbox/visitors, the module's profile step, a converted user
-- intent), for the per-address limit and the 24-hour cleanup. client_ip holds the address key (lib/address-key.ts).
CREATE TABLE IF NOT EXISTS visitors (
  user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  client_id TEXT NOT NULL REFERENCES apps(client_id) ON DELETE CASCADE,
  client_ip TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  -- 'visitor': made by "Try the demo"; 'module': made by the module (profile step or user intent)
  kind TEXT NOT NULL DEFAULT 'visitor',
  -- SHA-256 of the one-use token the visitor signs in with; NULL once used.
  token_hash TEXT
);
CREATE INDEX IF NOT EXISTS visitors_by_ip ON visitors (client_ip, created_at);
CREATE UNIQUE INDEX IF NOT EXISTS visitors_by_token ON visitors (token_hash);
CREATE INDEX IF NOT EXISTS visitors_by_age ON visitors (created_at);

-- A user's email changes and phone and address change requests (PATCH /v1/users/{id}, the change requests).
CREATE TABLE IF NOT EXISTS user_changes (${t.rowid}
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  -- email, phone or address
  kind TEXT NOT NULL,
  -- JSON of the requested values
  details TEXT NOT NULL,
  status TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS user_changes_by_user ON user_changes (user_id, kind, created_at);

-- Short leases, so only one instance at a time runs a named job (lib/due-work.ts); times in real epoch ms.
CREATE TABLE IF NOT EXISTS leases (
  name TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  expires_at BIGINT NOT NULL,
  -- 1 when a caller found the lease held: its holder runs once more, so work made during a run is not left behind
  wanted INTEGER NOT NULL DEFAULT 0
);
`;
}
