import type { ResolvedAuth } from '../http/types.js'
import { readParams } from './internal/params.js'
import { setHeader, setQueryParams } from './internal/request-edit.js'
import type { AuthHandler } from './types.js'

/**
 * Postman's API key: `key` and `value` added as a header (`in: header`, the default) or a query param
 * (`in: query`), replacing one of the same name.
 * @example apiKeyAuth({ type: 'apikey', params: { key: 'X-Api-Key', value: 'k', in: 'query' } }).sign(request)
 */
export function apiKeyAuth(auth: ResolvedAuth): AuthHandler {
  const params = readParams(auth)
  const key = params.required('key')
  const value = params.text('value')
  const placement = params.text('in', 'header')
  if (placement !== 'header' && placement !== 'query') throw params.invalid(`"in" must be header or query`)
  return {
    type: 'apikey',
    needsSession: false,
    sign: (request) =>
      Promise.resolve(
        placement === 'header' ? setHeader(request, key, value) : setQueryParams(request, [[key, value]]),
      ),
  }
}
