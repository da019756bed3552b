import { defaultRequestSettings } from '../../../http/types.js'
import type { HttpHeader, PreparedBody, Transport } from '../../../http/types.js'

/** What oauth4webapi hands its `customFetch`: a fetch-style request without a Request object. */
export interface FetchInit {
  method: string
  headers: Record<string, string>
  body?: unknown
  signal?: AbortSignal
}

// Statuses whose Response must have no body (the Fetch standard's "null body status").
const nullBodyStatuses = new Set([101, 103, 204, 205, 304])

/**
 * A fetch-like function over Courier's Transport, for oauth4webapi's `customFetch`: token requests then go through
 * the same engine as every other request (proxy, TLS settings), and transport faults (HTTP_TIMEOUT…) surface as
 * they are.
 */
export function transportFetch(
  transport: Transport,
  options: { timeoutMs: number },
): (url: string, init: FetchInit) => Promise<Response> {
  return async (url, init) => {
    const headers: HttpHeader[] = Object.entries(init.headers).map(([key, value]) => ({ key, value }))
    const response = await transport.send({
      method: init.method,
      url,
      headers,
      body: requestBody(init.body),
      settings: {
        strictSSL: defaultRequestSettings.strictSSL,
        insecureHTTPParser: defaultRequestSettings.insecureHTTPParser,
        timeoutMs: options.timeoutMs,
        connectTimeoutMs: defaultRequestSettings.connectTimeoutMs,
        maxResponseBytes: defaultRequestSettings.maxResponseBytes,
      },
      ...(init.signal === undefined ? {} : { signal: init.signal }),
    })
    const responseHeaders = new Headers()
    for (const header of response.headers) {
      try {
        responseHeaders.append(header.key, header.value)
      } catch {
        // A header value fetch's Headers refuses (obs-text, stray CR) is not one a token response depends on.
      }
    }
    return new Response(nullBodyStatuses.has(response.status) ? null : new Uint8Array(response.body), {
      status: response.status,
      statusText: response.statusText,
      headers: responseHeaders,
    })
  }
}

function requestBody(body: unknown): PreparedBody {
  if (body === undefined || body === null) return { type: 'none' }
  if (typeof body === 'string') return { type: 'text', text: body }
  if (body instanceof URLSearchParams) return { type: 'text', text: body.toString() }
  if (body instanceof Uint8Array) return { type: 'bytes', bytes: body }
  throw new TypeError('token endpoint request body must be a string, URLSearchParams or bytes')
}
