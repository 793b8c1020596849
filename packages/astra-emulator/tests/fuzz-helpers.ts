// Shared pieces of the fuzz suites (packages/astra-emulator/tests/fuzz-*.test.ts): a sandbox whose whole store can be
// fingerprinted between requests, generators of wrong values, and the checks every bad input must pass.
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import fc from "fast-check";
import pg from "pg";
import { expect } from "vitest";
import { createApp, type AppOptions } from "../src/app";
import { createManualClock } from "../src/lib/clock";
import { DEFAULT_APP, type Store } from "../src/store";
import { fuzzRuns } from "./support/fuzz-runs";
import { freshStorePlace } from "./support/test-store";
import type { TestEmulator } from "./helpers";

/** Enough cases per endpoint to find the odd one out, few enough to stay well under a minute per file. */
export const RUNS = { numRuns: fuzzRuns(200) };

export interface FuzzEmulator extends TestEmulator {
  /** A hash of every row of every table: equal before and after means the request wrote nothing. */
  fingerprint(): Promise<string>;
  close(): Promise<void>;
}

/** Like createTestEmulator, on a store that a second connection can fingerprint (a file on SQLite). */
export function createFuzzEmulator(options: Pick<AppOptions, "hosted" | "visitorScope"> = {}): FuzzEmulator {
  const dir = mkdtempSync(path.join(tmpdir(), "sandbox-fuzz-"));
  const place = freshStorePlace(path.join(dir, "astra.db"));
  const store = place.open();
  const clock = createManualClock(new Date("2026-01-15T17:00:00Z"));
  const app = createApp({ store, clock, ...options });
  const reader = place.url ? postgresFingerprint(place.url, store) : sqliteFingerprint(path.join(dir, "astra.db"));
  return {
    store,
    clock,
    app,
    fingerprint: reader.fingerprint,
    async close() {
      await reader.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function sqliteFingerprint(file: string) {
  const reader = new Database(file, { readonly: true });
  const tables = reader
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return {
    async fingerprint() {
      const hash = createHash("sha256");
      for (const table of tables)
        hash.update(table).update(JSON.stringify(reader.prepare(`SELECT * FROM "${table}"`).all()));
      return hash.digest("hex");
    },
    async close() {
      reader.close();
    },
  };
}

/** Postgres returns rows in no promised order (an update may move one), so each table's rows are sorted. */
function postgresFingerprint(url: string, store: Store) {
  const reader = new pg.Pool({ connectionString: url, max: 1 });
  // Its database is dropped after the file (tests/support/test-store.ts), which ends this idle connection.
  reader.on("error", () => undefined);
  return {
    async fingerprint() {
      await store.apps.findByClientId(DEFAULT_APP.clientId); // the store has made and seeded its tables
      const tables = await reader.query<{ name: string }>(
        "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1",
      );
      const hash = createHash("sha256");
      for (const { name } of tables.rows) {
        const { rows } = await reader.query(`SELECT * FROM "${name}"`);
        hash.update(name).update(JSON.stringify(rows.map((row) => JSON.stringify(row)).sort()));
      }
      return hash.digest("hex");
    },
    async close() {
      await reader.end();
    },
  };
}

/** Marks a field to leave out of the body. */
export const MISSING = Symbol("missing");

/** Values of the wrong JSON type for a string, number or enum field. */
export const wrongType = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
);

/** A wrong value for a required string field: wrong type, missing or empty. */
export const badString = fc.oneof(wrongType, fc.constant(MISSING), fc.constant(""));

/** The same, or far too long, for fields with a length limit. */
export const badRequiredString = fc.oneof(badString, fc.constant("x".repeat(5000)));

/** A valid body with exactly one field made wrong; returns the body and the field to be named. */
export function oneBadField(valid: Record<string, unknown>, bad: Record<string, fc.Arbitrary<unknown>>) {
  return fc.constantFrom(...Object.keys(bad)).chain((field) =>
    (bad[field] as fc.Arbitrary<unknown>).map((value) => {
      const body: Record<string, unknown> = { ...valid };
      if (value === MISSING) delete body[field];
      else body[field] = value;
      return { body, field };
    }),
  );
}

/** Bodies that are not the JSON object an endpoint wants at all: text, arrays, scalars. */
export const notAnObject = fc.oneof(
  fc.string({ maxLength: 40 }).filter((text) => text.trim() !== "" && !text.trim().startsWith("{")),
  fc.json().filter((text) => !text.trim().startsWith("{")),
);

export interface Answer {
  status: number;
  body: unknown;
  text: string;
}

export async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return { status: response.status, body, text };
}

const show = (context: unknown) => (JSON.stringify(context) ?? String(context)).slice(0, 200);

/** A user's mistake: a 4xx, never a 5xx. */
export function expectClientError(result: Answer, context: unknown) {
  expect(result.status, `${show(context)} → ${result.text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(result.status, `${show(context)} → ${result.text.slice(0, 300)}`).toBeLessThan(500);
}

/** "refresh_token" and "refresh token" both name the field. */
const words = (text: string) => text.toLowerCase().replace(/_/g, " ");

/** Astra's error body names `field`: a key of the field map, or the field in the description text. */
export function expectNamesField(result: Answer, field: string, context: unknown) {
  const body = result.body as { description?: unknown; error_description?: unknown } | null;
  const description = body?.description ?? body?.error_description;
  const named =
    typeof description === "string"
      ? words(description).includes(words(field))
      : typeof description === "object" &&
        description !== null &&
        Object.keys(description).some((key) => key === field || key.startsWith(`${field}.`));
  expect(named, `${show(context)} should name ${field}: ${result.text.slice(0, 300)}`).toBe(true);
}

/** Astra's error body names some field (the body as a whole counts as "body"). */
export function expectNamesSomeField(result: Answer, context: unknown) {
  const body = result.body as { description?: unknown; error_description?: unknown } | null;
  const description = body?.description ?? body?.error_description;
  const named =
    typeof description === "string"
      ? description.length > 0
      : typeof description === "object" && description !== null && Object.keys(description).length > 0;
  expect(named, `${show(context)}: ${result.text.slice(0, 300)}`).toBe(true);
}

/**
 * An HTML page names `field`: an error tied to its input (`id="<field>-error"`, as the module and dashboard
 * pages render them), or the field's name in the page's visible text.
 */
export function expectPageNamesField(result: Answer, field: string, context: unknown) {
  const visible = words(result.text.replace(/<[^>]*>/g, " ").replace(/&quot;/g, '"'));
  const named = result.text.includes(`id="${field}-error"`) || visible.includes(words(field));
  expect(named, `${show(context)} should name ${field}: ${visible.replace(/\s+/g, " ").slice(0, 300)}`).toBe(true);
}
