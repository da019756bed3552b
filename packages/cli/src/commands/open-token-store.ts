import {
  StateDatabase,
  createSqliteTokenStore,
  ensureStateGitignore,
  nearestWorkspaceRoot,
  stateDatabasePath,
} from '@courier/storage'
import type { TokenStore } from '@courier/core'

/**
 * Opens the token store of local state: the workspace's `.courier/state.db` when `workspace` is given or the
 * current folder is inside a workspace, else the user's (`$XDG_STATE_HOME/courier/state.db`) for bare collection
 * files. Tokens never go into the collection, the environment or any export. `close()` when done.
 * @example const { tokens, close } = await openTokenStore(process.env)
 */
export async function openTokenStore(
  env: NodeJS.ProcessEnv,
  options: { workspace?: string; cwd?: string } = {},
): Promise<{
  tokens: TokenStore
  path: string
  close: () => void
}> {
  const root = options.workspace ?? nearestWorkspaceRoot(options.cwd ?? process.cwd())
  if (root !== undefined) await ensureStateGitignore(root)
  const db = StateDatabase.open(
    stateDatabasePath({ env, ...(root === undefined ? {} : { workspaceDir: root }) }),
  )
  return { tokens: createSqliteTokenStore(db), path: db.path, close: () => db.close() }
}
