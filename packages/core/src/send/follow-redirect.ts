import type { PreparedRequest, TransportResponse } from '../http/index.js'
import type { Exchange, SentRequest } from './exchange.js'

const redirectStatuses = new Set([301, 302, 303, 307, 308])

/** Tells whether a response asks to be followed: a redirect status with a Location header. */
export function isRedirect(response: TransportResponse): boolean {
  return redirectStatuses.has(response.status) && headerValue(response, 'location') !== undefined
}

/**
 * The request that follows a redirect, as Postman (postman-request) builds it: 307 and 308 (and any status with
 * `followOriginalHttpMethod`) keep the method and body; otherwise the body and its Content-Type / Content-Length go
 * and the method turns into GET (HEAD stays HEAD). When the host changes, a Host header the request set goes, and
 * so does Authorization unless `followAuthorizationHeader` (and a Cookie header the user wrote: the jar decides what
 * that host gets). A Referer names the previous URL (a Referer the request set takes that value, in its place)
 * unless `removeRefererHeaderOnRedirect`, which keeps a Referer the request set as it is.
 * @example const next = followRedirect(request, response)
 */
export function followRedirect(request: PreparedRequest, response: TransportResponse): PreparedRequest {
  const location = headerValue(response, 'location') ?? ''
  const from = new URL(request.url)
  const to = new URL(location, from)
  const { settings } = request
  const keepBody = response.status === 307 || response.status === 308 || settings.followOriginalHttpMethod
  const dropped = new Set<string>()
  if (!keepBody) for (const name of ['content-type', 'content-length', 'transfer-encoding']) dropped.add(name)
  if (to.hostname !== from.hostname) {
    dropped.add('host')
    dropped.add('cookie')
    if (!settings.followAuthorizationHeader) dropped.add('authorization')
  }
  const headers = request.headers.filter((header) => !dropped.has(header.key.toLowerCase()))
  if (!settings.removeRefererHeaderOnRedirect) {
    const index = headers.findIndex((header) => header.key.toLowerCase() === 'referer')
    const referer = { key: headers[index]?.key ?? 'Referer', value: from.href }
    if (index === -1) headers.push(referer)
    else headers.splice(index, 1, referer)
  }
  return {
    ...request,
    method: keepBody || request.method === 'HEAD' ? request.method : 'GET',
    url: to.href,
    headers,
    body: keepBody ? request.body : { type: 'none' },
  }
}

/**
 * The request as the item sent it, before the redirects that followed (after any auth challenge it answered): what
 * Newman reports as the request (its method and URL), where `exchange.request` is the last hop's.
 * @example originalRequest(exchange).method // 'DELETE' after a 302 turned it into a GET
 */
export function originalRequest(exchange: Exchange): SentRequest {
  const { hops } = exchange
  let first = hops.length - 1
  while (first > 0 && isRedirect(hops[first - 1]!.response)) first--
  return hops[first]?.request ?? exchange.request
}

function headerValue(response: TransportResponse, name: string): string | undefined {
  return response.headers.find((header) => header.key.toLowerCase() === name)?.value
}
