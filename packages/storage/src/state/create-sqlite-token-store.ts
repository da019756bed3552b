import type { OAuth2Token, TokenStore } from '@courier/core'
import { settle } from './internal/settle.js'
import type { StateDatabase } from './state-database.js'

interface TokenRow {
  token: string
}

/**
 * The TokenStore port on the local state database: tokens survive restarts and are shared by the CLI and the UI.
 * @example const tokens = createSqliteTokenStore(db); await tokens.put(token); await tokens.get(token.name)
 */
export function createSqliteTokenStore(db: StateDatabase): TokenStore {
  const connection = db.connection
  const select = connection.prepare<[string], TokenRow>('SELECT token FROM tokens WHERE name = ?')
  const selectAll = connection.prepare<[], TokenRow>('SELECT token FROM tokens ORDER BY name')
  const upsert = connection.prepare<[string, string, string, string | null, string]>(`
    INSERT INTO tokens (name, token, obtained_at, expires_at, updated_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (name) DO UPDATE SET
      token = excluded.token,
      obtained_at = excluded.obtained_at,
      expires_at = excluded.expires_at,
      updated_at = excluded.updated_at
  `)
  const remove = connection.prepare<[string]>('DELETE FROM tokens WHERE name = ?')
  return {
    get: (name) =>
      settle(() => {
        const row = select.get(name)
        return row === undefined ? undefined : parseToken(row)
      }),
    put: (token) =>
      settle(() => {
        const json = JSON.stringify(token)
        upsert.run(token.name, json, token.obtainedAt, token.expiresAt ?? null, db.clock.now().toISOString())
      }),
    list: () => settle(() => selectAll.all().map(parseToken)),
    delete: (name) => settle(() => remove.run(name).changes > 0),
  }
}

// The column holds only what `put` wrote (a CHECK keeps it valid JSON), so it is trusted as an OAuth2Token.
function parseToken(row: TokenRow): OAuth2Token {
  return JSON.parse(row.token) as OAuth2Token
}
