import type { ResolvedAuth } from '../http/types.js'
import { readParams } from './internal/params.js'
import { setHeader } from './internal/request-edit.js'
import type { AuthHandler } from './types.js'

/**
 * Bearer token (RFC 6750 §2.1): `Authorization: Bearer <token>`. AUTH_INVALID when `token` is empty.
 * @example bearerAuth({ type: 'bearer', params: { token: 'abc' } }).sign(request)
 */
export function bearerAuth(auth: ResolvedAuth): AuthHandler {
  const token = readParams(auth).required('token')
  return {
    type: 'bearer',
    needsSession: false,
    sign: (request) => Promise.resolve(setHeader(request, 'Authorization', `Bearer ${token}`)),
  }
}
