import { AppError } from '../../errors/index.js'
import {
  authorizationRequest,
  processAuthorizationResponse,
  type AuthorizationSession,
} from './authorization-request.js'
import type { OAuth2Config } from './parse-oauth2-config.js'
import {
  processTokenResponse,
  tokenGrantInfo,
  tokenRequest,
  type OAuth2GrantOptions,
} from './token-request.js'
import type { OAuth2Token } from './types.js'

/**
 * Obtains a new token with the block's grant: client credentials and password directly; authorization code (with
 * PKCE when configured) and implicit through `options.receiver`, which brings the user's answer back. Throws
 * OAUTH2_TOKEN_MISSING for an interactive grant without a receiver.
 * @example const token = await obtainToken(parseOAuth2Config(auth.params), { transport, clock, random })
 */
export async function obtainToken(config: OAuth2Config, options: OAuth2GrantOptions): Promise<OAuth2Token> {
  const grantType = config.grantType
  if (grantType === undefined) {
    throw new AppError('OAUTH2_CONFIG_INVALID', 'OAuth 2.0 auth: grant_type is needed to obtain a token', {
      field: 'grant_type',
      reason: 'is needed to obtain a token',
    })
  }
  if (grantType === 'client_credentials' || grantType === 'password_credentials') {
    const grant = grantType === 'client_credentials' ? 'client_credentials' : 'password'
    const response = await tokenRequest(config, { type: grant }, options)
    return processTokenResponse(response, { config, grant, now: options.clock.now() })
  }
  // authorization_code, authorization_code_with_pkce, implicit: the user approves in a browser.
  const receiver = options.receiver
  if (receiver === undefined) {
    throw new AppError(
      'OAUTH2_TOKEN_MISSING',
      `OAuth 2.0 token ${JSON.stringify(config.tokenName)}: the ${grantType} grant needs the user, and no one can be asked here`,
      { name: config.tokenName, grantType },
    )
  }
  const session = await authorizationRequest(config, {
    random: options.random,
    ...(options.consentTimeoutMs === undefined ? {} : { consentTimeoutMs: options.consentTimeoutMs }),
  })
  const params = processAuthorizationResponse(session, await receiver.receive(session.request))
  return session.responseType === 'token'
    ? implicitToken(config, params, options.clock.now())
    : exchangeCode(config, session, params, options)
}
/**
 * Exchanges the authorization code of a checked redirect (from processAuthorizationResponse) for a token, with the
 * session's PKCE verifier.
 * @example const token = await exchangeCode(config, session, processAuthorizationResponse(session, answer), options)
 */
export async function exchangeCode(
  config: OAuth2Config,
  session: AuthorizationSession,
  params: URLSearchParams,
  options: OAuth2GrantOptions,
): Promise<OAuth2Token> {
  const response = await tokenRequest(
    config,
    {
      type: 'authorization_code',
      code: params.get('code') ?? '',
      redirectUri: session.request.redirectUri,
      ...(session.codeVerifier === undefined ? {} : { codeVerifier: session.codeVerifier }),
    },
    options,
  )
  return processTokenResponse(response, { config, grant: 'authorization_code', now: options.clock.now() })
}

// RFC 6749 §4.2.2: the token is in the redirect's fragment; every param but state is kept as a field.
function implicitToken(config: OAuth2Config, params: URLSearchParams, now: Date): OAuth2Token {
  const fields: Record<string, unknown> = {}
  for (const [key, value] of params) if (key !== 'state') fields[key] = value
  const expiresIn = Number(params.get('expires_in') ?? Number.NaN)
  const scope = params.get('scope') ?? config.scope
  return {
    name: config.tokenName,
    accessToken: params.get('access_token') ?? '',
    tokenType: params.get('token_type') ?? 'Bearer',
    ...(Number.isFinite(expiresIn)
      ? { expiresAt: new Date(now.getTime() + expiresIn * 1000).toISOString() }
      : {}),
    ...(scope === undefined ? {} : { scope }),
    obtainedAt: now.toISOString(),
    fields,
    grant: tokenGrantInfo(config),
  }
}
