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
