import { AppError, isAppError } from '../../errors/index.js'
import type { PreparedRequest, ResolvedAuth } from '../../http/types.js'
import { setHeader, setQueryParams } from '../internal/request-edit.js'
import type { AuthContext, AuthHandler } from '../types.js'
import { isExpired } from './is-expired.js'
import { obtainToken } from './obtain-token.js'
import { parseOAuth2Config, type OAuth2Config } from './parse-oauth2-config.js'
import { refreshToken } from './refresh-token.js'
import { tokenGrantInfo, type OAuth2GrantOptions } from './token-request.js'
import type { OAuth2Token } from './types.js'

/**
 * OAuth 2.0 with its token lifecycle, for a block with a grant type and a `context.oauth2`. `sign` uses the stored
 * token of the block's Token Name, refreshing it when it expires within 30 s; without one it obtains a token for
 * client credentials and password grants, or from a `refreshToken` param (CI), else uses the block's saved
 * `accessToken` (as Newman would), else asks the user when `context.oauth2.interactive` allows it, else throws
 * OAUTH2_TOKEN_MISSING. `respond` answers one 401 per request with a renewed token.
 * @example const handler = createOAuth2Handler(auth, { clock, random, files, oauth2: { tokens, transport } })
 */
export function createOAuth2Handler(auth: ResolvedAuth, context: AuthContext): AuthHandler {
  const oauth2 = context.oauth2
  if (oauth2 === undefined) throw new TypeError('createOAuth2Handler needs context.oauth2')
  const config = parseOAuth2Config(auth.params)
  const { tokens } = oauth2
  const options: OAuth2GrantOptions = {
    transport: oauth2.transport,
    clock: context.clock,
    random: context.random,
    ...(oauth2.receiver !== undefined && oauth2.interactive === true ? { receiver: oauth2.receiver } : {}),
  }
  const nonInteractive =
    config.grantType === 'client_credentials' || config.grantType === 'password_credentials'
  // Per-request state: the token this request was signed with, and whether its one retry was spent.
  let used: string | undefined
  let retried = false

  const save = async (token: OAuth2Token): Promise<OAuth2Token> => {
    await tokens.put(token)
    return token
  }
  const renew = async (token: OAuth2Token): Promise<OAuth2Token> => {
    try {
      return await save(await refreshToken(token, config, options))
    } catch (error) {
      // A client credentials or password token can always be obtained anew.
      if (nonInteractive && isAppError(error, 'OAUTH2_REFRESH_FAILED'))
        return save(await obtainToken(config, options))
      throw error
    }
  }

  const accessToken = async (): Promise<string> => {
    if (config.grantType === undefined) return config.accessToken ?? ''
    const stored = await tokens.get(config.tokenName)
    if (stored !== undefined && !isExpired(stored, context.clock.now())) return stored.accessToken
    if (stored?.refreshToken !== undefined) return (await renew(stored)).accessToken
    if (nonInteractive) return (await save(await obtainToken(config, options))).accessToken
    if (config.refreshToken !== undefined)
      return (await renew(seedToken(config, context.clock.now()))).accessToken
    if (stored === undefined && config.accessToken !== undefined) return config.accessToken
    if (options.receiver !== undefined) return (await save(await obtainToken(config, options))).accessToken
    throw new AppError(
      'OAUTH2_TOKEN_MISSING',
      `OAuth 2.0 token ${JSON.stringify(config.tokenName)} ${stored === undefined ? 'is not there' : `expired at ${stored.expiresAt ?? '?'} and has no refresh token`}; the ${config.grantType} grant needs the user`,
      { name: config.tokenName, grantType: config.grantType },
    )
  }

  return {
    type: 'oauth2',
    needsSession: false,
    async sign(request) {
      used = await accessToken()
      return addToken(request, used, config)
    },
    async respond(request, response) {
      if (response.status !== 401 || retried || config.grantType === undefined) return undefined
      retried = true
      const stored = await tokens.get(config.tokenName)
      let next: OAuth2Token
      if (stored !== undefined && stored.accessToken !== used && !isExpired(stored, context.clock.now())) {
        next = stored // renewed meanwhile by another request
      } else if (stored?.refreshToken !== undefined) {
        next = await renew(stored)
      } else if (nonInteractive) {
        next = await save(await obtainToken(config, options))
      } else {
        return undefined
      }
      used = next.accessToken
      return addToken(request, next.accessToken, config)
    },
  }
}

function addToken(request: PreparedRequest, token: string, config: OAuth2Config): PreparedRequest {
  // RFC 6750 §2.1 (header) and §2.3 (query), as Postman's addTokenTo.
  return config.addTokenTo === 'header'
    ? setHeader(
        request,
        'Authorization',
        config.headerPrefix === '' ? token : `${config.headerPrefix} ${token}`,
      )
    : setQueryParams(request, [['access_token', token]])
}

// A refresh token given in the block (CI), shaped as an expired token so the refresh path can renew it.
function seedToken(config: OAuth2Config, now: Date): OAuth2Token {
  return {
    name: config.tokenName,
    accessToken: '',
    tokenType: 'Bearer',
    ...(config.refreshToken === undefined ? {} : { refreshToken: config.refreshToken }),
    expiresAt: new Date(0).toISOString(),
    obtainedAt: now.toISOString(),
    fields: {},
    grant: tokenGrantInfo(config),
  }
}
