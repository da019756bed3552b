import type { ResolvedAuth } from '../http/types.js'
import { readParams } from './internal/params.js'
import { setHeader, setQueryParams } from './internal/request-edit.js'
import type { AuthHandler } from './types.js'

/**
 * OAuth 2.0 with a token already at hand (what imported collections carry): `accessToken` sent as
 * `Authorization: <headerPrefix> <token>` (`Bearer` by default) or, when `addTokenTo` is `queryParams`, as the
 * `access_token` query param (RFC 6750 §2.3). Getting and refreshing tokens is a separate step.
 * @example oauth2TokenAuth({ type: 'oauth2', params: { accessToken: 't', addTokenTo: 'header' } }).sign(request)
 */
export function oauth2TokenAuth(auth: ResolvedAuth): AuthHandler {
  const params = readParams(auth)
  const token = params.required('accessToken')
  const addTokenTo = params.text('addTokenTo', 'header')
  if (addTokenTo !== 'header' && addTokenTo !== 'queryParams') {
    throw params.invalid('addTokenTo must be header or queryParams')
  }
  const prefix = params.text('headerPrefix', 'Bearer').trim()
  return {
    type: 'oauth2',
    needsSession: false,
    sign: (request) =>
      Promise.resolve(
        addTokenTo === 'header'
          ? setHeader(request, 'Authorization', prefix === '' ? token : `${prefix} ${token}`)
          : setQueryParams(request, [['access_token', token]]),
      ),
  }
}
