import type { PreparedRequest, ResolvedAuth, Transport, TransportResponse } from '../http/types.js'
import type { Clock, FileSource, Random } from '../ports/index.js'
import type { AuthorizationCodeReceiver, TokenStore } from './oauth2/types.js'

/** What OAuth 2.0 needs beyond signing: where tokens live, how to reach the token endpoint, how to ask the user. */
export interface OAuth2Context {
  tokens: TokenStore
  /** Token requests go through Courier's engine (proxies, TLS settings). */
  transport: Transport
  /** Interactive grants (authorization code, implicit); absent in CI, where only non-interactive grants run. */
  receiver?: AuthorizationCodeReceiver
  /**
   * May `sign` ask the user (through `receiver`) when an interactive grant has no usable token? False by default:
   * a run fails with OAUTH2_TOKEN_MISSING instead, and `courier auth login` gets the token.
   */
  interactive?: boolean
}

/** What an auth handler may use: injected time, randomness and files (RSA keys, certificates), OAuth 2.0 ports. */
export interface AuthContext {
  clock: Clock
  random: Random
  files: FileSource
  oauth2?: OAuth2Context
}

/**
 * Adds one auth scheme's credentials to requests. `sign` runs before a request is sent; `respond`, when present,
 * sees the response and returns a follow-up request that answers a challenge (digest's 401, NTLM's handshake),
 * or undefined when there is nothing to answer. Handlers hold per-request state (a nonce count, a handshake
 * step), so the pipeline creates one per request.
 */
export interface AuthHandler {
  /** The scheme, as in `ResolvedAuth.type`. */
  readonly type: string
  /** True when the challenge must travel on the same connection (NTLM): the pipeline uses a TransportSession. */
  readonly needsSession: boolean
  sign(request: PreparedRequest): Promise<PreparedRequest>
  respond?(request: PreparedRequest, response: TransportResponse): Promise<PreparedRequest | undefined>
}

/** Builds a handler for one resolved auth block. */
export type CreateAuthHandler = (auth: ResolvedAuth, context: AuthContext) => AuthHandler
