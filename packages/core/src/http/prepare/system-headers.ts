import type { HttpHeader } from '../types.js'
import { hasHeader } from './build-headers.js'

/**
 * The headers Newman sends on every request unless the request sets them or Postman's `disabledSystemHeaders`
 * switches them off, in the order Newman adds them (postman-runtime `requester/core.js`: User-Agent, Accept,
 * Cache-Control; postman-request: Accept-Encoding for its `gzip` option, Connection for keep-alive). `Host` and
 * `Content-Length` are the transport's; `Postman-Token` is not sent. `User-Agent` is filled in from the options.
 */
export const SYSTEM_HEADER_DEFAULTS: readonly HttpHeader[] = Object.freeze([
  { key: 'User-Agent', value: 'Courier' },
  { key: 'Accept', value: '*/*' },
  { key: 'Cache-Control', value: 'no-cache' },
  { key: 'Accept-Encoding', value: 'gzip, deflate, br' },
  { key: 'Connection', value: 'keep-alive' },
])

/** Options for {@link withSystemHeaders}. */
export interface SystemHeadersOptions {
  /** The `User-Agent` value, such as `Courier/1.2.0`. Default `Courier`. */
  userAgent?: string
  /** Lower-case names switched off (`protocolProfileBehavior.disabledSystemHeaders`). */
  disabled: Readonly<Record<string, boolean>>
}

/**
 * Appends the system headers the request lacks to its own headers (a user header of the same name, in any case,
 * wins, as `ensureHeaderExists` does in postman-runtime).
 * @example withSystemHeaders([], { disabled: { connection: true } }).map((h) => h.key) // ['User-Agent', 'Accept', …]
 */
export function withSystemHeaders(
  headers: readonly HttpHeader[],
  options: SystemHeadersOptions,
): HttpHeader[] {
  const out = [...headers]
  for (const header of SYSTEM_HEADER_DEFAULTS) {
    if (options.disabled[header.key.toLowerCase()] === true || hasHeader(out, header.key)) continue
    out.push(
      header.key === 'User-Agent'
        ? { key: header.key, value: options.userAgent ?? 'Courier' }
        : { ...header },
    )
  }
  return out
}
