import { randomBytes } from 'node:crypto'

/** An OAuth client registered with the sandbox. */
export interface SandboxClient {
  clientId: string
  clientSecret: string
  redirectUris: string[]
  /** Shown on the consent page ("Allow <name> to access your GoTo account?"); default `Courier Demo`. */
  name?: string
  /** The scopes granted, whatever the request asks: GoTo grants "only the scopes set in your OAuth client". */
  scope?: string
}

/** A GoTo user who can sign in on the sandbox's login page. */
export interface SandboxUser {
  username: string
  password: string
  firstName: string
  lastName: string
  email: string
  organizerKey: string
  accountKey: string
  /** IANA zone in the organizer answer; default `America/Los_Angeles`. */
  timeZone?: string
}

/** A validated authorization request, as the authorize endpoint received it. */
export interface AuthorizationRequest {
  client: SandboxClient
  responseType: 'code' | 'token'
  /** The `redirect_uri` parameter exactly as sent, if sent (RFC 6749 §4.1.3 compares against it). */
  requestedRedirectUri: string | undefined
  /** Where the answer goes: the requested URI, else the client's first registered one. */
  redirectUri: string
  state: string | undefined
  codeChallenge: string | undefined
  codeChallengeMethod: 'S256' | 'plain' | undefined
}

interface Expiring {
  expiresAtMs: number
}
interface Grant {
  /** Ties a code to the tokens issued from it, so a replayed code can revoke them (RFC 6749 §4.1.2). */
  grantId: string
  clientId: string
  username: string
  scope: string
}
/** A signed-in user's pending consent, keyed by an unguessable transaction id. */
export interface PendingConsent extends Expiring {
  request: AuthorizationRequest
  username: string
}
/** An issued authorization code. */
export interface CodeRecord extends Grant, Expiring {
  request: AuthorizationRequest
  used: boolean
}
/** An issued access or refresh token. */
export type TokenRecord = Grant & Expiring

/** Lifetimes the sandbox issues with (seconds). */
export interface Lifetimes {
  accessTokenTtlSeconds: number
  refreshTokenTtlSeconds: number
}

const CODE_TTL_MS = 60_000
const CONSENT_TTL_MS = 10 * 60_000

/** Everything the sandbox remembers, in memory, per instance. */
export interface SandboxState {
  readonly now: () => number
  readonly lifetimes: Lifetimes
  readonly rotateRefreshTokens: boolean
  findClient(clientId: string): SandboxClient | undefined
  findUser(username: string): SandboxUser | undefined
  startConsent(request: AuthorizationRequest, username: string): string
  takeConsent(transaction: string): PendingConsent | undefined
  issueCode(request: AuthorizationRequest, username: string): string
  findCode(code: string): CodeRecord | undefined
  issueAccessToken(grant: Grant): string
  issueRefreshToken(grant: Grant): string
  findAccessToken(token: string): TokenRecord | undefined
  findRefreshToken(token: string): TokenRecord | undefined
  revokeRefreshToken(token: string): void
  revokeGrant(grantId: string): void
  newGrantId(): string
  expireAccessTokens(): void
  revokeRefreshTokens(): void
}

function randomToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Creates the sandbox's in-memory registry of clients, users, codes and tokens. */
export function createSandboxState(options: {
  clients: SandboxClient[]
  users: SandboxUser[]
  now: () => number
  lifetimes: Lifetimes
  rotateRefreshTokens: boolean
}): SandboxState {
  const { now, lifetimes } = options
  const clients = new Map(options.clients.map((c) => [c.clientId, c]))
  const users = new Map(options.users.map((u) => [u.username.toLowerCase(), u]))
  const consents = new Map<string, PendingConsent>()
  const codes = new Map<string, CodeRecord>()
  const accessTokens = new Map<string, TokenRecord>()
  const refreshTokens = new Map<string, TokenRecord>()
  const live = <T extends Expiring>(record: T | undefined): T | undefined =>
    record !== undefined && now() < record.expiresAtMs ? record : undefined

  return {
    now,
    lifetimes,
    rotateRefreshTokens: options.rotateRefreshTokens,
    findClient: (clientId) => clients.get(clientId),
    findUser: (username) => users.get(username.toLowerCase()),
    startConsent(request, username) {
      const transaction = randomToken()
      consents.set(transaction, { request, username, expiresAtMs: now() + CONSENT_TTL_MS })
      return transaction
    },
    takeConsent(transaction) {
      const consent = consents.get(transaction)
      consents.delete(transaction)
      return live(consent)
    },
    issueCode(request, username) {
      const code = randomToken()
      codes.set(code, {
        request,
        username,
        grantId: randomToken(),
        clientId: request.client.clientId,
        scope: grantedScope(request.client),
        used: false,
        expiresAtMs: now() + CODE_TTL_MS,
      })
      return code
    },
    // Expiry is checked by the token endpoint: an expired code and a reused one answer differently.
    findCode: (code) => codes.get(code),
    issueAccessToken(grant) {
      const token = randomToken()
      accessTokens.set(token, { ...grant, expiresAtMs: now() + lifetimes.accessTokenTtlSeconds * 1000 })
      return token
    },
    issueRefreshToken(grant) {
      const token = randomToken()
      refreshTokens.set(token, { ...grant, expiresAtMs: now() + lifetimes.refreshTokenTtlSeconds * 1000 })
      return token
    },
    findAccessToken: (token) => live(accessTokens.get(token)),
    findRefreshToken: (token) => live(refreshTokens.get(token)),
    revokeRefreshToken: (token) => void refreshTokens.delete(token),
    revokeGrant(grantId) {
      for (const map of [accessTokens, refreshTokens]) {
        for (const [token, record] of map) if (record.grantId === grantId) map.delete(token)
      }
    },
    newGrantId: randomToken,
    expireAccessTokens() {
      const at = now()
      for (const record of accessTokens.values()) record.expiresAtMs = Math.min(record.expiresAtMs, at)
    },
    revokeRefreshTokens: () => refreshTokens.clear(),
  }
}

/** The scope GoTo grants a client: its configured scopes (the request's `scope` is not consulted). */
export function grantedScope(client: SandboxClient): string {
  return client.scope ?? 'collab: identity:scim.me'
}
