import * as oauth from 'oauth4webapi'
import { AppError } from '../../errors/index.js'
import type { Transport } from '../../http/types.js'
import type { Clock, Random } from '../../ports/index.js'
import { transportFetch } from './internal/transport-fetch.js'
import type { OAuth2Config } from './parse-oauth2-config.js'
import type { AuthorizationCodeReceiver, OAuth2Token } from './types.js'

/** What obtaining or refreshing a token needs: the network, the user (interactive grants), time and randomness. */
export interface OAuth2GrantOptions {
  transport: Transport
  /** Needed by the authorization code and implicit grants only. */
  receiver?: AuthorizationCodeReceiver
  clock: Clock
  random: Random
  /** Limit for each token endpoint exchange; 30 000 ms by default. */
  timeoutMs?: number
  /** How long the receiver may wait for the user (`AuthorizationRequest.timeoutMs`); 300 000 ms by default. */
  consentTimeoutMs?: number
}

/** One token endpoint request (RFC 6749 §4.1.3, §4.3.2, §4.4.2, §6). */
export type TokenGrant =
  | { type: 'authorization_code'; code: string; redirectUri: string; codeVerifier?: string }
  | { type: 'client_credentials' }
  | { type: 'password' }
  | { type: 'refresh_token'; refreshToken: string }

/**
 * Sends one token endpoint request through the Transport, with the block's client authentication (Basic header
 * or body), its extra params (`tokenRequestParams` / `refreshRequestParams` by `send_as`), audience and resource.
 * @example const response = await tokenRequest(config, { type: 'client_credentials' }, options)
 */
export async function tokenRequest(
  config: OAuth2Config,
  grant: TokenGrant,
  options: OAuth2GrantOptions,
): Promise<Response> {
  const isRefresh = grant.type === 'refresh_token'
  const extras = isRefresh ? config.refreshRequestParams : config.tokenRequestParams
  const endpoint = new URL(tokenEndpoint(config, grant.type))
  for (const param of extras) {
    if (param.sendAs === 'request_url') endpoint.searchParams.append(param.key, param.value)
  }
  const as: oauth.AuthorizationServer = { issuer: endpoint.origin, token_endpoint: endpoint.href }
  const client: oauth.Client = { client_id: config.clientId ?? '' }
  const headers: Record<string, string> = {}
  for (const param of extras) {
    if (param.sendAs !== 'request_header') continue
    if (param.key.toLowerCase() === 'authorization') {
      throw new AppError(
        'OAUTH2_CONFIG_INVALID',
        'OAuth 2.0 auth: a token request param may not set Authorization',
        {
          field: isRefresh ? 'refreshRequestParams' : 'tokenRequestParams',
          reason: 'may not set the Authorization header (client authentication does)',
        },
      )
    }
    headers[param.key] = param.value
  }
  const parameters = new URLSearchParams()
  if (!isRefresh) {
    for (const audience of config.audience) parameters.append('audience', audience)
    for (const resource of config.resource) parameters.append('resource', resource)
  }
  for (const param of extras) {
    if (param.sendAs === 'request_body') parameters.append(param.key, param.value)
  }
  const requestOptions = {
    headers,
    [oauth.customFetch]: transportFetch(options.transport, { timeoutMs: options.timeoutMs ?? 30_000 }),
    // Postman talks to whatever Access Token URL it is given; loopback test servers and sandboxes are http.
    [oauth.allowInsecureRequests]: endpoint.protocol === 'http:',
  }
  const auth = clientAuthentication(config)
  switch (grant.type) {
    case 'authorization_code': {
      // The state and error were checked by processAuthorizationResponse; `iss` (RFC 9207) cannot be, as Postman's
      // settings name no issuer.
      const callback = oauth.validateAuthResponse(
        as,
        client,
        new URLSearchParams({ code: grant.code }),
        oauth.skipStateCheck,
      )
      return oauth.authorizationCodeGrantRequest(
        as,
        client,
        auth,
        callback,
        grant.redirectUri,
        grant.codeVerifier ?? oauth.nopkce,
        { ...requestOptions, additionalParameters: parameters },
      )
    }
    case 'client_credentials':
      if (config.scope !== undefined) parameters.set('scope', config.scope)
      return oauth.clientCredentialsGrantRequest(as, client, auth, parameters, requestOptions)
    case 'password':
      parameters.set('username', config.username ?? '')
      parameters.set('password', config.password ?? '')
      if (config.scope !== undefined) parameters.set('scope', config.scope)
      return oauth.genericTokenEndpointRequest(as, client, auth, 'password', parameters, requestOptions)
    case 'refresh_token':
      return oauth.refreshTokenGrantRequest(as, client, auth, grant.refreshToken, {
        ...requestOptions,
        additionalParameters: parameters,
      })
  }
}

/** Options for {@link processTokenResponse}. */
export interface ProcessTokenResponseOptions {
  config: OAuth2Config
  grant: TokenGrant['type']
  now: Date
  /** The token being refreshed: its refresh token and fields are kept when the response repeats none. */
  previous?: OAuth2Token
}

/**
 * Turns a token endpoint response into an OAuth2Token, keeping every field the server sent (GoTo's
 * `organizer_key`, `principal`…). Throws OAUTH2_TOKEN_REJECTED for an OAuth error body and
 * OAUTH2_TOKEN_RESPONSE_INVALID for anything else that is not a token (an HTML login page, a missing access_token).
 * @example const token = await processTokenResponse(response, { config, grant: 'client_credentials', now })
 */
export async function processTokenResponse(
  response: Response,
  options: ProcessTokenResponseOptions,
): Promise<OAuth2Token> {
  const { config, grant, now, previous } = options
  const tokenUrl = tokenEndpoint(config, grant)
  const fields = parseObject(await response.clone().text())
  // Lenient on the media type: some servers send their error JSON as text/plain.
  if (response.status !== 200 && typeof fields?.error === 'string') {
    throw rejected(tokenUrl, response.status, fields.error, fields.error_description)
  }
  let checked = response
  if (response.status === 200 && fields !== undefined) {
    // Courier is no OpenID relying party: an id_token is kept as data, not validated against an issuer the block
    // does not name. Postman treats a missing token_type as Bearer.
    const { id_token: _idToken, ...conform } = fields
    conform.token_type ??= 'Bearer'
    checked = new Response(JSON.stringify(conform), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    })
  }
  const as: oauth.AuthorizationServer = { issuer: new URL(tokenUrl).origin, token_endpoint: tokenUrl }
  const client: oauth.Client = { client_id: config.clientId ?? '' }
  const tokenType = typeof fields?.token_type === 'string' ? fields.token_type : 'Bearer'
  const processOptions = { recognizedTokenTypes: { [tokenType.toLowerCase()]: () => undefined } }
  let result: oauth.TokenEndpointResponse
  try {
    result =
      grant === 'authorization_code'
        ? await oauth.processAuthorizationCodeResponse(as, client, checked, processOptions)
        : grant === 'refresh_token'
          ? await oauth.processRefreshTokenResponse(as, client, checked, processOptions)
          : grant === 'client_credentials'
            ? await oauth.processClientCredentialsResponse(as, client, checked, processOptions)
            : await oauth.processGenericTokenEndpointResponse(as, client, checked, processOptions)
  } catch (error) {
    throw processingError(error, tokenUrl, response.status)
  }
  const refreshToken = result.refresh_token ?? previous?.refreshToken
  const scope = result.scope ?? previous?.scope ?? config.scope
  return {
    name: previous?.name ?? config.tokenName,
    accessToken: result.access_token,
    tokenType,
    ...(refreshToken === undefined ? {} : { refreshToken }),
    ...(result.expires_in === undefined
      ? {}
      : { expiresAt: new Date(now.getTime() + result.expires_in * 1000).toISOString() }),
    ...(scope === undefined ? {} : { scope }),
    obtainedAt: now.toISOString(),
    // A refresh response may repeat fewer fields (GoTo's organizer_key): the newer value wins, none is lost.
    fields: { ...previous?.fields, ...fields },
    grant: previous?.grant ?? tokenGrantInfo(config),
  }
}

/**
 * The grant description stored with a token: how to refresh it, without secrets.
 * @example tokenGrantInfo(config) // { grantType: 'authorization_code', tokenUrl, clientId, clientAuthentication: 'header' }
 */
export function tokenGrantInfo(config: OAuth2Config): OAuth2Token['grant'] {
  return {
    grantType: config.grantType ?? 'token',
    tokenUrl: config.accessTokenUrl ?? config.authUrl ?? '',
    ...(config.refreshTokenUrl === undefined ? {} : { refreshTokenUrl: config.refreshTokenUrl }),
    clientId: config.clientId ?? '',
    clientAuthentication: config.clientAuthentication,
  }
}

/**
 * The URL a grant's token request goes to: the refresh token URL for refreshes when set (Postman's field).
 * Throws OAUTH2_CONFIG_INVALID naming the field when it is missing or not an http(s) URL.
 * @example tokenEndpoint(config, 'refresh_token') // config.refreshTokenUrl ?? config.accessTokenUrl
 */
export function tokenEndpoint(config: OAuth2Config, grant: TokenGrant['type']): string {
  const url =
    grant === 'refresh_token' ? (config.refreshTokenUrl ?? config.accessTokenUrl) : config.accessTokenUrl
  const field =
    grant === 'refresh_token' && config.refreshTokenUrl !== undefined ? 'refreshTokenUrl' : 'accessTokenUrl'
  if (url === undefined) {
    throw new AppError('OAUTH2_CONFIG_INVALID', `OAuth 2.0 auth: ${field} is missing or empty`, {
      field,
      reason: 'is missing or empty',
    })
  }
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    throw new AppError('OAUTH2_CONFIG_INVALID', `OAuth 2.0 auth: ${field} is not an http(s) URL`, {
      field,
      reason: 'is not an http(s) URL',
    })
  }
  return url
}

function clientAuthentication(config: OAuth2Config): oauth.ClientAuth {
  // A public client (no secret) identifies itself with client_id in the body (RFC 6749 §3.2.1).
  if (config.clientSecret === undefined) return oauth.None()
  return config.clientAuthentication === 'body'
    ? oauth.ClientSecretPost(config.clientSecret)
    : oauth.ClientSecretBasic(config.clientSecret)
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}

function rejected(tokenUrl: string, status: number, error: string, description: unknown): AppError {
  const text = typeof description === 'string' && description !== '' ? description : undefined
  return new AppError(
    'OAUTH2_TOKEN_REJECTED',
    `POST ${withoutQuery(tokenUrl)}: token request rejected with ${status} ${error}${text === undefined ? '' : ` (${text})`}`,
    { tokenUrl: withoutQuery(tokenUrl), error, ...(text === undefined ? {} : { description: text }), status },
  )
}

// oauth4webapi's errors carry the response body as `cause`; it may hold tokens, so only the message travels on.
function processingError(error: unknown, tokenUrl: string, status: number): unknown {
  if (error instanceof oauth.ResponseBodyError) {
    return rejected(tokenUrl, error.status, error.error, error.error_description)
  }
  if (error instanceof oauth.WWWAuthenticateChallengeError) {
    const challengeError = error.cause[0]?.parameters.error
    return rejected(tokenUrl, error.status, challengeError ?? 'invalid_client', undefined)
  }
  if (error instanceof oauth.OperationProcessingError || error instanceof oauth.UnsupportedOperationError) {
    const reason = error.message.replace(/^"response" /, '')
    return new AppError(
      'OAUTH2_TOKEN_RESPONSE_INVALID',
      `POST ${withoutQuery(tokenUrl)}: unusable token response (${status}): ${reason}`,
      { tokenUrl: withoutQuery(tokenUrl), reason, status },
    )
  }
  return error
}

function withoutQuery(url: string): string {
  const at = url.search(/[?#]/)
  return at === -1 ? url : url.slice(0, at)
}
