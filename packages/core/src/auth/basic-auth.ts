import type { ResolvedAuth } from '../http/types.js'
import { readParams } from './internal/params.js'
import { setHeader } from './internal/request-edit.js'
import type { AuthHandler } from './types.js'

/**
 * HTTP Basic (RFC 7617): `Authorization: Basic base64(username:password)`, UTF-8. Empty username and password are
 * sent as they are, as Postman does.
 * @example basicAuth({ type: 'basic', params: { username: 'u', password: 'p' } }).sign(request)
 */
export function basicAuth(auth: ResolvedAuth): AuthHandler {
  const params = readParams(auth)
  const credentials = `${params.text('username')}:${params.text('password')}`
  const value = `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}`
  return {
    type: 'basic',
    needsSession: false,
    sign: (request) => Promise.resolve(setHeader(request, 'Authorization', value)),
  }
}
