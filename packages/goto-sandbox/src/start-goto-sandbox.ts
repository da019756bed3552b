import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { handleAuthorize, handleDecision, handleLogin } from './internal/authorize-endpoint.js'
import { handleGotoApi } from './internal/goto-api.js'
import { sendJson } from './internal/http-io.js'
import {
  createSandboxState,
  type SandboxClient,
  type SandboxState,
  type SandboxUser,
} from './internal/sandbox-state.js'
import { handleToken } from './internal/token-endpoint.js'

export type { SandboxClient, SandboxUser } from './internal/sandbox-state.js'

/** How to start the GoTo sandbox; every field has a demo default. */
export interface GotoSandboxOptions {
  /** Default 0: the OS picks a free port. The host is always 127.0.0.1. */
  port?: number
  /** Default: the one demo client, {@link demoClient}. */
  clients?: SandboxClient[]
  /** Default: the one demo user, {@link demoUser}. */
  users?: SandboxUser[]
  /** Default 3600, as GoTo ("access tokens live 60 minutes"). */
  accessTokenTtlSeconds?: number
  /** Default 30 days, as GoTo's older documentation. */
  refreshTokenTtlSeconds?: number
  /** Injectable clock in milliseconds; default `Date.now`. */
  now?: () => number
  /** Default false: refresh answers carry no new refresh_token (one GoTo doc version); the client keeps its own. */
  rotateRefreshTokens?: boolean
}

/** One request the sandbox answered. */
export interface GotoSandboxLogEntry {
  method: string
  /** The path without its query (queries carry codes and secrets). */
  path: string
  status: number
}

/** A running GoTo sandbox. */
export interface GotoSandbox {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:40123`. */
  readonly url: string
  readonly port: number
  /** `${url}/oauth/authorize` */
  readonly authorizeUrl: string
  /** `${url}/oauth/token` */
  readonly tokenUrl: string
  close(): Promise<void>
  [Symbol.asyncDispose](): Promise<void>
  /** Makes every access token issued so far expire now: the APIs then answer 401 invalid_token. */
  expireAccessTokens(): void
  /** Revokes every refresh token issued so far: refreshing then answers 400 invalid_grant. */
  revokeRefreshTokens(): void
  /** What the sandbox served, in order. */
  readonly log: readonly GotoSandboxLogEntry[]
}

/** The demo OAuth client: registered for Courier's loopback callback and Postman's. */
export const demoClient: SandboxClient = {
  clientId: 'courier-demo',
  clientSecret: 'courier-demo-secret',
  redirectUris: ['http://127.0.0.1:5017/callback', 'https://oauth.pstmn.io/v1/callback'],
}

/** The demo GoTo user (sign in as `ada@example.com` / `courier`). */
export const demoUser: SandboxUser = {
  username: 'ada@example.com',
  password: 'courier',
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  organizerKey: '7139284650123456789',
  accountKey: '4581736209876543210',
}

/** RFC 8414 metadata for this sandbox (GoTo serves it at the same well-known path). */
function metadata(url: string): Record<string, unknown> {
  return {
    issuer: url,
    authorization_endpoint: `${url}/oauth/authorize`,
    token_endpoint: `${url}/oauth/token`,
    response_types_supported: ['code', 'token'],
    grant_types_supported: ['authorization_code', 'refresh_token', 'implicit'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    code_challenge_methods_supported: ['S256', 'plain'],
  }
}

type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>

function routes(state: SandboxState, baseUrl: () => string): Record<string, Route> {
  return {
    'GET /oauth/authorize': (_req, res, url) => handleAuthorize(res, url, state),
    'POST /oauth/authorize/login': (req, res) => handleLogin(req, res, state),
    'POST /oauth/authorize/decision': (req, res) => handleDecision(req, res, state),
    'POST /oauth/token': (req, res) => handleToken(req, res, state),
    'GET /.well-known/oauth-authorization-server': (_req, res) => sendJson(res, 200, metadata(baseUrl())),
  }
}

/**
 * Starts a local emulator of GoTo's OAuth 2.0 authorization server and the GoToMeeting / Admin APIs.
 * @example
 * await using goto = await startGotoSandbox({ now: () => clockMs })
 * const res = await fetch(`${goto.authorizeUrl}?client_id=courier-demo&response_type=code`)
 */
export async function startGotoSandbox(options: GotoSandboxOptions = {}): Promise<GotoSandbox> {
  const state = createSandboxState({
    clients: options.clients ?? [demoClient],
    users: options.users ?? [demoUser],
    now: options.now ?? Date.now,
    lifetimes: {
      accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600,
      refreshTokenTtlSeconds: options.refreshTokenTtlSeconds ?? 30 * 24 * 3600,
    },
    rotateRefreshTokens: options.rotateRefreshTokens ?? false,
  })
  const log: GotoSandboxLogEntry[] = []
  let url = ''
  const table = routes(state, () => url)

  const server = createServer((req, res) => {
    const target = new URL(req.url ?? '/', 'http://127.0.0.1')
    const method = req.method ?? 'GET'
    res.once('finish', () => log.push({ method, path: target.pathname, status: res.statusCode }))
    const route = table[`${method} ${target.pathname}`]
    const served = async (): Promise<void> => {
      if (route !== undefined) return route(req, res, target)
      if (handleGotoApi(req, res, target, state)) return
      req.resume()
      sendJson(res, 404, { error: 'not_found', error_description: `${method} ${target.pathname}` })
    }
    served().catch((error: unknown) => {
      if (res.headersSent) res.destroy()
      else sendJson(res, 500, { error: 'server_error', error_description: String(error) })
    })
  })

  // Keep-alive sockets would hold close() open until they time out, so track and end them.
  const sockets = new Set<Socket>()
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address()
  if (address === null || typeof address === 'string') throw new TypeError('server has no TCP address')
  url = `http://127.0.0.1:${address.port}`
  let closing: Promise<void> | undefined
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve())
      for (const socket of sockets) socket.destroy()
    })
    return closing
  }
  return {
    url,
    port: address.port,
    authorizeUrl: `${url}/oauth/authorize`,
    tokenUrl: `${url}/oauth/token`,
    close,
    [Symbol.asyncDispose]: close,
    expireAccessTokens: () => state.expireAccessTokens(),
    revokeRefreshTokens: () => state.revokeRefreshTokens(),
    log,
  }
}
