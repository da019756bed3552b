import type { SecretScope, SecretStore, SecretValue } from '@courier/core'
import { settle } from './internal/settle.js'
import type { StateDatabase } from './state-database.js'

// The port is core's (the UI server uses it); this is its SQLite implementation.
export type { SecretScope, SecretStore, SecretValue } from '@courier/core'

/**
 * The values of secret-typed variables on the local state database: the workspace files carry the variable
 * (`secret: true`) without its value (formats/postman-v3.md §7.3); the value lives here, git-ignored and 0600.
 * @example const secrets = createSecretStore(db); await secrets.set('environment:prod', { key: 'clientSecret', value })
 */
export function createSecretStore(db: StateDatabase): SecretStore {
  const connection = db.connection
  const select = connection
    .prepare<[string, string], string>('SELECT value FROM secret_values WHERE scope = ? AND key = ?')
    .pluck()
  const selectAll = connection.prepare<[string], SecretValue>(
    'SELECT key, value FROM secret_values WHERE scope = ? ORDER BY key',
  )
  const upsert = connection.prepare<[string, string, string, string]>(`
    INSERT INTO secret_values (scope, key, value, updated_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (scope, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
  `)
  const remove = connection.prepare<[string, string]>('DELETE FROM secret_values WHERE scope = ? AND key = ?')
  return {
    get: (scope, key) => settle(() => select.get(checkScope(scope), key)),
    set: (scope, { key, value }) =>
      settle(() => {
        upsert.run(checkScope(scope), key, value, db.clock.now().toISOString())
      }),
    unset: (scope, key) => settle(() => remove.run(checkScope(scope), key).changes > 0),
    list: (scope) => settle(() => selectAll.all(checkScope(scope))),
  }
}

/**
 * Tells whether a string names a secret scope: `globals`, `environment:<name>` or `collection:<id>`.
 * @example isSecretScope('environment:prod') // true
 */
export function isSecretScope(scope: string): scope is SecretScope {
  if (scope === 'globals') return true
  return /^(environment|collection):./s.test(scope)
}

// A scope comes from our own code (the environment being loaded), so a malformed one is a bug.
function checkScope(scope: SecretScope): SecretScope {
  if (!isSecretScope(scope))
    throw new TypeError(
      `not a secret scope: ${JSON.stringify(scope)} (globals, environment:<name>, collection:<id>)`,
    )
  return scope
}
