import type { Collection, Item, RequestObject } from '../../collection/index.js'
import { isAppError } from '../../errors/index.js'
import type { CookieRecord, CookieStore } from '../../http/index.js'
import { prepareRequest } from '../../http/index.js'
import type { ScriptHost, ScriptResponse, ScriptSendRequest } from '../../sandbox/index.js'
import { sendRequest, type Exchange } from '../../send/index.js'
import type { ScriptRequestEvent } from '../types.js'
import type { ItemContext } from './item-context.js'
import { tallyResponse } from './run-tally.js'

/** A `pm.sendRequest` as the host saw it, before the runner knows which script event it belongs to. */
export type SentByScript = Omit<ScriptRequestEvent, 'type' | 'iteration' | 'item' | 'event' | 'owner'>

// Postman sends a script's request on its own: no collection or folder auth, variables or settings inherited.
const bare: Collection = {
  info: {
    name: 'pm.sendRequest',
    schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
  },
  item: [],
}
// Postman resolves no {{variables}} in pm.sendRequest, not even {{$guid}} (postman-app-support#3929, #6467).
const noDynamicVariables = { resolve: () => undefined }

/**
 * What the scripts of one request may ask of the runner: `pm.sendRequest` through the one send pipeline (the run's
 * transport, cookie jar and settings), counted as Newman counts them (a request, and a failure when it cannot be
 * sent), and `pm.cookies.jar()` on the run's jar.
 */
export function createScriptHost(
  ctx: ItemContext,
  jar: NonNullable<ScriptHost['cookies']>,
  onSent: (sent: SentByScript) => void,
): ScriptHost {
  const { options, tally, iteration, ref } = ctx
  return {
    async sendRequest(request, { signal }) {
      tally.stats.requests.total++
      let shape = { method: request.method, url: request.url, headers: request.header }
      try {
        const prepared = await prepareRequest(
          { collection: bare, item: itemOf(request), folders: [] },
          {
            scopes: {},
            files: options.files,
            dynamic: noDynamicVariables,
            ...(options.settings === undefined ? {} : { settings: options.settings }),
            ...(options.userAgent === undefined ? {} : { userAgent: options.userAgent }),
            unresolvedVariables: 'keep',
          },
        )
        const { method, url, headers } = prepared.request
        shape = { method, url, headers }
        const exchange = await sendRequest(prepared, {
          transport: options.transport,
          cookies: ctx.cookies,
          authorize: {
            context: { clock: options.clock, random: options.random, files: options.files },
          },
          clock: options.clock,
          signal: options.signal === undefined ? signal : AbortSignal.any([signal, options.signal]),
        })
        tallyResponse(tally, exchange.totalMs, exchange.response.sizes.bodyBytes)
        const { response } = exchange
        onSent({
          request: shape,
          response: {
            code: response.status,
            status: response.statusText,
            headers: response.headers,
            responseTime: exchange.totalMs,
            responseSize: response.sizes.bodyBytes,
          },
        })
        return { response: scriptResponseOf(exchange), cookies: await ctx.cookies.list(exchange.request.url) }
      } catch (caught) {
        // Aborted because the script ended first (its time limit): the script's failure says it all.
        if (!isAppError(caught) || signal.aborted) throw caught
        onSent({ request: shape, error: { code: caught.code, message: caught.message } })
        tally.stats.requests.failed++
        tally.failures.push({
          iteration,
          item: ref,
          kind: 'request',
          name: caught.code,
          message: caught.message,
        })
        throw caught
      }
    },
    cookies: jar,
  }
}

function itemOf(request: ScriptSendRequest): Item {
  // ScriptSendRequest is a subset of Postman's request format (checked at the bridge, sandbox/internal/call-host.ts).
  const requestObject = {
    url: request.url,
    method: request.method,
    header: request.header.map((entry) => ({ key: entry.key, value: entry.value })),
    ...(request.body === undefined ? {} : { body: request.body }),
    ...(request.auth === undefined ? {} : { auth: request.auth }),
  } as RequestObject
  return {
    name: 'pm.sendRequest',
    request: requestObject,
    // A script may send a body with any method (postman-runtime does the same for script requests).
    protocolProfileBehavior: { disableBodyPruning: true },
  }
}

/** The response as scripts see it: the body as UTF-8 text. */
export function scriptResponseOf(exchange: Exchange): ScriptResponse {
  const { response } = exchange
  return {
    code: response.status,
    status: response.statusText,
    headers: response.headers,
    body: new TextDecoder().decode(response.body),
    responseTime: exchange.totalMs,
    responseSize: response.sizes.bodyBytes,
  }
}

/**
 * `pm.cookies` after a response: the jar's cookies for the request's URL. Asked only when the exchange could have
 * left any (a Cookie header from the jar went out, a Set-Cookie came back, or the request bypassed the jar), so
 * a run without cookies pays no lookup.
 */
export async function cookiesAfter(exchange: Exchange, jar: CookieStore): Promise<CookieRecord[]> {
  const hasHeader = (headers: { key: string }[], name: string) =>
    headers.some((h) => h.key.toLowerCase() === name)
  const touched =
    hasHeader(exchange.request.headers, 'cookie') ||
    exchange.hops.some((hop) => hasHeader(hop.response.headers, 'set-cookie'))
  return touched ? jar.list(exchange.request.url) : []
}
