import { type JsonObject, isRecord, withoutEmptyDescription } from './v1-context.js'

const DISABLED_PREFIX = '//'

/** One header parsed from a v1 header string. */
export interface ParsedHeader {
  key: string
  value: string
  disabled?: true
}

/**
 * Parses a v1 header string (`"Accept: a\n// X-Off: b"`): one `Key: value` per line, `//` marks a disabled
 * header, folded continuation lines are joined, lines without a colon are skipped.
 */
export function parseHeaderString(text: string): ParsedHeader[] {
  const headers: ParsedHeader[] = []
  const unfolded = text.replace(/\r\n([ \t])/g, '$1')
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':')
    if (colon === -1) continue
    let key = line.slice(0, colon).trim()
    const value = line.slice(colon + 1).trim()
    let disabled = false
    if (key.startsWith(DISABLED_PREFIX)) {
      disabled = true
      key = key.slice(DISABLED_PREFIX.length).trim()
    }
    if (key === '' || /\s/.test(key)) continue
    headers.push(disabled ? { key, value, disabled: true } : { key, value })
  }
  return headers
}

/**
 * Converts v1 `headerData` (preferred: it carries descriptions) and the `headers` string to a v2.1 header list;
 * string headers whose key already appeared in `headerData` are skipped, as Postman's transformer does.
 */
export function convertV1Headers(request: JsonObject): JsonObject[] {
  if (Array.isArray(request.headers)) {
    return request.headers.filter(isRecord).map((header) => ({ ...header }))
  }
  const headers: JsonObject[] = []
  const seen = new Set<string>()
  if (Array.isArray(request.headerData)) {
    for (const entry of request.headerData) {
      if (!isRecord(entry) || typeof entry.key !== 'string') continue
      const header = withoutEmptyDescription(entry)
      const key = entry.key
      if (key.startsWith(DISABLED_PREFIX) || header.enabled === false) {
        header.key = key.startsWith(DISABLED_PREFIX) ? key.slice(DISABLED_PREFIX.length).trim() : key
        header.disabled = true
      }
      delete header.enabled
      headers.push(header)
      seen.add(String(header.key))
    }
  }
  if (typeof request.headers === 'string') {
    for (const header of parseHeaderString(request.headers)) {
      if (!seen.has(header.key)) headers.push({ ...header })
    }
  }
  return headers
}
