import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { isFormEncoded, readBody, sendJson } from './http-io.js'
import type { CodeRecord, SandboxClient, SandboxState, TokenRecord } from './sandbox-state.js'

// RFC 6749 §5.1: token answers must not be cached.
const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' }

class TokenError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    description: string,
  ) {
    super(description)
  }
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/** RFC 6749 §2.3.1: the Basic credentials are form-urlencoded before base64. */
function decodeCredential(text: string): string {
  return decodeURIComponent(text.replaceAll('+', ' '))
}

/**
 * Authenticates the client: `client_secret_basic` (what GoTo's guide uses) or `client_secret_post` (listed in
 * GoTo's RFC 8414 metadata). Using both at once is refused (RFC 6749 §2.3).
 */
function authenticateClient(req: IncomingMessage, form: URLSearchParams, state: SandboxState): SandboxClient {
  const header = req.headers.authorization
  const basic = header === undefined ? null : /^Basic\s+(\S+)\s*$/i.exec(header)
  let clientId: string | null
  let secret: string | null
  if (basic?.[1] !== undefined) {
    if (form.has('client_secret')) {
      throw new TokenError(400, 'invalid_request', 'Use one client authentication method, not two.')
    }
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    if (colon < 0) throw new TokenError(401, 'invalid_client', 'Malformed Basic credentials.')
    try {
      clientId = decodeCredential(decoded.slice(0, colon))
      secret = decodeCredential(decoded.slice(colon + 1))
    } catch {
      throw new TokenError(401, 'invalid_client', 'Malformed Basic credentials.')
    }
    const bodyClientId = form.get('client_id')
    if (bodyClientId !== null && bodyClientId !== clientId) {
      throw new TokenError(401, 'invalid_client', 'client_id in the body differs from the Basic credentials.')
    }
  } else {
    clientId = form.get('client_id')
    secret = form.get('client_secret')
  }
  if (clientId === null || secret === null) {
    throw new TokenError(401, 'invalid_client', 'Client authentication is required (HTTP Basic).')
  }
  const client = state.findClient(clientId)
  if (client === undefined || !sameSecret(client.clientSecret, secret)) {
    throw new TokenError(401, 'invalid_client', 'Client authentication failed.')
  }
  return client
}

function required(form: URLSearchParams, name: string): string {
  const value = form.get(name)
  if (value === null || value === '') throw new TokenError(400, 'invalid_request', `${name} is required.`)
  return value
}

/** RFC 7636 §4.6: the verifier must hash (S256) or equal (plain) the challenge. */
function checkPkce(code: CodeRecord, form: URLSearchParams): void {
  const { codeChallenge, codeChallengeMethod } = code.request
  if (codeChallenge === undefined) return
  const verifier = form.get('code_verifier')
  if (verifier === null) throw new TokenError(400, 'invalid_grant', 'code_verifier is required.')
  const computed =
    codeChallengeMethod === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier
  if (!sameSecret(computed, codeChallenge)) {
    throw new TokenError(400, 'invalid_grant', 'code_verifier does not match the code_challenge.')
  }
}

function redeemCode(client: SandboxClient, form: URLSearchParams, state: SandboxState): CodeRecord {
  const code = state.findCode(required(form, 'code'))
  if (code?.clientId !== client.clientId) {
    throw new TokenError(400, 'invalid_grant', 'The authorization code is invalid.')
  }
  if (code.used) {
    // RFC 6749 §4.1.2: a reused code is refused and the tokens issued from it are revoked.
    state.revokeGrant(code.grantId)
    throw new TokenError(400, 'invalid_grant', 'The authorization code was already used.')
  }
  code.used = true
  if (state.now() >= code.expiresAtMs) {
    throw new TokenError(400, 'invalid_grant', 'The authorization code has expired.')
  }
  const { requestedRedirectUri, redirectUri } = code.request
  const sent = form.get('redirect_uri')
  // RFC 6749 §4.1.3: required and identical when the authorize request carried one.
  if (
    requestedRedirectUri !== undefined ? sent !== requestedRedirectUri : sent !== null && sent !== redirectUri
  ) {
    throw new TokenError(400, 'invalid_grant', 'redirect_uri does not match the authorization request.')
  }
  checkPkce(code, form)
  return code
}

/** The body GoTo's legacy token endpoint answered with (api.getgo.com/oauth/v2/token, version "3"). */
function tokenBody(
  grant: TokenRecord | CodeRecord,
  tokens: { accessToken: string; refreshToken: string | undefined },
  state: SandboxState,
): Record<string, string | number> {
  const user = state.findUser(grant.username)
  if (user === undefined) throw new TypeError(`no user ${grant.username}`)
  return {
    access_token: tokens.accessToken,
    token_type: 'Bearer',
    ...(tokens.refreshToken === undefined ? {} : { refresh_token: tokens.refreshToken }),
    expires_in: state.lifetimes.accessTokenTtlSeconds,
    scope: grant.scope,
    principal: user.email,
    account_key: user.accountKey,
    account_type: '',
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    organizer_key: user.organizerKey,
    version: '3',
  }
}

function grantOf(record: TokenRecord | CodeRecord): TokenRecord {
  const { grantId, clientId, username, scope } = record
  return { grantId, clientId, username, scope, expiresAtMs: 0 }
}

function exchange(
  req: IncomingMessage,
  form: URLSearchParams,
  state: SandboxState,
): Record<string, string | number> {
  const client = authenticateClient(req, form, state)
  const grantType = required(form, 'grant_type')
  if (grantType === 'authorization_code') {
    const code = redeemCode(client, form, state)
    const grant = grantOf(code)
    const tokens = {
      accessToken: state.issueAccessToken(grant),
      refreshToken: state.issueRefreshToken(grant),
    }
    return tokenBody(code, tokens, state)
  }
  if (grantType === 'refresh_token') {
    const presented = required(form, 'refresh_token')
    const record = state.findRefreshToken(presented)
    if (record?.clientId !== client.clientId) {
      throw new TokenError(400, 'invalid_grant', 'The refresh token is invalid, expired or revoked.')
    }
    const grant = grantOf(record)
    let refreshToken: string | undefined
    if (state.rotateRefreshTokens) {
      state.revokeRefreshToken(presented)
      refreshToken = state.issueRefreshToken(grant)
    }
    // Without rotation GoTo omits refresh_token: the client keeps using the one it has.
    return tokenBody(record, { accessToken: state.issueAccessToken(grant), refreshToken }, state)
  }
  throw new TokenError(400, 'unsupported_grant_type', `grant_type ${grantType} is not supported.`)
}

/** `POST /oauth/token`: the authorization_code and refresh_token grants, GoTo-shaped answers. */
export async function handleToken(
  req: IncomingMessage,
  res: ServerResponse,
  state: SandboxState,
): Promise<void> {
  const body = await readBody(req)
  try {
    if (!isFormEncoded(req)) {
      throw new TokenError(400, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded.')
    }
    sendJson(res, 200, exchange(req, new URLSearchParams(body), state), NO_STORE)
  } catch (error) {
    if (!(error instanceof TokenError)) throw error
    const headers: Record<string, string> = { ...NO_STORE }
    if (error.status === 401) headers['www-authenticate'] = 'Basic realm="GoTo sandbox", charset="UTF-8"'
    sendJson(res, error.status, { error: error.error, error_description: error.message }, headers)
  }
}
