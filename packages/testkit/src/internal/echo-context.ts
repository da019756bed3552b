import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'
import type { DigestVerifier } from '../digest-auth.js'
import { parseParams, type EchoParams } from './parse-echo-body.js'

/** Everything a route handler needs about one request. */
export interface EchoContext {
  req: IncomingMessage
  res: ServerResponse
  protocol: 'http' | 'https'
  /** The `Host` header, or the listening address when a client sent none. */
  host: string
  /** The path without the query. */
  path: string
  /** The query string without `?` (empty when absent). */
  query: string
  args: EchoParams
  /** The full URL as postman-echo reports it: the request target is kept verbatim, unnormalized. */
  url: string
  body: Buffer
  nowMs: () => number
  maxDelaySeconds: number
  digest: DigestVerifier
  /** Timers of delayed answers, cleared when the server closes. */
  timers: Set<NodeJS.Timeout>
}

/** Builds the context of a request whose body has been read. */
export function createEchoContext(
  req: IncomingMessage,
  res: ServerResponse,
  shared: Pick<EchoContext, 'protocol' | 'body' | 'nowMs' | 'maxDelaySeconds' | 'digest' | 'timers'> & {
    fallbackHost: string
  },
): EchoContext {
  const target = req.url ?? '/'
  const queryStart = target.indexOf('?')
  const query = queryStart === -1 ? '' : target.slice(queryStart + 1)
  const host = req.headers.host ?? shared.fallbackHost
  const { fallbackHost: _, ...rest } = shared
  return {
    ...rest,
    req,
    res,
    host,
    path: queryStart === -1 ? target : target.slice(0, queryStart),
    query,
    args: parseParams(query),
    url: `${shared.protocol}://${host}${target}`,
  }
}

/** Sends `value` as postman-echo does: JSON with `charset=utf-8`. */
export function sendJson(
  ctx: EchoContext,
  status: number,
  value: unknown,
  headers: OutgoingHttpHeaders = {},
): void {
  const body = JSON.stringify(value)
  // A Content-Type among `headers` (in any case: /response-headers?Content-Type=…) replaces the JSON one.
  const typed = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')
  ctx.res.writeHead(status, {
    ...(typed ? {} : { 'content-type': 'application/json; charset=utf-8' }),
    ...headers,
    'content-length': Buffer.byteLength(body),
  })
  ctx.res.end(body)
}

/** Sends a text body with the given media type. */
export function sendText(
  ctx: EchoContext,
  status: number,
  text: string,
  headers: OutgoingHttpHeaders = { 'content-type': 'text/plain; charset=utf-8' },
): void {
  ctx.res.writeHead(status, { ...headers, 'content-length': Buffer.byteLength(text) })
  ctx.res.end(text)
}
