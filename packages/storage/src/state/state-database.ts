import { closeSync, mkdirSync, openSync } from 'node:fs'
import { dirname } from 'node:path'
import { AppError, systemClock, type Clock } from '@courier/core'
import BetterSqlite3, { type Database } from 'better-sqlite3'
import { migrate, userVersion } from './migrate.js'
import { migrations, type Migration } from './migrations.js'

/** Options for {@link StateDatabase.open}. */
export interface StateDatabaseOptions {
  /** Stamps `updated_at` columns (default the system clock). */
  clock?: Clock
  /** How long a write waits for another process's write to finish (default 5000 ms). */
  busyTimeoutMs?: number
}

/**
 * The local state database (`state.db`): SQLite in WAL mode, migrated to the latest schema on open. One per
 * process and workspace; the CLI and the UI may hold one on the same file at once. Close it when done.
 * @example const db = StateDatabase.open(stateDatabasePath({ workspaceDir })); const tokens = createSqliteTokenStore(db)
 */
export class StateDatabase {
  private constructor(
    readonly path: string,
    /** @internal The better-sqlite3 connection, for the stores in this package. */
    readonly connection: Database,
    /** @internal */
    readonly clock: Clock,
  ) {}

  /**
   * Opens (creating it, its folder 0700 and the file 0600: it holds tokens) and migrates the database at `path`.
   * Throws AppError STATE_TOO_NEW for a database from a newer Courier, STATE_UNREADABLE for anything else
   * that cannot be opened as one.
   * @example const db = StateDatabase.open('/home/ada/api/.courier/state.db')
   */
  static open(path: string, options: StateDatabaseOptions = {}): StateDatabase {
    const busyTimeoutMs = options.busyTimeoutMs ?? 5000
    const connection = connect(path, busyTimeoutMs)
    try {
      const version = readVersion(connection, path)
      const latest = latestVersion(migrations)
      if (version > latest) {
        throw new AppError(
          'STATE_TOO_NEW',
          `${path}: schema version ${String(version)} is newer than this Courier's ${String(latest)}`,
          { path, version, supportedVersion: latest },
        )
      }
      // Only now that the database is known to be ours: switching to WAL rewrites its header.
      wrapOpenErrors(path, () => {
        switchToWal(connection, busyTimeoutMs)
        connection.pragma('foreign_keys = ON')
        // Deleted rows are overwritten, not left in free pages: an unset secret or a revoked token leaves the file.
        connection.pragma('secure_delete = ON')
      })
      migrate(connection, migrations)
    } catch (error) {
      connection.close()
      throw error
    }
    return new StateDatabase(path, connection, options.clock ?? systemClock)
  }

  /** The schema version of the file, as recorded in `PRAGMA user_version`. */
  get schemaVersion(): number {
    return userVersion(this.connection)
  }

  /**
   * Closes the connection; SQLite checkpoints the WAL into the database file when the last one closes. Idempotent.
   * @example db.close()
   */
  close(): void {
    if (this.connection.open) this.connection.close()
  }
}

// Switching to WAL takes an exclusive lock. When two processes open a new database at once, the one that already
// holds a shared lock gets SQLITE_BUSY at once: SQLite skips the busy handler where waiting could deadlock. So
// retry for as long as busy_timeout would have waited (the other one has switched by then, and this is a no-op).
function switchToWal(connection: Database, busyTimeoutMs: number): void {
  const deadline = Date.now() + busyTimeoutMs
  for (;;) {
    try {
      connection.pragma('journal_mode = WAL')
      return
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_BUSY' || Date.now() >= deadline) throw error
      // open() is synchronous (as SQLite's own busy handler is): block this thread for a moment.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10)
    }
  }
}

function connect(path: string, busyTimeoutMs: number): Database {
  return wrapOpenErrors(path, () => {
    createPrivateFile(path)
    // `timeout` is SQLite's busy_timeout: a write waits this long for another process's lock, then SQLITE_BUSY.
    return new BetterSqlite3(path, { timeout: busyTimeoutMs })
  })
}

// Tokens are secrets: create the folder 0700 and the file 0600 before SQLite does, which would use 0644. SQLite
// gives the -wal and -shm files the permissions of the database file.
function createPrivateFile(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 })
  try {
    closeSync(openSync(path, 'wx', 0o600))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
}

// SQLite reads the header on the first statement: a file that is not a database fails here (SQLITE_NOTADB).
function readVersion(connection: Database, path: string): number {
  return wrapOpenErrors(path, () => userVersion(connection))
}

function latestVersion(list: readonly Migration[]): number {
  return list.reduce((latest, migration) => Math.max(latest, migration.version), 0)
}

function wrapOpenErrors<T>(path: string, open: () => T): T {
  try {
    return open()
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new AppError('STATE_UNREADABLE', `${path}: ${reason}`, { path, reason }, { cause: error })
  }
}
