import type { Database } from 'better-sqlite3'

/** One step of the local state schema; `up` runs inside a transaction and never twice. */
export interface Migration {
  /** 1, 2, 3…: recorded in `PRAGMA user_version` once applied. */
  version: number
  name: string
  up(db: Database): void
}

/**
 * The local state schema, oldest first. Append only: never edit a migration that has shipped, add the next one
 * (docs/adr/0012-local-state-tables.md).
 * @example migrations.at(-1)?.version // the schema version this Courier writes
 */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'tokens',
    up(db) {
      // The whole OAuth2Token as JSON, so every field of the token response survives; the columns beside it
      // are for queries (what expires soon) without parsing.
      db.exec(`
        CREATE TABLE tokens (
          name TEXT NOT NULL PRIMARY KEY,
          token TEXT NOT NULL CHECK (json_valid(token)),
          obtained_at TEXT NOT NULL,
          expires_at TEXT,
          updated_at TEXT NOT NULL
        ) STRICT
      `)
    },
  },
  {
    version: 2,
    name: 'cookies',
    up(db) {
      // One row per cookie identity (RFC 6265 §5.3 step 11: same name, domain and path replaces), holding
      // tough-cookie's own serialisation so every attribute (creation time, host-only, Max-Age…) survives.
      db.exec(`
        CREATE TABLE cookies (
          domain TEXT NOT NULL,
          path TEXT NOT NULL,
          name TEXT NOT NULL,
          cookie TEXT NOT NULL CHECK (json_valid(cookie)),
          expires_at TEXT,
          updated_at TEXT NOT NULL,
          PRIMARY KEY (domain, path, name)
        ) STRICT
      `)
    },
  },
  {
    version: 3,
    name: 'history',
    up(db) {
      // One row per send, already redacted. The columns are what the history list shows and filters on; `entry`
      // holds the rest (headers, request body, timings, hops) as JSON; the response body is a BLOB beside it, so
      // binary answers are kept as bytes. AUTOINCREMENT: an id is never reused, so it orders rows newest first
      // and serves as the `before` cursor even after pruning.
      db.exec(`
        CREATE TABLE history (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          sent_at TEXT NOT NULL,
          source TEXT NOT NULL CHECK (source IN ('cli', 'ui', 'run')),
          method TEXT NOT NULL,
          url TEXT NOT NULL,
          status INTEGER,
          error_code TEXT,
          total_ms REAL,
          response_bytes INTEGER,
          collection_id TEXT,
          collection_name TEXT,
          item_id TEXT,
          item_name TEXT,
          item_path TEXT,
          environment TEXT,
          entry TEXT NOT NULL CHECK (json_valid(entry)),
          response_body BLOB
        ) STRICT;
        CREATE INDEX history_by_collection ON history (collection_id, id);
        CREATE INDEX history_by_item ON history (item_id, id);
      `)
    },
  },
  {
    version: 4,
    name: 'secret values',
    up(db) {
      // The values of secret-typed variables, which the workspace files leave out (formats/postman-v3.md §7.3).
      // scope: 'globals', 'environment:<name>' or 'collection:<id>'.
      db.exec(`
        CREATE TABLE secret_values (
          scope TEXT NOT NULL,
          key TEXT NOT NULL,
          value TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          PRIMARY KEY (scope, key)
        ) STRICT
      `)
    },
  },
  {
    version: 5,
    name: 'ui state',
    up(db) {
      // The UI's open tabs in order (each with its unsaved draft), and small values by key: the active tab and
      // the selected environment (key prefix 'session:') and the user's settings ('setting:'). JSON is checked
      // again on read: a row this version cannot understand is skipped, never fatal.
      db.exec(`
        CREATE TABLE ui_tabs (
          position INTEGER NOT NULL PRIMARY KEY,
          tab_id TEXT NOT NULL UNIQUE,
          tab TEXT NOT NULL CHECK (json_valid(tab)),
          draft TEXT CHECK (draft IS NULL OR json_valid(draft)),
          updated_at TEXT NOT NULL
        ) STRICT;
        CREATE TABLE ui_values (
          key TEXT NOT NULL PRIMARY KEY,
          value TEXT NOT NULL CHECK (json_valid(value)),
          updated_at TEXT NOT NULL
        ) STRICT;
      `)
    },
  },
]
