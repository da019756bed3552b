import { StateDatabase, createSqliteTokenStore, stateDatabasePath } from '@courier/storage'
import type { TokenStore } from '@courier/core'

/**
 * Opens the token store of local state for a bare collection file (`$XDG_STATE_HOME/courier/state.db`): tokens
 * never go into the collection, the environment or any export. `close()` when done.
 * @example const { tokens, close } = openTokenStore(process.env)
 */
export function openTokenStore(env: NodeJS.ProcessEnv): {
  tokens: TokenStore
  path: string
  close: () => void
} {
  const db = StateDatabase.open(stateDatabasePath({ env }))
  return { tokens: createSqliteTokenStore(db), path: db.path, close: () => db.close() }
}
