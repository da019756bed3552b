import type { RunEvent } from '@courier/core'
import { formatBytes } from '../format-bytes.js'
import type { Colors } from '../terminal.js'
import { unicodeSymbols, type CliSymbols } from './cli-symbols.js'

/** Bodies longer than this are cut in `--verbose` output (a report is the place for whole bodies). */
const bodyClipChars = 2048
// Credentials never reach the terminal: the scheme stays (`Bearer ••••`), the value does not (DESIGN.md).
const credentialHeaders = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie'])

/**
 * What `--verbose` adds under a request line: the request headers as sent, the response headers and the response
 * body (cut at 2048 characters), credentials masked.
 * @example if (verbose) write(verboseDetail(event, colors))
 */
export function verboseDetail(
  event: Extract<RunEvent, { type: 'request:finished' }>,
  colors: Colors,
  symbols: CliSymbols = unicodeSymbols,
): string {
  const lines: string[] = []
  const section = (title: string) => lines.push(`    ${colors.dim(title)}`)
  const headers = (list: readonly { key: string; value: string }[]) => {
    for (const { key, value } of list)
      lines.push(`      ${colors.cyan(key)}: ${maskCredential(key, value, symbols.mask)}`)
  }
  section(`request headers (${event.request.headers.length})`)
  headers(event.request.headers)
  const { response } = event
  if (response !== undefined) {
    section(`response headers (${response.headers.length})`)
    headers(response.headers)
    if (response.body !== undefined && response.body !== '') {
      const chars = [...response.body]
      const clipped = chars.length > bodyClipChars
      section(
        clipped
          ? `response body (${formatBytes(response.responseSize)}, first ${bodyClipChars} characters)`
          : `response body (${formatBytes(response.responseSize)})`,
      )
      const text = clipped ? chars.slice(0, bodyClipChars).join('') : response.body
      for (const line of printable(text, symbols.replacement).split('\n')) lines.push(`      ${line}`)
    }
  }
  return `${lines.join('\n')}\n`
}

function maskCredential(key: string, value: string, mask: string): string {
  const name = key.toLowerCase()
  if (!credentialHeaders.has(name)) return value
  const scheme = /^([A-Za-z][\w-]*) \S/.exec(value)?.[1]
  return scheme !== undefined && name.endsWith('authorization') ? `${scheme} ${mask}` : mask
}

/** A server's body may hold terminal escape sequences: show control characters as � (or ?) instead of obeying them. */
function printable(text: string, replacement: string): string {
  return text.replace(/\p{Cc}/gu, (c) => (c === '\n' || c === '\t' ? c : replacement))
}
