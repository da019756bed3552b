import type { OAuth2Token } from './types.js'

/**
 * True when the token expires within `skewMs` (30 s by default) of `now`, so it is renewed before a request could
 * reach the server with it already dead. A token without `expiresAt` never expires by itself.
 * @example isExpired(token, clock.now()) // false until 30 s before expiresAt
 */
export function isExpired(token: Pick<OAuth2Token, 'expiresAt'>, now: Date, skewMs = 30_000): boolean {
  if (token.expiresAt === undefined) return false
  const expiresAt = Date.parse(token.expiresAt)
  return Number.isNaN(expiresAt) || expiresAt <= now.getTime() + skewMs
}
