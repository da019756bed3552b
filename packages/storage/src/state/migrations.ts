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
 * (history, cookies, secrets and UI state come next).
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
]
