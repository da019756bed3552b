import { createHash, createHmac } from 'node:crypto'
import type { PreparedRequest, ResolvedAuth } from '../http/types.js'
import { readParams } from './internal/params.js'
import { bodyBytes, getHeader, requestTarget, setHeader } from './internal/request-edit.js'
import type { AuthContext, AuthHandler } from './types.js'

/** What one EdgeGrid `Authorization` value is computed from. */
export interface EdgeGridInput {
  clientToken: string
  accessToken: string
  clientSecret: string
  /** `yyyyMMddTHH:mm:ss+0000`. */
  timestamp: string
  nonce: string
  /** Host to sign instead of the URL's (Postman's `baseURL`). */
  host?: string | undefined
  headersToSign?: readonly string[]
  /** Body bytes hashed for POST requests (up to `maxBodyBytes`, 131072 by default). */
  maxBodyBytes?: number
}

/**
 * The Akamai EdgeGrid `EG1-HMAC-SHA256` Authorization value for a request.
 * @example edgeGridHeader(request, { clientToken, accessToken, clientSecret, timestamp: '20140321T19:34:21+0000', nonce })
 */
export function edgeGridHeader(
  request: Pick<PreparedRequest, 'method' | 'url' | 'headers' | 'body'>,
  input: EdgeGridInput,
): string {
  const url = new URL(request.url)
  const header =
    `EG1-HMAC-SHA256 client_token=${input.clientToken};access_token=${input.accessToken};` +
    `timestamp=${input.timestamp};nonce=${input.nonce};`
  const canonicalHeaders = (input.headersToSign ?? [])
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '')
    .flatMap((name) => {
      const value = getHeader(request, name)
      return value === undefined || value === '' ? [] : [`${name}:${value.trim().replace(/\s+/g, ' ')}`]
    })
    .join('\t')
  const body = request.method.toUpperCase() === 'POST' ? bodyBytes(request.body) : undefined
  const contentHash =
    body === undefined || body.length === 0
      ? ''
      : createHash('sha256')
          .update(body.subarray(0, input.maxBodyBytes ?? 131_072))
          .digest('base64')
  const data = [
    request.method.toUpperCase(),
    url.protocol.slice(0, -1),
    input.host ?? url.host,
    requestTarget(request.url),
    canonicalHeaders,
    contentHash,
    header,
  ].join('\t')
  const signingKey = hmac(input.clientSecret, input.timestamp)
  return `${header}signature=${hmac(signingKey, data)}`
}

/**
 * Akamai EdgeGrid with Postman's params: `accessToken`, `clientToken`, `clientSecret`, `nonce`, `timestamp`,
 * `baseURL`, `headersToSign` (comma-separated), `maxBodySize`/`maxBodyBytes`. Nonce and timestamp come from the
 * context when not given.
 * @example edgeGridAuth({ type: 'edgegrid', params: { accessToken, clientToken, clientSecret } }, context)
 */
export function edgeGridAuth(auth: ResolvedAuth, context: AuthContext): AuthHandler {
  const params = readParams(auth)
  const clientToken = params.required('clientToken')
  const accessToken = params.required('accessToken')
  const clientSecret = params.required('clientSecret')
  const maxBody = Number(params.optional('maxBodySize') ?? params.optional('maxBodyBytes') ?? 131_072)
  if (!Number.isInteger(maxBody) || maxBody < 0) throw params.invalid('maxBodySize must be a whole number')
  const baseUrl = params.optional('baseURL')
  const host =
    baseUrl === undefined
      ? undefined
      : new URL(/^[a-z]+:\/\//i.test(baseUrl) ? baseUrl : `https://${baseUrl}`).host
  return {
    type: 'edgegrid',
    needsSession: false,
    sign(request) {
      const value = edgeGridHeader(request, {
        clientToken,
        accessToken,
        clientSecret,
        timestamp: params.optional('timestamp') ?? edgeGridTimestamp(context.clock.now()),
        nonce: params.optional('nonce') ?? uuid(context.random.bytes(16)),
        host,
        headersToSign: params.text('headersToSign').split(','),
        maxBodyBytes: maxBody,
      })
      return Promise.resolve(setHeader(request, 'Authorization', value))
    },
  }
}

function edgeGridTimestamp(date: Date): string {
  return date
    .toISOString()
    .replace(/-/g, '')
    .replace(/\.\d+Z$/, '+0000')
}

/** A version 4 UUID from 16 random bytes (RFC 9562 §5.4). */
function uuid(bytes: Uint8Array): string {
  const b = Uint8Array.from(bytes)
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80
  const hex = Buffer.from(b).toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

function hmac(key: string, data: string): string {
  return createHmac('sha256', key).update(data).digest('base64')
}
