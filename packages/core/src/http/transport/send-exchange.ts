import type { Socket } from 'node:net'
import { performance } from 'node:perf_hooks'

import type { Dispatcher } from 'undici'

import { AppError } from '../../errors/index.js'
import type { HttpHeader, Timings, TransportRequest, TransportResponse } from '../types.js'
import type { ConnectionTracker } from './connection-timings.js'
import { createBodyDecoder, type BodyDecoder } from './decode-body.js'
import { encodeBody } from './encode-body.js'
import { rewriteRequestHead } from './rewrite-request-head.js'
import { withUrlCredentials } from './with-url-credentials.js'
import { redactUrl, toTransportError, type FaultContext } from './to-transport-error.js'

/** What one exchange needs besides the request. */
export interface ExchangeOptions {
  dispatcher: Dispatcher
  tracker: ConnectionTracker
  proxy: string | undefined
}

/**
 * Performs one hop on `dispatcher` with undici's dispatch API, which gives the reason phrase and the raw header
 * list (order, case, duplicates) that `undici.request` hides. Never follows redirects.
 * @example const response = await sendExchange(request, { dispatcher, tracker, proxy: undefined })
 */
export function sendExchange(
  request: TransportRequest,
  options: ExchangeOptions,
): Promise<TransportResponse> {
  const { method, settings, signal } = request
  const fault: FaultContext = {
    method,
    url: request.url,
    connectTimeoutMs: settings.connectTimeoutMs,
    ...(options.proxy === undefined ? {} : { proxy: options.proxy }),
  }
  if (signal?.aborted) return Promise.reject(signal.reason as Error)
  const { headers, body } = encodeBody(request.body, withUrlCredentials(request.url, request.headers))
  return new Promise<TransportResponse>((resolve, reject) => {
    const startedAt = performance.now()
    let controller: Dispatcher.DispatchController | undefined
    let decoder: BodyDecoder | undefined
    let settled = false
    let timer: NodeJS.Timeout | undefined
    let socket: Socket | undefined
    let connection: Pick<Timings, 'dnsMs' | 'connectMs' | 'tlsMs'> = {}
    let sentAt = startedAt
    let firstByteAt: number | undefined
    let endAt: number | undefined
    let status = 0
    let statusText = ''
    let rawHeaders: HttpHeader[] = []
    let bodyBytes = 0

    const finish = (): void => {
      settled = true
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
    }
    const fail = (error: Error): void => {
      if (settled) return
      finish()
      decoder?.destroy()
      if (controller !== undefined && !controller.aborted) controller.abort(error)
      reject(error)
    }
    // The caller's abort reason passes through untouched (an AbortError DOMException unless they gave one).
    const onAbort = (): void => {
      const reason: unknown = signal?.reason
      fail(reason instanceof Error ? reason : new Error(String(reason)))
    }
    signal?.addEventListener('abort', onAbort, { once: true })
    if (settings.timeoutMs > 0) {
      timer = setTimeout(() => {
        const { timeoutMs } = settings
        const message = `${method} ${redactUrl(request.url)}: no response within ${timeoutMs} ms`
        fail(
          new AppError('HTTP_TIMEOUT', message, {
            method,
            url: redactUrl(fault.url),
            timeoutMs,
            phase: 'response',
          }),
        )
      }, settings.timeoutMs)
    }

    const handler: Dispatcher.DispatchHandler = {
      onRequestStart(started) {
        controller = started
        if (settled) {
          started.abort(new Error('exchange already settled'))
          return
        }
        options.tracker.expectSocket((written) => {
          socket = written
          options.tracker.rewriteNextHead(written, (head) => rewriteRequestHead(head, headers, method))
          sentAt = performance.now()
          connection = options.tracker.takeTimings(written) ?? {}
        })
      },
      onResponseStarted() {
        firstByteAt ??= performance.now()
      },
      onResponseStart(started, statusCode, _parsed, statusMessage) {
        if (settled) return
        status = statusCode
        statusText = statusMessage ?? ''
        rawHeaders = toHeaderList(started.rawHeaders)
        const codings = rawHeaders
          .filter((h) => h.key.toLowerCase() === 'content-encoding')
          .map((h) => h.value)
        decoder = createBodyDecoder({
          codings,
          limitBytes: settings.maxResponseBytes > 0 ? settings.maxResponseBytes : Number.POSITIVE_INFINITY,
          onLimit: () => {
            const limitBytes = settings.maxResponseBytes
            const message = `${method} ${redactUrl(request.url)}: response body larger than ${limitBytes} bytes`
            fail(
              new AppError('HTTP_RESPONSE_TOO_LARGE', message, {
                method,
                url: redactUrl(fault.url),
                limitBytes,
              }),
            )
          },
          onError: (error) => fail(toTransportError(error, fault)),
          onDone: (decoded) => {
            if (settled) return
            finish()
            const response = respond(decoded)
            // With pipelining 1 undici frees the connection one event-loop turn after the response: it queues a
            // setImmediate once onResponseEnd returns. Queuing ours after it (hence the microtask) lets a follow-up
            // send reuse the connection instead of opening a second one.
            queueMicrotask(() => setImmediate(() => resolve(response)))
          },
        })
      },
      onResponseData(_controller, chunk) {
        if (settled) return
        bodyBytes += chunk.length
        decoder?.write(chunk)
      },
      onResponseEnd() {
        if (settled) return
        endAt = performance.now()
        decoder?.end()
      },
      onResponseError(_controller, error) {
        fail(toTransportError(error, fault))
      },
    }

    const respond = (decoded: Buffer): TransportResponse => {
      const doneAt = performance.now()
      const firstByte = firstByteAt ?? endAt ?? doneAt
      const last = endAt ?? doneAt
      const headersBytes = rawHeaders.reduce(
        (sum, h) => sum + Buffer.byteLength(h.key) + Buffer.byteLength(h.value) + 4,
        `HTTP/1.1 ${status} ${statusText}\r\n\r\n`.length,
      )
      return {
        status,
        statusText,
        // undici speaks HTTP/1.1 only (allowH2 is off) and does not expose the version the server answered with.
        httpVersion: '1.1',
        headers: rawHeaders,
        body: new Uint8Array(decoded.buffer, decoded.byteOffset, decoded.byteLength),
        timings: {
          ...connection,
          firstByteMs: Math.max(0, firstByte - sentAt),
          downloadMs: Math.max(0, last - firstByte),
          totalMs: doneAt - startedAt,
        },
        sizes: { headersBytes, bodyBytes, decodedBodyBytes: decoded.byteLength },
        ...(socket?.remoteAddress === undefined ? {} : { remoteAddress: socket.remoteAddress }),
      }
    }

    try {
      options.dispatcher.dispatch(
        {
          origin: new URL(request.url).origin,
          path: rawPath(request.url),
          method,
          headers: options.proxy === undefined ? flatten(headers) : groupByName(headers),
          body: body ?? null,
        },
        handler,
      )
    } catch (error) {
      fail(toTransportError(error, fault))
    }
  })
}

function flatten(headers: HttpHeader[]): string[] {
  return headers.flatMap((header) => [header.key, header.value])
}

// undici's ProxyAgent turns a header array into an object, keeping only the last of duplicates; an object whose
// values are arrays keeps them all (same-name headers end up next to each other). Single values stay strings:
// undici validates some headers (Connection: keep-alive) only as strings.
function groupByName(headers: HttpHeader[]): Record<string, string | string[]> {
  const grouped: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>
  for (const { key, value } of headers) {
    const existing = grouped[key]
    grouped[key] =
      existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value]
  }
  return grouped
}

function toHeaderList(raw: Dispatcher.DispatchController['rawHeaders']): HttpHeader[] {
  const list: HttpHeader[] = []
  if (!Array.isArray(raw)) return list
  const text = (item: Buffer | string): string => (typeof item === 'string' ? item : item.toString('latin1'))
  for (let i = 0; i + 1 < raw.length; i += 2) list.push({ key: text(raw[i]!), value: text(raw[i + 1]!) })
  return list
}

// The path exactly as prepared: WHATWG URL parsing would re-encode what Postman left alone (disableUrlEncoding).
function rawPath(url: string): string {
  const rest = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').replace(/#.*$/s, '')
  return rest === '' ? '/' : rest.startsWith('?') ? `/${rest}` : rest
}
