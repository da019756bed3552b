import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCookieJar, type OAuth2Token } from '@courier/core'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { createHistoryStore } from './create-history-store.js'
import { createSecretStore } from './create-secret-store.js'
import { createSqliteCookieStore } from './create-sqlite-cookie-store.js'
import { createSqliteTokenStore } from './create-sqlite-token-store.js'
import { createUiStateStore } from './create-ui-state-store.js'
import { migrations } from './migrations.js'
import { StateDatabase } from './state-database.js'

// The schema of the release that wrote user_version 2, as literal SQL: a later edit of migrations.ts (which must
// never happen) cannot change what this test upgrades from.
const schemaVersion2 = `
  CREATE TABLE tokens (
    name TEXT NOT NULL PRIMARY KEY,
    token TEXT NOT NULL CHECK (json_valid(token)),
    obtained_at TEXT NOT NULL,
    expires_at TEXT,
    updated_at TEXT NOT NULL
  ) STRICT;
  CREATE TABLE cookies (
    domain TEXT NOT NULL,
    path TEXT NOT NULL,
    name TEXT NOT NULL,
    cookie TEXT NOT NULL CHECK (json_valid(cookie)),
    expires_at TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (domain, path, name)
  ) STRICT;
`

const token: OAuth2Token = {
  name: 'GoTo',
  accessToken: 'at-5d8e2c',
  tokenType: 'Bearer',
  refreshToken: 'rt-91b0aa',
  expiresAt: '2026-02-01T10:00:00.000Z',
  obtainedAt: '2026-02-01T09:00:00.000Z',
  fields: { organizer_key: '123', account_key: '456' },
  grant: {
    grantType: 'authorization_code',
    tokenUrl: 'http://127.0.0.1:1/oauth/token',
    clientId: 'client',
    clientAuthentication: 'header',
  },
}

// tough-cookie's serialisation, as createSqliteCookieStore stored it.
const cookie =
  '{"key":"sid","value":"s-7f3a","expires":"2031-01-01T00:00:00.000Z","domain":"127.0.0.1","path":"/",' +
  '"httpOnly":true,"hostOnly":true,"creation":"2026-02-01T09:00:00.000Z","lastAccessed":"2026-02-01T09:00:00.000Z"}'

async function writeVersion2Database(): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'courier-upgrade-')), 'state.db')
  const old = new BetterSqlite3(path)
  old.pragma('journal_mode = WAL')
  old.exec(schemaVersion2)
  old
    .prepare('INSERT INTO tokens VALUES (?, ?, ?, ?, ?)')
    .run(token.name, JSON.stringify(token), token.obtainedAt, token.expiresAt, '2026-02-01T09:00:00.000Z')
  old
    .prepare('INSERT INTO cookies VALUES (?, ?, ?, ?, ?, ?)')
    .run('127.0.0.1', '/', 'sid', cookie, '2031-01-01T00:00:00.000Z', '2026-02-01T09:00:00.000Z')
  old.pragma('user_version = 2')
  old.close()
  return path
}

describe('a state.db written by the previous release (schema version 2)', () => {
  it('opens at the latest version with its token and cookie, and the new tables work', async () => {
    const path = await writeVersion2Database()
    const clock = { now: () => new Date('2026-02-02T00:00:00Z') }
    const db = StateDatabase.open(path, { clock })
    try {
      expect(db.schemaVersion).toBe(migrations.length)
      expect(migrations.length).toBeGreaterThanOrEqual(5)

      expect(await createSqliteTokenStore(db).get('GoTo')).toEqual(token)
      const jar = createCookieJar({ store: createSqliteCookieStore(db), clock })
      expect(await jar.cookieHeader('http://127.0.0.1/any')).toBe('sid=s-7f3a')

      const history = createHistoryStore(db)
      const id = await history.record({
        source: 'cli',
        request: { method: 'GET', url: 'http://127.0.0.1:9/', headers: [], body: { type: 'none' } },
        error: new Error('refused'),
        secrets: [],
      })
      expect(await history.list({ limit: 5 })).toMatchObject([{ id, url: 'http://127.0.0.1:9/' }])

      const secrets = createSecretStore(db)
      await secrets.set('environment:prod', { key: 'clientSecret', value: 'v' })
      expect(await secrets.get('environment:prod', 'clientSecret')).toBe('v')

      const ui = createUiStateStore(db)
      await ui.setTabs([{ id: 't1', item: { collectionId: 'c', itemId: 'i' } }])
      await ui.setSetting('theme', 'dark')
      expect(await ui.getTabs()).toEqual([{ id: 't1', item: { collectionId: 'c', itemId: 'i' } }])
      expect(await ui.getSetting('theme')).toBe('dark')
    } finally {
      db.close()
    }
  })

  it('leaves the old tables and rows exactly as they were', async () => {
    const path = await writeVersion2Database()
    const snapshot = (): unknown => {
      const raw = new BetterSqlite3(path, { readonly: true })
      try {
        return {
          schema: raw
            .prepare("SELECT name, sql FROM sqlite_schema WHERE name IN ('tokens', 'cookies') ORDER BY name")
            .all(),
          tokens: raw.prepare('SELECT * FROM tokens').all(),
          cookies: raw.prepare('SELECT * FROM cookies').all(),
        }
      } finally {
        raw.close()
      }
    }
    const before = snapshot()
    StateDatabase.open(path).close()
    expect(snapshot()).toEqual(before)
  })
})
