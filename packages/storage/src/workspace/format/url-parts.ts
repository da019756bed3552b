import type { PlainObject } from './json-value.js'

/** `{{…}}` spans are opaque to URL splitting (a variable may hold `/`, `.`, `:` or `?`). */
const VARIABLE = /\{\{[^{}]*\}\}/g

/**
 * The v2.1 URL object Postman derives from a raw URL (`raw`, `protocol`, `host`, `port`, `path`, `query`, `hash`),
 * with the query entries and path variables given separately (v3 `queryParams`, `pathVariables`) when known.
 * @example urlObject('https://{{host}}/v1/users?limit=2', undefined, undefined)
 */
export function urlObject(
  raw: string,
  query: PlainObject[] | undefined,
  variables: PlainObject[] | undefined,
): PlainObject {
  const held: string[] = []
  let rest = raw.replace(VARIABLE, (match) => `\u0000${held.push(match) - 1}\u0000`)
  const restore = (text: string): string =>
    text.replace(/\u0000(\d+)\u0000/g, (_, index: string) => held[Number(index)] ?? '')
  const url: PlainObject = { raw }
  let hash: string | undefined
  const hashAt = rest.indexOf('#')
  if (hashAt !== -1) {
    hash = restore(rest.slice(hashAt + 1))
    rest = rest.slice(0, hashAt)
  }
  let queryText: string | undefined
  const queryAt = rest.indexOf('?')
  if (queryAt !== -1) {
    queryText = restore(rest.slice(queryAt + 1))
    rest = rest.slice(0, queryAt)
  }
  const protocol = /^([^:/]+):\/\//.exec(rest)
  if (protocol) {
    url['protocol'] = restore(protocol[1] ?? '')
    rest = rest.slice(protocol[0].length)
  }
  const slash = rest.indexOf('/')
  let authority = slash === -1 ? rest : rest.slice(0, slash)
  const at = authority.lastIndexOf('@')
  if (at !== -1) authority = authority.slice(at + 1)
  const colon = authority.lastIndexOf(':')
  let port: string | undefined
  if (colon !== -1) {
    port = restore(authority.slice(colon + 1))
    authority = authority.slice(0, colon)
  }
  if (authority !== '') url['host'] = authority.split('.').map(restore)
  if (port !== undefined) url['port'] = port
  if (slash !== -1)
    url['path'] = rest
      .slice(slash + 1)
      .split('/')
      .map(restore)
  const entries = query ?? (queryText === undefined ? undefined : parseQuery(queryText))
  if (entries !== undefined) url['query'] = entries
  if (hash !== undefined) url['hash'] = hash
  if (variables !== undefined) url['variable'] = variables
  return url
}

function parseQuery(text: string): PlainObject[] {
  return text.split('&').map((pair) => {
    const equals = pair.indexOf('=')
    return equals === -1
      ? { key: pair, value: null }
      : { key: pair.slice(0, equals), value: pair.slice(equals + 1) }
  })
}
