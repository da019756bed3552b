import type { AuthHandler } from './types.js'

/**
 * No auth: the request goes as it is (Postman's `noauth`, which also stops inheritance upstream).
 * @example noAuth().sign(request) // resolves to the same request
 */
export function noAuth(): AuthHandler {
  return { type: 'noauth', needsSession: false, sign: (request) => Promise.resolve(request) }
}
