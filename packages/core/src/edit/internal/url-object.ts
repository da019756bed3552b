import type { Url } from '../../collection/index.js'
import { parseUrl } from '../../http/index.js'
import type { KeyValueEntry } from '../item-patch.js'

type UrlObject = Exclude<Url, string>

// Dots inside `{{…}}` do not split the host (`{{api.host}}.example.com` is two labels), as in Postman's exports.
const DOMAIN_DOT = /\.(?![^{]*\}{2})/g
// Fields this module rebuilds from `raw`; any other field of the previous URL object is kept as it was.
const PARTS = new Set(['raw', 'protocol', 'auth', 'host', 'port', 'path', 'query', 'hash', 'variable'])

/**
 * The v2.1 URL object for URL text typed by the user, as the Postman app keeps it: `raw` as written, the parts
 * re-parsed with Postman's own splitting (`parseUrl`), and from the previous URL what the text cannot hold —
 * disabled query parameters (at their places among the enabled ones), the descriptions of parameters whose key
 * is still there, and the values of path variables (`:id`) still in the path.
 */
export function urlObjectFor(raw: string, previous: Url | undefined): UrlObject {
  const before = typeof previous === 'object' ? previous : undefined
  const parts = parseUrl(raw)
  const url: UrlObject = { raw }
  if (parts.protocol !== undefined) url.protocol = parts.protocol
  if (parts.auth !== undefined) url['auth'] = parts.auth
  if (parts.host !== '') url.host = parts.host.split(DOMAIN_DOT)
  if (parts.port !== undefined) url['port'] = parts.port
  if (parts.path !== undefined) url.path = parts.path
  const query = mergeQuery(
    parts.query.map((param) => ({ key: param.key, value: param.value })),
    before?.query ?? [],
  )
  if (query.length > 0 || before?.query != null) url.query = query
  if (parts.hash !== undefined) url['hash'] = parts.hash
  const variables = mergePathVariables(parts.path ?? [], before?.variable ?? [])
  if (variables.length > 0 || before?.variable !== undefined) url.variable = variables
  for (const [key, value] of Object.entries(before ?? {})) if (!PARTS.has(key)) url[key] = value
  return url
}

/**
 * The URL object with its query parameters replaced by `query` (disabled ones included) and `raw` rewritten to
 * carry the enabled ones, as editing the Params table does in Postman.
 */
export function urlObjectWithQuery(previous: Url | undefined, query: readonly KeyValueEntry[]): UrlObject {
  const raw = typeof previous === 'string' ? previous : (previous?.raw ?? '')
  const hashAt = raw.indexOf('#')
  const hash = hashAt < 0 ? '' : raw.slice(hashAt)
  const beforeHash = hashAt < 0 ? raw : raw.slice(0, hashAt)
  const queryAt = beforeHash.indexOf('?')
  const base = queryAt < 0 ? beforeHash : beforeHash.slice(0, queryAt)
  const text = query
    .filter((param) => param.disabled !== true)
    .map((param) => (param.value == null ? param.key : `${param.key}=${param.value}`))
    .join('&')
  const previousObject = typeof previous === 'object' ? previous : {}
  return urlObjectFor(`${base}${text === '' ? '' : `?${text}`}${hash}`, {
    ...previousObject,
    query: query.map((param) => ({ ...param })),
  })
}

type QueryEntry = NonNullable<UrlObject['query']>[number]

function mergeQuery(
  fresh: { key: string; value: string | null }[],
  previous: readonly QueryEntry[],
): QueryEntry[] {
  const used = new Set<number>()
  const enabled: QueryEntry[] = fresh.map((param) => {
    const match = previous.findIndex(
      (old, position) => old.disabled !== true && !used.has(position) && old.key === param.key,
    )
    const old = previous[match]
    if (old === undefined) return { key: param.key, value: param.value }
    used.add(match)
    return { ...old, key: param.key, value: param.value }
  })
  // A disabled parameter goes back after as many enabled ones as preceded it before.
  const merged: QueryEntry[] = []
  let enabledBefore = 0
  let taken = 0
  for (const old of previous) {
    if (old.disabled !== true) {
      enabledBefore++
      continue
    }
    while (taken < Math.min(enabledBefore, enabled.length)) merged.push(enabled[taken++] as QueryEntry)
    merged.push(old)
  }
  while (taken < enabled.length) merged.push(enabled[taken++] as QueryEntry)
  return merged
}

type VariableEntry = NonNullable<UrlObject['variable']>[number]

function mergePathVariables(path: readonly string[], previous: readonly VariableEntry[]): VariableEntry[] {
  const names = path.filter((segment) => segment.startsWith(':') && segment.length > 1).map((s) => s.slice(1))
  return [...new Set(names)].map(
    (name) => previous.find((old) => (old.key ?? old.id) === name) ?? { key: name, value: '' },
  )
}
