// The wiring of `courier ui` (the CLI is the composition root): the workspace and its local state from
// @courier/storage behind core's ports, the engine's parts from core, the server from @courier/web.
import {
  createCookieJar,
  createQuickJsScriptEngine,
  createUndiciTransport,
  systemClock,
  systemRandom,
  type HistoryStore,
  type SecretStore,
  type TokenStore,
  type UiStateStore,
  type WorkspaceStore,
} from '@courier/core'
import {
  StateDatabase,
  Workspace,
  createHistoryStore,
  createSecretStore,
  createSqliteCookieStore,
  createSqliteTokenStore,
  createUiStateStore,
  ensureStateGitignore,
  stateDatabasePath,
  watchWorkspace,
} from '@courier/storage'
import { clientDir, startUiServer, type UiServer } from '@courier/web'
import { nodeFileSource } from '../node-file-source.js'
import { createLoopbackReceiver } from '../oauth/loopback-receiver.js'

/** Options of {@link openUiServer}. */
export interface OpenUiServerOptions {
  /** The workspace's root folder. */
  root: string
  port: number
  env: NodeJS.ProcessEnv
  /** Default: the built client of @courier/web. */
  staticDir?: string
  userAgent?: string
  /** How long an authorization-code grant waits for the user (default 300 000 ms). */
  consentTimeoutMs?: number
}

/** A running `courier ui` and the workspace behind it. */
export interface OpenedUiServer extends UiServer {
  /** The files of the workspace (for callers that also read them, such as tests). */
  readonly workspace: Workspace
}

/**
 * Opens the workspace at `root` and its local state (`.courier/state.db`) and starts the UI server on them.
 * `close()` stops the server, the watcher and closes the database.
 * @example const ui = await openUiServer({ root, port: 0, env: process.env }); console.log(ui.url)
 */
export async function openUiServer(options: OpenUiServerOptions): Promise<OpenedUiServer> {
  const workspace = await Workspace.open(options.root)
  await ensureStateGitignore(options.root)
  const db = StateDatabase.open(stateDatabasePath({ workspaceDir: options.root, env: options.env }))
  // Storage's implementations, checked here against core's ports.
  const store: WorkspaceStore = workspace
  const history: HistoryStore = createHistoryStore(db)
  const secrets: SecretStore = createSecretStore(db)
  const tokens: TokenStore = createSqliteTokenStore(db)
  const uiState: UiStateStore = createUiStateStore(db)
  let server: UiServer
  try {
    server = await startUiServer({
      port: options.port,
      workspace: store,
      watch: watchWorkspace,
      history,
      secrets,
      tokens,
      uiState,
      createTransport: () => createUndiciTransport(),
      createScriptEngine: () => createQuickJsScriptEngine(),
      // Form-data and binary body files are named relative to the workspace, as Postman's working directory.
      files: nodeFileSource(options.root),
      cookies: createCookieJar({ store: createSqliteCookieStore(db), clock: systemClock }),
      clock: systemClock,
      random: systemRandom,
      staticDir: options.staticDir ?? clientDir(),
      createLoopbackReceiver,
      ...(options.userAgent === undefined ? {} : { userAgent: options.userAgent }),
      ...(options.consentTimeoutMs === undefined ? {} : { consentTimeoutMs: options.consentTimeoutMs }),
    })
  } catch (error) {
    db.close()
    throw error
  }
  return {
    url: server.url,
    origin: server.origin,
    port: server.port,
    token: server.token,
    workspace,
    async close() {
      await server.close()
      db.close()
    },
  }
}
