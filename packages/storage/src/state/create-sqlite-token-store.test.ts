import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { OAuth2Token } from '@courier/core'
import { describe, expect, it } from 'vitest'
import { createSqliteTokenStore } from './create-sqlite-token-store.js'
import { StateDatabase } from './state-database.js'

const clock = { now: () => new Date('2026-03-01T12:00:00.000Z') }

function goToToken(overrides: Partial<OAuth2Token> = {}): OAuth2Token {
  return {
    name: '04 10 2021 - GoToWebinar',
    accessToken: 'eyJ-access',
    tokenType: 'Bearer',
    refreshToken: 'refresh-1',
    expiresAt: '2026-03-01T13:00:00.000Z',
    scope: 'collab:',
    obtainedAt: '2026-03-01T12:00:00.000Z',
    fields: {
      access_token: 'eyJ-access',
      token_type: 'Bearer',
      expires_in: 3600,
      organizer_key: '7345987237426',
      account_key: '4256532563',
      email: 'ada@example.com',
      principal: 'ada@example.com',
      version: 3,
      nested: { list: [1, 'two', null, true], empty: {} },
      unicode: 'Grüße ✓ 😀',
    },
    grant: {
      grantType: 'authorization_code',
      tokenUrl: 'https://authentication.logmeininc.com/oauth/token',
      clientId: 'client-1',
      clientAuthentication: 'header',
    },
    ...overrides,
  }
}

async function databasePath(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'courier-tokens-')), '.courier', 'state.db')
}

describe('createSqliteTokenStore', () => {
  it('keeps a token with every field across a restart', async () => {
    const path = await databasePath()
    const before = StateDatabase.open(path, { clock })
    await createSqliteTokenStore(before).put(goToToken())
    before.close()

    const after = StateDatabase.open(path, { clock })
    try {
      const token = await createSqliteTokenStore(after).get('04 10 2021 - GoToWebinar')
      expect(token).toStrictEqual(goToToken())
    } finally {
      after.close()
    }
  })

  it('returns undefined for an unknown name', async () => {
    const db = StateDatabase.open(await databasePath())
    try {
      expect(await createSqliteTokenStore(db).get('nope')).toBeUndefined()
    } finally {
      db.close()
    }
  })

  it('replaces a token of the same name on put, dropping fields the new one lacks', async () => {
    const db = StateDatabase.open(await databasePath(), { clock })
    try {
      const tokens = createSqliteTokenStore(db)
      await tokens.put(goToToken())
      const refreshed: OAuth2Token = {
        name: '04 10 2021 - GoToWebinar',
        accessToken: 'eyJ-access-2',
        tokenType: 'Bearer',
        obtainedAt: '2026-03-01T13:00:00.000Z',
        fields: { access_token: 'eyJ-access-2' },
        grant: goToToken().grant,
      }
      await tokens.put(refreshed)
      expect(await tokens.get(refreshed.name)).toStrictEqual(refreshed)
      expect(await tokens.list()).toHaveLength(1)
      const row = db.connection
        .prepare('SELECT obtained_at, expires_at, updated_at FROM tokens WHERE name = ?')
        .get(refreshed.name)
      expect(row).toEqual({
        obtained_at: '2026-03-01T13:00:00.000Z',
        expires_at: null,
        updated_at: '2026-03-01T12:00:00.000Z',
      })
    } finally {
      db.close()
    }
  })

  it('lists tokens ordered by name', async () => {
    const db = StateDatabase.open(await databasePath())
    try {
      const tokens = createSqliteTokenStore(db)
      for (const name of ['b', 'C', 'a']) await tokens.put(goToToken({ name }))
      expect((await tokens.list()).map((token) => token.name)).toEqual(['C', 'a', 'b'])
    } finally {
      db.close()
    }
  })

  it('deletes a token, telling whether it existed', async () => {
    const db = StateDatabase.open(await databasePath())
    try {
      const tokens = createSqliteTokenStore(db)
      await tokens.put(goToToken())
      expect(await tokens.delete('04 10 2021 - GoToWebinar')).toBe(true)
      expect(await tokens.delete('04 10 2021 - GoToWebinar')).toBe(false)
      expect(await tokens.get('04 10 2021 - GoToWebinar')).toBeUndefined()
    } finally {
      db.close()
    }
  })

  it('shares tokens between two handles on one file (the CLI logs in, the UI uses the token)', async () => {
    const path = await databasePath()
    const cliDb = StateDatabase.open(path)
    const uiDb = StateDatabase.open(path)
    try {
      const cli = createSqliteTokenStore(cliDb)
      const ui = createSqliteTokenStore(uiDb)
      await cli.put(goToToken())
      expect(await ui.get('04 10 2021 - GoToWebinar')).toStrictEqual(goToToken())
      expect(await ui.delete('04 10 2021 - GoToWebinar')).toBe(true)
      expect(await cli.list()).toEqual([])
    } finally {
      cliDb.close()
      uiDb.close()
    }
  })

  it('rejects, rather than throws, once the database is closed', async () => {
    const db = StateDatabase.open(await databasePath())
    const tokens = createSqliteTokenStore(db)
    db.close()
    await expect(tokens.list()).rejects.toThrow(/not open/)
  })
})
