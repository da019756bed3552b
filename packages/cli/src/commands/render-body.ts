import type { Colors } from '../terminal.js'

/** How a response body is shown: pretty (indented, coloured when colour is on) or exactly as received. */
export interface RenderBodyOptions {
  contentType: string | undefined
  pretty: boolean
  colors: Colors
}

/**
 * Renders a body for the terminal: JSON indented with keys, strings, numbers and literals coloured; other text as
 * it is; a binary body as a one-line note (write it with `-o` instead). Returns undefined for an empty body.
 * @example terminal.out(renderBody(bytes, { contentType: 'application/json', pretty: true, colors }) ?? '')
 */
export function renderBody(body: Uint8Array, options: RenderBodyOptions): string | undefined {
  if (body.length === 0) return undefined
  const text = decodeText(body)
  if (text === undefined) {
    return `[binary body: ${body.length} bytes${options.contentType === undefined ? '' : `, ${options.contentType}`}; use -o FILE to save it]\n`
  }
  if (!options.pretty) return text
  if (isJson(options.contentType) || looksLikeJson(text)) {
    try {
      return `${colorJson(JSON.stringify(JSON.parse(text), null, 2), options.colors)}\n`
    } catch {
      // Declared JSON that is not: show it as it came.
    }
  }
  return text.endsWith('\n') ? text : `${text}\n`
}

function decodeText(body: Uint8Array): string | undefined {
  if (body.subarray(0, 8192).includes(0)) return undefined
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body)
  } catch {
    return undefined
  }
}

function isJson(contentType: string | undefined): boolean {
  return contentType !== undefined && /[/+]json\b/i.test(contentType)
}

function looksLikeJson(text: string): boolean {
  const start = text.trimStart()[0]
  return start === '{' || start === '['
}

// Tokens of indented JSON text: strings (a key when a colon follows), numbers and literals.
const jsonToken = /("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b/g

function colorJson(text: string, colors: Colors): string {
  return text.replace(
    jsonToken,
    (
      match,
      string: string | undefined,
      colon: string | undefined,
      number: string | undefined,
      literal: string | undefined,
    ) => {
      if (string !== undefined)
        return colon === undefined ? colors.green(string) : `${colors.cyan(string)}${colon}`
      if (number !== undefined) return colors.yellow(number)
      if (literal !== undefined) return colors.magenta(literal)
      return match
    },
  )
}
