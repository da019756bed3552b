import type { Database } from 'better-sqlite3'
import type { Migration } from './migrations.js'

/**
 * Applies the migrations above the database's `user_version`, in order, each in its own transaction. Each takes
 * the write lock first (BEGIN IMMEDIATE) and reads the version again, so two processes opening a new database at
 * once (the CLI and the UI) apply each migration once.
 * @example migrate(connection, migrations)
 */
export function migrate(db: Database, list: readonly Migration[]): void {
  for (const migration of list) {
    const apply = db.transaction(() => {
      if (userVersion(db) >= migration.version) return
      migration.up(db)
      // PRAGMA takes no bound parameters; the version is an integer from our own list.
      db.pragma(`user_version = ${String(Math.trunc(migration.version))}`)
    })
    apply.immediate()
  }
}

/**
 * The schema version recorded in the database (0 for a new one).
 * @example userVersion(connection) // 1
 */
export function userVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number
}
