import type { PreparedRequest, TransportResponse } from '../http/index.js'

const redirectStatuses = new Set([301, 302, 303, 307, 308])

/** Tells whether a response asks to be followed: a redirect status with a Location header. */
export function isRedirect(response: TransportResponse): boolean {
  return redirectStatuses.has(response.status) && headerValue(response, 'location') !== undefined
}

/**
 * The request that follows a redirect, as Postman (postman-request) builds it: 307 and 308 keep the method and
 * body; 301, 302 and 303 turn into a body-less GET unless `followOriginalHttpMethod`; the Authorization header is
 * dropped when the host changes unless `followAuthorizationHeader` (a Cookie header the user wrote always is); a Referer names the previous URL unless
 * `removeRefererHeaderOnRedirect`.
 * @example const next = followRedirect(request, response)
 */
export function followRedirect(request: PreparedRequest, response: TransportResponse): PreparedRequest {
  const location = headerValue(response, 'location') ?? ''
  const from = new URL(request.url)
  const to = new URL(location, from)
  const { settings } = request
  const keepMethod =
    response.status === 307 ||
    response.status === 308 ||
    settings.followOriginalHttpMethod ||
    request.method === 'GET' ||
    request.method === 'HEAD'
  const dropped = new Set<string>(['host', 'referer'])
  if (!keepMethod)
    for (const name of ['content-type', 'content-length', 'transfer-encoding']) dropped.add(name)
  const crossHost = to.hostname !== from.hostname
  // A Cookie header the user wrote never follows to another host; the jar decides what that host gets.
  if (crossHost) dropped.add('cookie')
  if (crossHost && !settings.followAuthorizationHeader) dropped.add('authorization')
  const headers = request.headers.filter((header) => !dropped.has(header.key.toLowerCase()))
  if (!settings.removeRefererHeaderOnRedirect) headers.push({ key: 'Referer', value: from.href })
  return {
    ...request,
    method: keepMethod ? request.method : 'GET',
    url: to.href,
    headers,
    body: keepMethod ? request.body : { type: 'none' },
  }
}

function headerValue(response: TransportResponse, name: string): string | undefined {
  return response.headers.find((header) => header.key.toLowerCase() === name)?.value
}
