// How a command finds and opens its workspace: `--workspace DIR`, else the nearest folder upward from the current
// one that holds a workspace (as git finds its repository). Local state (secrets, history, tokens) is the
// workspace's `.courier/state.db`.
import { join } from 'node:path'
import {
  StateDatabase,
  Workspace,
  createHistoryStore,
  createSecretStore,
  createSqliteTokenStore,
  ensureStateGitignore,
  findWorkspaceRoot,
  stateDatabasePath,
  type HistoryStore,
  type SecretStore,
} from '@courier/storage'
import type { TokenStore } from '@courier/core'
import type { Terminal } from '../terminal.js'

/** The `--workspace DIR` flag every workspace command takes. */
export interface WorkspaceFlags {
  workspace?: string
}

/**
 * Opens the workspace of a command. Files that could not be read are reported on stderr (file:line:col) and the
 * rest opens.
 * @throws AppError WORKSPACE_NOT_FOUND
 * @example const ws = await openWorkspace({ workspace: flags.workspace }, terminal)
 */
export async function openWorkspace(flags: WorkspaceFlags, terminal: Terminal): Promise<Workspace> {
  const root = await findWorkspaceRoot(flags.workspace ?? process.cwd())
  const ws = await Workspace.open(root)
  for (const problem of ws.problems) {
    const where = `${problem.path}${problem.line === undefined ? '' : `:${problem.line}:${problem.column ?? 1}`}`
    terminal.err(`${terminal.colors.yellow('warning')} ${where}: ${problem.message} (skipped)\n`)
  }
  return ws
}

/** The local state of a workspace, opened on demand. `close()` when done. */
export interface WorkspaceState {
  secrets: SecretStore
  history: HistoryStore
  tokens: TokenStore
  path: string
  close(): void
}

/**
 * Opens `<workspace>/.courier/state.db` (creating it, and the `.gitignore` line that keeps it out of git).
 * @example const state = await openWorkspaceState(ws.root); try { … } finally { state.close() }
 */
export async function openWorkspaceState(root: string, env: NodeJS.ProcessEnv): Promise<WorkspaceState> {
  await ensureStateGitignore(root)
  const db = StateDatabase.open(stateDatabasePath({ workspaceDir: root, env }))
  return {
    secrets: createSecretStore(db),
    history: createHistoryStore(db),
    tokens: createSqliteTokenStore(db),
    path: db.path ?? join(root, '.courier', 'state.db'),
    close: () => db.close(),
  }
}
