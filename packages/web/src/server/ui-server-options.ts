import type {
  AuthorizationCodeReceiver,
  Clock,
  CookieStore,
  FileSource,
  HistoryStore,
  Random,
  ScriptEngine,
  SecretStore,
  TokenStore,
  Transport,
  UiStateStore,
  WatchWorkspace,
  WorkspaceStore,
} from '@courier/core'

/** How the loopback receiver of the CLI (RFC 8252) is built: it opens the URL through `open`, says lines. */
export type CreateLoopbackReceiver = (options: {
  open: (url: string) => Promise<boolean>
  say: (line: string) => void
}) => AuthorizationCodeReceiver

/**
 * What `startUiServer` needs: where to listen, the workspace and local state through core's ports, and the
 * engine's parts. Only the CLI builds one (it is the composition root).
 */
export interface UiServerOptions {
  /** 0 picks a free port. */
  port: number
  /** Always loopback: the server is for this machine's user only. */
  host?: '127.0.0.1'
  workspace: WorkspaceStore
  /** Watches the workspace's files; without one, only this server's own writes are seen. */
  watch?: WatchWorkspace
  history: HistoryStore
  secrets: SecretStore
  tokens: TokenStore
  uiState: UiStateStore
  /** Builds the transport for sends, runs and token requests (one per server, closed with it). */
  createTransport: () => Transport
  /** Builds a script engine for a collection run (closed when the run ends); without one, scripts are skipped. */
  createScriptEngine?: () => ScriptEngine
  /** Reads the files requests name (form-data files, binary bodies), rooted at the workspace. */
  files: FileSource
  /** Cookies kept between sends (Postman's cookie jar); default: a memory jar for the server's life. */
  cookies?: CookieStore
  clock: Clock
  random: Random
  /** The built client (`packages/web/dist/client`); when it has no index.html a page says how to build it. */
  staticDir?: string
  userAgent?: string
  /** Listens on an auth block's loopback redirect URI; without one such grants are completed by pasting. */
  createLoopbackReceiver?: CreateLoopbackReceiver
  /** How long an authorization-code grant waits for the user (default 300 000 ms). */
  consentTimeoutMs?: number
}

/** A running `courier ui` server. */
export interface UiServer {
  /** `http://127.0.0.1:PORT/?token=T`: the one URL that lets a browser in. */
  readonly url: string
  /** `http://127.0.0.1:PORT` */
  readonly origin: string
  readonly port: number
  /** The per-launch access token (32 random bytes, base64url). */
  readonly token: string
  close(): Promise<void>
}
