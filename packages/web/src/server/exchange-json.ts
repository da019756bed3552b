// An exchange as the response pane reads it (docs/ui-api.md `POST /api/send`): the request as sent, the response
// with its body as text (or base64 when it is not UTF-8), timings and sizes.
import type { Exchange, PreparedBody } from '@courier/core'

/** The response of a send, as JSON. */
export interface ExchangeJson {
  request: { method: string; url: string; headers: { key: string; value: string }[]; body?: unknown }
  response: {
    status: number
    statusText: string
    httpVersion: string
    headers: { key: string; value: string }[]
    /** The body as UTF-8 text; empty when it is not text (see `bodyBase64`). */
    body: string
    bodyBase64?: string
    timings: Exchange['response']['timings']
    sizes: Exchange['response']['sizes']
  }
  hops: { method: string; url: string; status: number }[]
  totalMs: number
}

/**
 * Turns an exchange into JSON for the UI.
 * @example exchangeJson(redactExchange(exchange, secrets)).response.status // 200
 */
export function exchangeJson(exchange: Exchange): ExchangeJson {
  const { request, response } = exchange
  const body = requestBodyJson(request.body)
  return {
    request: {
      method: request.method,
      url: request.url,
      headers: request.headers,
      ...(body === undefined ? {} : { body }),
    },
    response: {
      status: response.status,
      statusText: response.statusText,
      httpVersion: response.httpVersion,
      headers: response.headers,
      ...bodyText(response.body),
      timings: response.timings,
      sizes: response.sizes,
    },
    hops: exchange.hops.map((hop) => ({
      method: hop.request.method,
      url: hop.request.url,
      status: hop.response.status,
    })),
    totalMs: exchange.totalMs,
  }
}

/**
 * A body as text when it is UTF-8, else as base64.
 * @example bodyText(new TextEncoder().encode('hi')) // { body: 'hi' }
 */
export function bodyText(bytes: Uint8Array): { body: string; bodyBase64?: string } {
  try {
    return { body: new TextDecoder('utf-8', { fatal: true }).decode(bytes) }
  } catch {
    return { body: '', bodyBase64: Buffer.from(bytes).toString('base64') }
  }
}

function requestBodyJson(body: PreparedBody): unknown {
  switch (body.type) {
    case 'none':
      return undefined
    case 'text':
      return body.text
    case 'bytes':
      return { bytes: body.bytes.length }
    case 'multipart':
      return body.parts.map((part) =>
        part.type === 'text'
          ? { name: part.name, value: part.value }
          : { name: part.name, file: part.fileName, bytes: part.bytes.length },
      )
  }
}
