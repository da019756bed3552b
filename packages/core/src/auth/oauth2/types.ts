// The contract of Courier's OAuth 2.0 token lifecycle (issue: the GoTo guide end to end). Plain data crosses it.

/** A token as Courier keeps it, under its Token Name, in local state (never in a collection or export file). */
export interface OAuth2Token {
  /** The Token Name of the auth block (`tokenName`), e.g. `04 10 2021 - GoToWebinar`. */
  name: string
  accessToken: string
  /** `Bearer` unless the server said otherwise. */
  tokenType: string
  refreshToken?: string
  /** ISO 8601; absent when the server gave no `expires_in`. */
  expiresAt?: string
  scope?: string
  /** ISO 8601: when this access token was obtained or last refreshed. */
  obtainedAt: string
  /**
   * Every field of the token responses (`organizer_key`, `account_key`, `email`, `principal`…), as sent; a refresh
   * response's fields replace those it repeats and keep the others.
   */
  fields: Record<string, unknown>
  /** How to refresh it without the auth block at hand (no secrets: the client secret is resolved when needed). */
  grant: {
    grantType: string
    tokenUrl: string
    refreshTokenUrl?: string
    clientId: string
    clientAuthentication: 'header' | 'body'
  }
}

/**
 * Where tokens live between sessions: SQLite local state (storage package) in the app and CLI, memory in tests.
 * Implementations never write tokens to tracked files.
 */
export interface TokenStore {
  get(name: string): Promise<OAuth2Token | undefined>
  put(token: OAuth2Token): Promise<void>
  list(): Promise<OAuth2Token[]>
  /** True when a token of that name existed. */
  delete(name: string): Promise<boolean>
}

/** What the user must do to approve access: open this URL; the provider redirects to `redirectUri`. */
export interface AuthorizationRequest {
  authorizationUrl: string
  redirectUri: string
  state: string
  /** How long to wait for the user before giving up (OAUTH2_CONSENT_TIMEOUT). */
  timeoutMs: number
}

/**
 * Gets the authorization code back from the user's browser: a loopback listener on 127.0.0.1 (RFC 8252) plus
 * the system browser, or the guide's manual way (the user pastes the redirect URL or the bare code), or a popup
 * and a callback route in the UI. Resolves with what came back; the caller checks `state` and errors.
 */
export interface AuthorizationCodeReceiver {
  receive(request: AuthorizationRequest): Promise<{ callbackUrl: string } | { code: string }>
}
