import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isAppError } from '@courier/core'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { migrations } from './migrations.js'
import { StateDatabase } from './state-database.js'

const opened: StateDatabase[] = []
afterEach(() => {
  for (const db of opened.splice(0)) db.close()
})

function open(path: string): StateDatabase {
  const db = StateDatabase.open(path)
  opened.push(db)
  return db
}

async function temporaryFolder(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'courier-state-'))
}

function thrown(run: () => unknown): unknown {
  try {
    run()
  } catch (error) {
    return error
  }
  throw new Error('expected a throw')
}

const latest = migrations.at(-1)?.version ?? 0

describe('StateDatabase.open', () => {
  it.skipIf(process.platform === 'win32')(
    'creates a WAL database, its folder 0700 and the file 0600',
    async () => {
      const folder = await temporaryFolder()
      const path = join(folder, 'ws', '.courier', 'state.db')
      const db = open(path)
      expect(db.path).toBe(path)
      expect(db.connection.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(db.connection.pragma('foreign_keys', { simple: true })).toBe(1)
      expect(db.connection.pragma('busy_timeout', { simple: true })).toBe(5000)
      expect((await stat(join(folder, 'ws', '.courier'))).mode & 0o777).toBe(0o700)
      expect((await stat(path)).mode & 0o777).toBe(0o600)
      // SQLite gives the WAL the database file's permissions: it holds the same secrets.
      expect((await stat(`${path}-wal`)).mode & 0o777).toBe(0o600)
    },
  )

  it('runs every migration once and records the latest version', async () => {
    const path = join(await temporaryFolder(), 'state.db')
    const db = open(path)
    expect(db.schemaVersion).toBe(latest)
    const tables = db.connection
      .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .all()
      .map((row) => row.name)
    expect(tables).toEqual(expect.arrayContaining(['tokens', 'cookies']))
  })

  it('does not rerun migrations when reopened', async () => {
    const path = join(await temporaryFolder(), 'state.db')
    const first = open(path)
    first.connection.exec("INSERT INTO tokens VALUES ('kept', '{}', 'o', NULL, 'u')")
    first.close()
    // A rerun of migration 1 would fail on CREATE TABLE, or lose the row if it dropped the table.
    const second = open(path)
    expect(second.schemaVersion).toBe(latest)
    expect(second.connection.prepare('SELECT name FROM tokens').pluck().all()).toEqual(['kept'])
  })

  it('refuses a database from a newer Courier and leaves the file untouched', async () => {
    const path = join(await temporaryFolder(), 'state.db')
    const raw = new BetterSqlite3(path)
    raw.exec('CREATE TABLE future (x)')
    raw.pragma('user_version = 99')
    raw.close()
    const before = await readFile(path)
    const error = thrown(() => StateDatabase.open(path))
    expect(isAppError(error, 'STATE_TOO_NEW')).toBe(true)
    expect(error).toMatchObject({ details: { path, version: 99, supportedVersion: latest } })
    expect(await readFile(path)).toEqual(before)
  })

  it('refuses a file that is not a SQLite database', async () => {
    const path = join(await temporaryFolder(), 'state.db')
    await writeFile(
      path,
      'this is a text file, long enough to hold a header of a hundred bytes or so. '.repeat(3),
    )
    const error = thrown(() => StateDatabase.open(path))
    expect(isAppError(error, 'STATE_UNREADABLE')).toBe(true)
    expect(error).toMatchObject({
      details: { path, reason: expect.stringMatching(/not a database/) as unknown },
    })
  })

  it('lets two handles on one file (the CLI and the UI) see each other’s writes', async () => {
    const path = join(await temporaryFolder(), 'state.db')
    const cli = open(path)
    const ui = open(path)
    cli.connection.exec("INSERT INTO tokens VALUES ('from-cli', '{}', 'o', NULL, 'u')")
    expect(ui.connection.prepare('SELECT name FROM tokens').pluck().all()).toEqual(['from-cli'])
    ui.connection.exec("INSERT INTO tokens VALUES ('from-ui', '{}', 'o', NULL, 'u')")
    expect(cli.connection.prepare('SELECT name FROM tokens ORDER BY name').pluck().all()).toEqual([
      'from-cli',
      'from-ui',
    ])
  })

  it('closes idempotently', async () => {
    const db = StateDatabase.open(join(await temporaryFolder(), 'state.db'))
    db.close()
    expect(() => db.close()).not.toThrow()
  })
})
