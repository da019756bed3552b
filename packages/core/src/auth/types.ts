import type { PreparedRequest, ResolvedAuth, TransportResponse } from '../http/types.js'
import type { Clock, FileSource, Random } from '../ports/index.js'

/** What an auth handler may use: injected time, randomness and files (RSA keys, certificates). */
export interface AuthContext {
  clock: Clock
  random: Random
  files: FileSource
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
