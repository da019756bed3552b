import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate, userVersion } from './migrate.js'
import { migrations } from './migrations.js'
import { StateDatabase } from './state-database.js'

describe('migrations', () => {
  it('are numbered 1, 2, 3… in order, so user_version names exactly what was applied', () => {
    expect(migrations.map((migration) => migration.version)).toEqual(migrations.map((_, index) => index + 1))
  })

  it('upgrades a database left by an older Courier and keeps its data', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'courier-state-')), 'state.db')
    const old = new BetterSqlite3(path)
    expect(userVersion(old)).toBe(0)
    migrate(old, migrations.slice(0, 1))
    old.exec(`INSERT INTO tokens VALUES ('old', '{"name":"old"}', 'o', NULL, 'u')`)
    expect(userVersion(old)).toBe(1)
    old.close()

    const db = StateDatabase.open(path)
    try {
      expect(db.schemaVersion).toBe(migrations.length)
      expect(db.connection.prepare('SELECT name FROM tokens').pluck().all()).toEqual(['old'])
      expect(db.connection.prepare('SELECT count(*) FROM cookies').pluck().get()).toBe(0)
    } finally {
      db.close()
    }
  })

  it('applies a migration once when run again (another process got there first)', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'courier-state-')), 'state.db')
    const db = new BetterSqlite3(path)
    let runs = 0
    const counted = [{ version: 1, name: 'counted', up: () => void runs++ }]
    migrate(db, counted)
    migrate(db, counted)
    db.close()
    expect(runs).toBe(1)
  })

  it('rolls a failing migration back and records no version for it', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'courier-state-')), 'state.db')
    const db = new BetterSqlite3(path)
    const failing = [
      {
        version: 1,
        name: 'half-done',
        up: (connection: typeof db) => {
          connection.exec('CREATE TABLE half (x)')
          throw new Error('boom')
        },
      },
    ]
    expect(() => migrate(db, failing)).toThrow('boom')
    expect(userVersion(db)).toBe(0)
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half'").pluck().get()).toBe(0)
    db.close()
  })
})
