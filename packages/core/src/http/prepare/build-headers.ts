import type { RequestObject } from '../../collection/index.js'
import type { DynamicVariableProvider, VariableScopes } from '../../variables/index.js'
import { resolveTemplate } from '../../variables/index.js'
import type { HttpHeader } from '../types.js'

/** Options for {@link buildHeaders}. */
export interface BuildHeadersOptions {
  scopes: VariableScopes
  dynamic?: DynamicVariableProvider
}

/**
 * The request's own headers, in order, with keys and values resolved: disabled ones and ones without a key are
 * skipped (postman-runtime `getRequestHeaders`). A v1-style `"K: V\n"` string is read line by line, a line
 * starting with `//` being a disabled header (postman-collection `Header.parse`).
 * @example buildHeaders({ header: [{ key: 'X-Id', value: '{{id}}' }] }, { scopes }) // [{ key: 'X-Id', value: '7' }]
 */
export function buildHeaders(request: RequestObject, options: BuildHeadersOptions): HttpHeader[] {
  const resolveOptions = options.dynamic === undefined ? {} : { dynamic: options.dynamic }
  const resolve = (text: string): string => resolveTemplate(text, options.scopes, resolveOptions)
  return headerEntries(request.header).map((entry) => ({
    key: resolve(entry.key),
    value: resolve(entry.value),
  }))
}

function headerEntries(header: RequestObject['header']): HttpHeader[] {
  if (header == null) return []
  if (typeof header === 'string') {
    return header.split(/\r?\n/).flatMap((line) => {
      const colon = line.indexOf(':')
      if (line.trim() === '' || line.trimStart().startsWith('//') || colon < 1) return []
      const key = line.slice(0, colon).trim()
      return key === '' ? [] : [{ key, value: line.slice(colon + 1).trim() }]
    })
  }
  return header.flatMap((entry) => {
    const value: unknown = entry['value']
    if (entry.disabled === true || typeof entry.key !== 'string' || entry.key === '') return []
    return [{ key: entry.key, value: valueText(value) }]
  })
}

function valueText(value: unknown): string {
  if (value == null) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return JSON.stringify(value)
}

/**
 * Tells whether a header of that name (any case) is among `headers`.
 * @example hasHeader([{ key: 'content-type', value: 'x' }], 'Content-Type') // true
 */
export function hasHeader(headers: readonly HttpHeader[], name: string): boolean {
  const lower = name.toLowerCase()
  return headers.some((header) => header.key.toLowerCase() === lower)
}
