import {
  type JsonObject,
  type V1Context,
  isRecord,
  stringOrUndefined,
  warn,
  withoutEmptyDescription,
} from './v1-context.js'

/** A v2.1 URL object as Postman's transformer produces it from a URL string. */
export interface ParsedUrl {
  raw: string
  protocol?: string
  auth?: { user: string; password?: string }
  host?: string[]
  port?: string
  path?: string[]
  query?: JsonObject[]
  hash?: string
  variable?: JsonObject[]
}

// The same decomposition Postman's SDK and transformer apply (lib/url.js): scheme, host, userinfo, port,
// path, query, fragment. Dots inside `{{…}}` do not split the host.
const SCHEME = /^([^:]+):\/\/([^?#/:]+|$)/
const HOST = /^([^?#/]+)/
const HOST_AUTH = /^([^@]+)@/
const PORT = /:([^:]*)$/
const PATH = /^[^?#]*/
const QUERY = /^\?([^#]+)/
const HASH = /#(.+)$/
const DOMAIN_DOT = /\.(?![^{]*\}{2})/g

/** Splits a URL string into Postman's v2.1 URL parts, keeping `raw` exactly as written (trimmed). */
export function parseUrl(input: string): ParsedUrl {
  const raw = input.trim()
  const parsed: ParsedUrl = { raw }
  let rest = raw

  const protocol = SCHEME.exec(rest)?.[1]
  if (protocol !== undefined) {
    parsed.protocol = protocol
    rest = rest.slice(protocol.length + 3)
  }

  let host = HOST.exec(rest)?.[1]
  if (host !== undefined) {
    rest = rest.slice(host.length)
    const userinfo = HOST_AUTH.exec(host)?.[1]
    if (userinfo !== undefined) {
      host = host.slice(userinfo.length + 1)
      const [user = '', password] = userinfo.split(':')
      parsed.auth = password === undefined ? { user } : { user, password }
    }
    const port = PORT.exec(host)?.[1]
    if (port) {
      parsed.port = port
      host = host.slice(0, host.length - port.length - 1)
    }
    parsed.host = trimDots(host).split(DOMAIN_DOT)
  }

  const path = PATH.exec(rest)?.[0] ?? ''
  rest = rest.slice(path.length)
  if (path) {
    const trimmed = path.length > 1 && path.startsWith('/') ? path.slice(1) : path
    parsed.path = trimmed === '/' ? [''] : trimmed.split('/')
  }

  const query = QUERY.exec(rest)?.[1]
  if (query !== undefined) {
    rest = rest.slice(query.length + 1)
    parsed.query = query.split('&').map(parseQueryPair)
  }

  const hash = HASH.exec(rest)?.[1]
  if (hash !== undefined) parsed.hash = hash
  return parsed
}

function trimDots(host: string): string {
  let start = 0
  let end = host.length
  while (start < end && host[start] === '.') start++
  while (end > start && host[end - 1] === '.') end--
  return host.slice(start, end)
}

function parseQueryPair(pair: string): JsonObject {
  const eq = pair.indexOf('=')
  // Postman's transformer trims both sides and writes '' for a missing value; we keep everything after the
  // first '=' (it drops text after a second '=').
  return eq === -1
    ? { key: pair.trim(), value: '' }
    : { key: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim() }
}

/** Converts a v1 request's `url`, `queryParams`, `pathVariableData` and `pathVariables` to a v2.1 URL object. */
export function convertV1Url(request: JsonObject, ctx: V1Context): ParsedUrl {
  const raw = readRawUrl(request.url, ctx)
  const wellFormed = checkUrl(raw, ctx)
  const parsed = parseUrl(raw)

  const { params, altered } = convertQueryParams(request.queryParams)
  if (params.length > 0) parsed.query = params
  const variables = convertPathVariables(request)
  if (variables.length > 0) parsed.variable = variables

  // Postman rewrites `raw` when `equals` flags change how params print; a malformed URL stays as written.
  if (altered && wellFormed) parsed.raw = rebuildRaw(parsed)
  return parsed
}

function readRawUrl(url: unknown, ctx: V1Context): string {
  if (typeof url === 'string') return url
  if (isRecord(url) && typeof url.raw === 'string') return url.raw
  if (url !== undefined && url !== null)
    warn(ctx, '.url', 'URL is not a string; the request has an empty URL')
  return ''
}

function checkUrl(raw: string, ctx: V1Context): boolean {
  let wellFormed = true
  const trimmed = raw.trim()
  if (trimmed === '') {
    warn(ctx, '.url', 'request has no URL')
    return false
  }
  if (/^https?:(?!\/\/)/i.test(trimmed) || /^https(?![:.])/i.test(trimmed)) {
    warn(ctx, '.url', `URL "${raw}" has a scheme without "://"; kept as written`)
    wellFormed = false
  }
  const brace = /(?:^|[^{])\{([^{}]+)\}(?!\})/.exec(trimmed)
  if (brace) {
    warn(
      ctx,
      '.url',
      `URL "${raw}" uses the placeholder {${brace[1]}}, which Postman does not replace; write :${brace[1]} or {{${brace[1]}}}`,
    )
    wellFormed = false
  }
  return wellFormed
}

function convertQueryParams(source: unknown): { params: JsonObject[]; altered: boolean } {
  const params: JsonObject[] = []
  let altered = false
  if (!Array.isArray(source)) return { params, altered }
  for (const entry of source) {
    if (!isRecord(entry)) continue
    const param = withoutEmptyDescription(entry)
    if (param.enabled === false) param.disabled = true
    delete param.enabled
    if ('equals' in param) {
      // v1 `equals: false` means "print the key without '='", which v2.1 expresses as a null value.
      if (param.equals) {
        if (param.value === null) param.value = ''
      } else {
        param.value = param.value || null
      }
      delete param.equals
      altered = true
    }
    params.push(param)
  }
  return { params, altered }
}

function convertPathVariables(request: JsonObject): JsonObject[] {
  const variables: JsonObject[] = []
  const seen = new Set<string>()
  if (Array.isArray(request.pathVariableData)) {
    for (const entry of request.pathVariableData) {
      if (!isRecord(entry)) continue
      variables.push(withoutEmptyDescription(entry))
      const key = stringOrUndefined(entry.key)
      if (key !== undefined) seen.add(key)
    }
  }
  // `pathVariables` is `{ name: value }` (or `[]` in some exports); it cannot carry descriptions.
  if (isRecord(request.pathVariables)) {
    for (const [key, value] of Object.entries(request.pathVariables)) {
      if (!seen.has(key)) variables.push({ key, value })
    }
  }
  return variables
}

function rebuildRaw(url: ParsedUrl): string {
  const base = url.raw.replace(/[?#].*$/s, '')
  const query = (url.query ?? [])
    .filter((param) => param.disabled !== true)
    .map((param) => {
      const key = typeof param.key === 'string' ? param.key : ''
      const { value } = param
      if (value === null || value === undefined) return key
      return `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`
    })
    .join('&')
  return base + (query ? `?${query}` : '') + (url.hash !== undefined ? `#${url.hash}` : '')
}
