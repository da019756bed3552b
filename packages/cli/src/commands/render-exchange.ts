import type { Exchange, HttpHeader } from '@courier/core'
import { formatBytes } from '../format-bytes.js'
import type { Colors } from '../terminal.js'

/**
 * The status line of `courier send`: `200 OK · 43 ms · 1.2 kB`, coloured by status class.
 * @example statusLine(exchange, colors) // '200 OK · 43 ms · 1.2 kB'
 */
export function statusLine(exchange: Exchange, colors: Colors): string {
  const { response } = exchange
  const status = `${response.status} ${response.statusText}`.trim()
  const color =
    response.status >= 500
      ? colors.red
      : response.status >= 400
        ? colors.yellow
        : response.status >= 300
          ? colors.cyan
          : colors.green
  const time = `${Math.round(exchange.totalMs)} ms`
  return `${colors.bold(color(status))} ${colors.dim('·')} ${time} ${colors.dim('·')} ${formatBytes(response.sizes.decodedBodyBytes)}`
}

/**
 * Headers as an HTTP message shows them, one `Name: value` a line.
 * @example renderHeaders(exchange.response.headers, colors)
 */
export function renderHeaders(headers: readonly HttpHeader[], colors: Colors): string {
  return headers.map(({ key, value }) => `${colors.cyan(key)}: ${value}\n`).join('')
}

/**
 * The exchange as JSON for scripts (`--json`): the request as sent, the response with its body as text (or
 * base64 when it is not UTF-8), timings, sizes and every hop.
 * @example JSON.stringify(exchangeJson(exchange))
 */
export function exchangeJson(exchange: Exchange): unknown {
  const hop = (request: Exchange['request'], response: Exchange['response']) => ({
    request: {
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: bodyJson(request.body),
    },
    response: {
      status: response.status,
      statusText: response.statusText,
      httpVersion: response.httpVersion,
      headers: response.headers,
      ...encodeBody(response.body),
      timings: response.timings,
      sizes: response.sizes,
    },
  })
  return {
    ...hop(exchange.request, exchange.response),
    totalMs: exchange.totalMs,
    hops: exchange.hops.map((h) => ({
      method: h.request.method,
      url: h.request.url,
      status: h.response.status,
    })),
  }
}

function bodyJson(body: Exchange['request']['body']): unknown {
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

function encodeBody(body: Uint8Array): { body: string; bodyEncoding: 'utf8' | 'base64' } {
  try {
    return { body: new TextDecoder('utf-8', { fatal: true }).decode(body), bodyEncoding: 'utf8' }
  } catch {
    return { body: Buffer.from(body).toString('base64'), bodyEncoding: 'base64' }
  }
}
