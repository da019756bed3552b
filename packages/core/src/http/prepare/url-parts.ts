import type { Url } from '../../collection/index.js'

// A URL split the way postman-collection's `Url.parse` splits it (lib/collection/url.js), and joined back the way
// `Url#toString` joins it. Newman resolves variables in the item, joins the URL, then parses the result again
// (postman-runtime lib/runner/request-helpers-presend.js), so a variable holding `/`, `?` or `&` moves text between
// parts exactly as these two functions do.

/** One query parameter; `value: null` is a bare key (`?a`), `''` an empty value (`?a=`). */
export interface QueryParam {
  key: string
  value: string | null
}

/** The parts of a URL, unencoded. */
export interface UrlParts {
  protocol?: string
  auth?: { user: string; password?: string }
  host: string
  port?: string
  /** Segments after the leading `/`; undefined when there is no path. */
  path?: string[]
  query: QueryParam[]
  hash?: string
}

const PROTOCOL = /^([^:?]+):\/\//
const HOST = /^[^?#/]+/
const PORT = /:([^:\]]*)$/
const PATH = /^.*?(?=[?#]|$)/
// A `?` with nothing after it is one empty parameter, as Postman parses it (`/get?` keeps its `?`).
const QUERY = /^\?([^#]*)/
const HASH = /#(.+)$/

/**
 * Splits URL text into parts as Postman does (no protocol → none; `?a&b=` → bare `a`, empty `b`).
 * @example parseUrl('https://example.com:8080/a/b?x=1#top').port // '8080'
 */
export function parseUrl(text: string): UrlParts {
  let rest = text.trimStart()
  const parts: UrlParts = { host: '', query: [] }
  const protocol = PROTOCOL.exec(rest)?.[1]
  if (protocol !== undefined) {
    parts.protocol = protocol
    rest = rest.slice(protocol.length + 3)
  }
  const authority = HOST.exec(rest)?.[0]
  if (authority !== undefined) {
    rest = rest.slice(authority.length)
    let host = authority
    // The userinfo ends at the last `@` of the authority (`us@r:p@ss@host`), as Postman splits it.
    const at = host.lastIndexOf('@')
    if (at > 0) {
      const [user = '', ...password] = host.slice(0, at).split(':')
      parts.auth = password.length > 0 ? { user, password: password.join(':') } : { user }
      host = host.slice(at + 1)
    }
    const port = PORT.exec(host)?.[1]
    if (port !== undefined) {
      parts.port = port
      host = host.slice(0, host.length - port.length - 1)
    }
    parts.host = host.replace(/^\.+|\.+$/g, '')
  }
  const path = PATH.exec(rest)?.[0] ?? ''
  rest = rest.slice(path.length)
  const trimmed = path.length > 1 && path.startsWith('/') ? path.slice(1) : path
  if (trimmed !== '') parts.path = trimmed === '/' ? [''] : trimmed.split('/')
  const query = QUERY.exec(rest)?.[1]
  if (query !== undefined) {
    rest = rest.slice(query.length + 1)
    parts.query = query.split('&').map(parseParam)
  }
  const hash = HASH.exec(rest)?.[1]
  if (hash !== undefined) parts.hash = hash
  return parts
}

function parseParam(text: string): QueryParam {
  const equals = text.indexOf('=')
  return equals < 0
    ? { key: text, value: null }
    : { key: text.slice(0, equals), value: text.slice(equals + 1) }
}

/**
 * Joins query parameters as `Url#getQueryString` does: `a`, `a=`, `a=b`, with the characters that would split them
 * again percent-encoded outside `{{…}}` (`&` and `#`, and `=` in keys), so the text parses back to the same pairs.
 * @example unparseQuery([{ key: 'a', value: null }, { key: 'b&c', value: '' }]) // 'a&b%26c='
 */
export function unparseQuery(query: readonly QueryParam[]): string {
  return query
    .map((param) =>
      param.value === null
        ? escapeReserved(param.key, /[&#=]/g)
        : `${escapeReserved(param.key, /[&#=]/g)}=${escapeReserved(param.value, /[&#]/g)}`,
    )
    .join('&')
}

const VARIABLE = /(\{\{[^{}]*\}\})/

function escapeReserved(text: string, reserved: RegExp): string {
  if (!/[&#=]/.test(text)) return text
  return text
    .split(VARIABLE)
    .map((piece, index) =>
      index % 2 === 1
        ? piece
        : piece.replace(reserved, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
    )
    .join('')
}

/**
 * Joins parts into URL text (`Url#toString`), replacing `:name` path segments with the path variables given.
 * @example unparseUrl({ host: 'example.com', path: ['users', ':id'], query: [] }, { id: '7' }) // 'example.com/users/7'
 */
export function unparseUrl(parts: UrlParts, pathVariables: ReadonlyMap<string, string> = new Map()): string {
  let text = ''
  if (parts.protocol !== undefined && parts.protocol !== '')
    text += parts.protocol.endsWith('://') ? parts.protocol : `${parts.protocol}://`
  if (parts.auth !== undefined && parts.auth.user !== '')
    text += `${parts.auth.user}${parts.auth.password ? `:${parts.auth.password}` : ''}@`
  text += parts.host
  if (parts.port !== undefined && parts.port !== '') text += `:${parts.port}`
  if (parts.path !== undefined) {
    const segments = parts.path.map((segment) =>
      segment.startsWith(':') && segment !== ':' ? (pathVariables.get(segment.slice(1)) ?? segment) : segment,
    )
    text += `/${segments.join('/')}`
  }
  // Any parameter keeps the `?`, even one that joins to nothing (`/get?`).
  if (parts.query.length > 0) text += `?${unparseQuery(parts.query)}`
  if (parts.hash !== undefined && parts.hash !== '') text += `#${parts.hash}`
  return text
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string'
    ? value
    : typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : undefined

/**
 * The parts of a request's URL as the model stores it. An object URL is read from its parts, as postman-collection's
 * `Url#update` does (its `raw` is ignored, and disabled query parameters are dropped); a string, or an object with
 * only `raw`, is parsed, so every parameter in it stays.
 * @example urlParts({ raw: 'x', host: ['example', 'com'], path: ['a'] }).host // 'example.com'
 */
export function urlParts(url: Url | undefined): UrlParts {
  if (url === undefined) return { host: '', query: [] }
  if (typeof url === 'string') return parseUrl(url)
  const hasParts = url.host !== undefined || url.path !== undefined
  if (!hasParts) return parseUrl(url.raw ?? '')
  const parts: UrlParts = {
    host: Array.isArray(url.host) ? url.host.map((label) => text(label) ?? '').join('.') : (url.host ?? ''),
    query: (url.query ?? []).flatMap((param) =>
      param.disabled === true ? [] : [{ key: param.key ?? '', value: text(param['value']) ?? null }],
    ),
  }
  const protocol = text(url.protocol)
  if (protocol !== undefined) parts.protocol = protocol
  const port = text(url['port'])
  if (port !== undefined) parts.port = port
  const hash = text(url['hash'])
  if (hash !== undefined) parts.hash = hash
  const auth = url['auth'] as { user?: unknown; password?: unknown } | undefined
  const user = text(auth?.user)
  if (user !== undefined) {
    const password = text(auth?.password)
    parts.auth = password === undefined ? { user } : { user, password }
  }
  const path = Array.isArray(url.path) ? url.path.map((segment) => text(segment) ?? '') : url.path
  if (typeof path === 'string') {
    const trimmed = path.length > 1 && path.startsWith('/') ? path.slice(1) : path
    if (trimmed !== '') parts.path = trimmed === '/' ? [''] : trimmed.split('/')
  } else if (path !== undefined && path.length > 0) parts.path = path
  return parts
}

/**
 * The path variables of a URL (`url.variable`, `id` being the v2.0 name of `key`) by name; values that are not text
 * are left out, so their `:name` segment stays.
 * @example pathVariables({ raw: '', variable: [{ key: 'id', value: '7' }] }).get('id') // '7'
 */
export function pathVariables(url: Url | undefined): Map<string, string> {
  const variables = new Map<string, string>()
  if (url === undefined || typeof url === 'string') return variables
  for (const variable of url.variable ?? []) {
    const key = variable.key ?? variable.id
    const value = text(variable['value'])
    if (typeof key === 'string' && value !== undefined && !variables.has(key)) variables.set(key, value)
  }
  return variables
}
