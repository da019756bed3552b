import { AppError, isAppError } from '../../errors/index.js'
import type { OAuth2Config } from './parse-oauth2-config.js'
import {
  processTokenResponse,
  tokenEndpoint,
  tokenRequest,
  type OAuth2GrantOptions,
} from './token-request.js'
import type { OAuth2Token } from './types.js'

/**
 * Refreshes a token (RFC 6749 §6) at the block's refresh token URL, or its access token URL. Keeps the old refresh
 * token when the response has none (GoTo sends one only when the old one expires) and moves `expiresAt` by the new
 * `expires_in`. Throws OAUTH2_REFRESH_FAILED when the server refuses or answers nonsense; transport faults
 * (HTTP_TIMEOUT…) pass through.
 * @example const fresh = await refreshToken(stored, config, { transport, clock, random })
 */
export async function refreshToken(
  token: OAuth2Token,
  config: OAuth2Config,
  options: OAuth2GrantOptions,
): Promise<OAuth2Token> {
  const tokenUrl = tokenEndpoint(config, 'refresh_token')
  if (token.refreshToken === undefined) {
    throw new AppError(
      'OAUTH2_REFRESH_FAILED',
      `OAuth 2.0 token ${JSON.stringify(token.name)} has no refresh token`,
      {
        name: token.name,
        tokenUrl,
        error: 'no_refresh_token',
      },
    )
  }
  try {
    const response = await tokenRequest(
      config,
      { type: 'refresh_token', refreshToken: token.refreshToken },
      options,
    )
    return await processTokenResponse(response, {
      config,
      grant: 'refresh_token',
      now: options.clock.now(),
      previous: token,
    })
  } catch (error) {
    if (isAppError(error, 'OAUTH2_TOKEN_REJECTED') || isAppError(error, 'OAUTH2_TOKEN_RESPONSE_INVALID')) {
      const reason = isAppError(error, 'OAUTH2_TOKEN_REJECTED') ? error.details.error : error.details.reason
      throw new AppError(
        'OAUTH2_REFRESH_FAILED',
        `OAuth 2.0 token ${JSON.stringify(token.name)}: refresh failed: ${error.message}`,
        { name: token.name, tokenUrl: error.details.tokenUrl, error: reason },
        { cause: error },
      )
    }
    throw error
  }
}
