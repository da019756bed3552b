// An exchange as JSON, one shape for every face: `courier send --json` prints it and the UI's Send answers with it
// (docs/ui-api.md). Bodies are text when they are UTF-8, else base64, and say which.
import type { PreparedBody } from '../http/index.js'
import type { Exchange } from './exchange.js'

/** A body as JSON carries it: UTF-8 text, or base64 when the bytes are not UTF-8. */
export interface BodyJson {
  body: string
  bodyEncoding: 'utf8' | 'base64'
}

/** An exchange as JSON. */
export interface ExchangeJson {
  request: {
    method: string
    url: string
    headers: { key: string; value: string }[]
    /** Text, `{ bytes }` for a binary body, the parts of a multipart one, or null when there is none. */
    body: unknown
  }
  response: {
    status: number
    statusText: string
    httpVersion: string
    headers: { key: string; value: string }[]
    timings: Exchange['response']['timings']
    sizes: Exchange['response']['sizes']
  } & BodyJson
  /** Every hop of the redirects followed, in order (the last is the response). */
  hops: { method: string; url: string; status: number }[]
  totalMs: number
}

/**
 * A body as text when it is UTF-8, else as base64.
 * @example bodyJson(new TextEncoder().encode('hi')) // { body: 'hi', bodyEncoding: 'utf8' }
 */
export function bodyJson(bytes: Uint8Array): BodyJson {
  try {
    return { body: new TextDecoder('utf-8', { fatal: true }).decode(bytes), bodyEncoding: 'utf8' }
  } catch {
    return { body: base64(bytes), bodyEncoding: 'base64' }
  }
}

/**
 * The exchange as JSON: the request as sent, the response with its body, timings and sizes, and every hop.
 * @example JSON.stringify(exchangeJson(redactExchange(exchange, secrets)))
 */
export function exchangeJson(exchange: Exchange): ExchangeJson {
  const { request, response } = exchange
  return {
    request: {
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: requestBodyJson(request.body),
    },
    response: {
      status: response.status,
      statusText: response.statusText,
      httpVersion: response.httpVersion,
      headers: response.headers,
      ...bodyJson(response.body),
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

function requestBodyJson(body: PreparedBody): unknown {
  switch (body.type) {
    case 'none':
      return null
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

function base64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}
