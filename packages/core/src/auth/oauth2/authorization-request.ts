import * as oauth from 'oauth4webapi'
import { AppError } from '../../errors/index.js'
import type { Random } from '../../ports/index.js'
import { base64url } from './internal/base64url.js'
import type { OAuth2Config } from './parse-oauth2-config.js'
import type { AuthorizationCodeReceiver, AuthorizationRequest } from './types.js'

/** One pending authorization: what the user is sent to, and what the answer is checked against. */
export interface AuthorizationSession {
  request: AuthorizationRequest
  /** `code` (authorization code grants) or `token` (the legacy implicit grant, RFC 6749 §4.2). */
  responseType: 'code' | 'token'
  /** The PKCE verifier to send with the code (RFC 7636 §4.5). */
  codeVerifier?: string
}

/** Options for {@link authorizationRequest}. */
export interface AuthorizationRequestOptions {
  random: Random
  /** Passed on to the receiver as `AuthorizationRequest.timeoutMs`; 300 000 ms by default. */
  consentTimeoutMs?: number
}

/**
 * Builds the authorization URL (RFC 6749 §4.1.1 / §4.2.1): response_type, client_id, redirect_uri, scope, a `state`
 * (the configured one, else 128 random bits), PKCE's code_challenge when configured, audience, resource and
 * `authRequestParams`.
 * @example const { request } = await authorizationRequest(config, { random }) // request.authorizationUrl
 */
export async function authorizationRequest(
  config: OAuth2Config,
  options: AuthorizationRequestOptions,
): Promise<AuthorizationSession> {
  const { authUrl, redirectUri, clientId } = config
  if (authUrl === undefined || redirectUri === undefined || clientId === undefined) {
    throw new TypeError('authorizationRequest needs a config parsed for an interactive grant')
  }
  if (!URL.canParse(authUrl)) {
    throw new AppError('OAUTH2_CONFIG_INVALID', 'OAuth 2.0 auth: authUrl is not a URL', {
      field: 'authUrl',
      reason: 'is not a URL',
    })
  }
  const responseType = config.grantType === 'implicit' ? 'token' : 'code'
  const state = config.state ?? base64url(options.random.bytes(16))
  const url = new URL(authUrl)
  const query = url.searchParams
  query.set('response_type', responseType)
  query.set('client_id', clientId)
  query.set('redirect_uri', redirectUri)
  if (config.scope !== undefined) query.set('scope', config.scope)
  query.set('state', state)
  let codeVerifier: string | undefined
  if (config.pkce !== undefined && responseType === 'code') {
    codeVerifier = config.pkce.codeVerifier ?? base64url(options.random.bytes(32))
    const challenge =
      config.pkce.method === 'S256' ? await oauth.calculatePKCECodeChallenge(codeVerifier) : codeVerifier
    query.set('code_challenge', challenge)
    query.set('code_challenge_method', config.pkce.method)
  }
  for (const audience of config.audience) query.append('audience', audience)
  for (const resource of config.resource) query.append('resource', resource)
  for (const param of config.authRequestParams) query.append(param.key, param.value)
  return {
    request: {
      authorizationUrl: url.href,
      redirectUri,
      state,
      timeoutMs: options.consentTimeoutMs ?? 300_000,
    },
    responseType,
    ...(codeVerifier === undefined ? {} : { codeVerifier }),
  }
}

/** What a receiver brings back. */
export type AuthorizationResponse = Awaited<ReturnType<AuthorizationCodeReceiver['receive']>>

/**
 * Checks what came back from the browser and returns its parameters (the query for a code, the fragment for the
 * implicit grant). Accepts the whole redirect URL or a bare code (pasted by hand: no state to check then).
 * Throws OAUTH2_STATE_MISMATCH when `state` is not the one sent (RFC 6749 §10.12) and OAUTH2_ACCESS_DENIED for
 * an error answer (`access_denied` when the user clicked Deny) or an answer with neither code nor token.
 * @example const params = processAuthorizationResponse(session, { callbackUrl: 'http://127.0.0.1:5000/cb?code=x&state=s' })
 */
export function processAuthorizationResponse(
  session: AuthorizationSession,
  response: AuthorizationResponse,
): URLSearchParams {
  const authUrl = withoutQuery(session.request.authorizationUrl)
  const pasted = 'code' in response ? response.code.trim() : undefined
  // A receiver that lets users paste may hand over the whole redirect URL as "the code".
  const callbackUrl =
    'callbackUrl' in response ? response.callbackUrl : /^https?:\/\//i.test(pasted ?? '') ? pasted : undefined
  if (callbackUrl === undefined) {
    if (session.responseType === 'token') {
      throw denied(
        authUrl,
        'missing_token',
        'the implicit grant needs the whole redirect URL, not a bare value',
      )
    }
    return new URLSearchParams({ code: pasted ?? '' })
  }
  const url = URL.parse(callbackUrl.trim())
  if (url === null) throw denied(authUrl, 'invalid_redirect', 'what came back is not a URL')
  // Errors come in the query even for the implicit grant with some servers, and in the fragment per §4.2.2.1.
  const params = new URLSearchParams(url.hash.slice(1))
  for (const [key, value] of url.searchParams) if (!params.has(key)) params.append(key, value)
  if (session.responseType === 'code') {
    const query = url.searchParams
    if (query.has('code') || query.has('error')) return checked(authUrl, session, query)
  }
  return checked(authUrl, session, params)
}

function checked(authUrl: string, session: AuthorizationSession, params: URLSearchParams): URLSearchParams {
  if (params.get('state') !== session.request.state) {
    throw new AppError(
      'OAUTH2_STATE_MISMATCH',
      `${authUrl}: the redirect's state is not the one sent; the answer is not for this login`,
      { authUrl },
    )
  }
  const error = params.get('error')
  if (error !== null) {
    throw denied(authUrl, error, params.get('error_description') ?? undefined)
  }
  const expected = session.responseType === 'code' ? 'code' : 'access_token'
  if (!params.get(expected)) {
    throw denied(authUrl, `missing_${expected}`, `the redirect carries no ${expected}`)
  }
  return params
}

function denied(authUrl: string, error: string, description: string | undefined): AppError {
  return new AppError(
    'OAUTH2_ACCESS_DENIED',
    `${authUrl}: authorization failed with ${error}${description === undefined ? '' : ` (${description})`}`,
    { authUrl, error, ...(description === undefined ? {} : { description }) },
  )
}

function withoutQuery(url: string): string {
  const at = url.search(/[?#]/)
  return at === -1 ? url : url.slice(0, at)
}
