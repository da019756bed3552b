import { createAuthHandler, type AuthContext, type CreateAuthHandler } from '../auth/index.js'
import { AppError } from '../errors/index.js'
import type {
  CookieStore,
  PreparedRequest,
  ResolvedAuth,
  Transport,
  TransportRequest,
  TransportSession,
} from '../http/index.js'
import type { Clock } from '../ports/index.js'
import { systemClock } from '../ports/index.js'
import type { Exchange, Hop, SentRequest } from './exchange.js'
import { followRedirect, isRedirect } from './follow-redirect.js'

/** Challenges one request may answer (NTLM needs two round trips; digest one). */
const maxAuthRounds = 3

/** What {@link sendRequest} needs: the ports and, when the request carries auth, how to sign it. */
export interface SendRequestOptions {
  transport: Transport
  /** Cookies are sent and stored here unless the request disables them; none without a jar. */
  cookies?: CookieStore
  /**
   * What the request's auth may use (a clock, files, the OAuth 2.0 token store…); without it, the request goes
   * unsigned. `createHandler` replaces core's `createAuthHandler` (tests).
   */
  authorize?: { context: AuthContext; createHandler?: CreateAuthHandler }
  clock?: Clock
  signal?: AbortSignal
}

/** A prepared request and its auth, as `prepareRequest` returns them. */
export interface SendInput {
  request: PreparedRequest
  auth?: ResolvedAuth | undefined
}

/**
 * Sends a prepared request the one way Courier sends anything: sign it, add cookies, send it, store cookies,
 * answer auth challenges, follow redirects as the request's settings say. HTTP statuses are outcomes, not
 * errors; network faults throw AppError HTTP_* codes.
 * @example const exchange = await sendRequest(await prepareRequest(target, options), { transport })
 */
export async function sendRequest(input: SendInput, options: SendRequestOptions): Promise<Exchange> {
  const clock = options.clock ?? systemClock
  const started = clock.now().getTime()
  const handler =
    input.auth === undefined || options.authorize === undefined
      ? undefined
      : (options.authorize.createHandler ?? createAuthHandler)(input.auth, options.authorize.context)
  const session: TransportSession | undefined = handler?.needsSession
    ? options.transport.session()
    : undefined
  const channel = session ?? options.transport
  const hops: Hop[] = []
  try {
    let request = handler === undefined ? input.request : await handler.sign(input.request)
    let redirects = 0
    let authRounds = 0
    for (;;) {
      const sent = await withCookies(request, options.cookies)
      const response = await channel.send(toTransportRequest(sent, request.settings, options.signal))
      hops.push({ request: sent, response })
      if (options.cookies !== undefined && !request.settings.disableCookies) {
        const setCookie = response.headers
          .filter((h) => h.key.toLowerCase() === 'set-cookie')
          .map((h) => h.value)
        if (setCookie.length > 0) await options.cookies.setCookies(sent.url, setCookie)
      }
      const answer =
        handler?.respond !== undefined && authRounds < maxAuthRounds
          ? await handler.respond(request, response)
          : undefined
      if (answer !== undefined) {
        authRounds++
        request = answer
        continue
      }
      if (request.settings.followRedirects && isRedirect(response)) {
        if (redirects >= request.settings.maxRedirects) {
          const { maxRedirects } = request.settings
          throw new AppError(
            'HTTP_TOO_MANY_REDIRECTS',
            `${input.request.method} ${input.request.url}: more than ${maxRedirects} redirects`,
            { method: input.request.method, url: input.request.url, maxRedirects },
          )
        }
        redirects++
        request = followRedirect(request, response)
        continue
      }
      return { request: sent, response, hops, totalMs: clock.now().getTime() - started }
    }
  } finally {
    await session?.close()
  }
}

async function withCookies(request: PreparedRequest, cookies: CookieStore | undefined): Promise<SentRequest> {
  const { method, url, headers, body } = request
  if (cookies === undefined || request.settings.disableCookies) return { method, url, headers, body }
  const fromJar = await cookies.cookieHeader(url)
  if (fromJar === undefined) return { method, url, headers, body }
  // A Cookie header the user wrote stays first; the jar's cookies follow it, as Postman merges them.
  const own = headers.find((header) => header.key.toLowerCase() === 'cookie')
  const merged = own === undefined ? fromJar : `${own.value}; ${fromJar}`
  return {
    method,
    url,
    headers: [...headers.filter((header) => header !== own), { key: own?.key ?? 'Cookie', value: merged }],
    body,
  }
}

function toTransportRequest(
  sent: SentRequest,
  settings: PreparedRequest['settings'],
  signal: AbortSignal | undefined,
): TransportRequest {
  const { strictSSL, insecureHTTPParser, timeoutMs, connectTimeoutMs, maxResponseBytes } = settings
  return {
    ...sent,
    settings: { strictSSL, insecureHTTPParser, timeoutMs, connectTimeoutMs, maxResponseBytes },
    ...(signal === undefined ? {} : { signal }),
  }
}
