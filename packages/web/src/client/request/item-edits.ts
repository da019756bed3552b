// Pure edits of a Postman v2.1 item as the editor changes it. Each returns a new item and keeps every field it
// does not know about (a save must not lose what another tool wrote).
import type { Auth, Body, EventJson, ItemJson, KeyValue, RequestJson, UrlObject } from '../api/types'

/** The item's request as an object (`"https://…"` becomes `{ url: "https://…" }`). */
export function requestOf(item: ItemJson): RequestJson {
  const request = item.request
  if (request === undefined) return {}
  return typeof request === 'string' ? { url: request } : request
}

export function withRequest(item: ItemJson, patch: Partial<RequestJson>): ItemJson {
  return { ...item, request: { ...requestOf(item), ...patch } }
}

export function urlText(request: RequestJson): string {
  const url = request.url
  if (url === undefined) return ''
  if (typeof url === 'string') return url
  return url.raw ?? ''
}

function urlObject(request: RequestJson): UrlObject {
  const url = request.url
  if (url === undefined) return {}
  return typeof url === 'string' ? { raw: url } : url
}

/** Query parameters as written in a raw URL (`{{vars}}` kept; no decoding, as Postman shows them). */
export function parseQuery(raw: string): KeyValue[] {
  const start = raw.indexOf('?')
  if (start < 0) return []
  const hash = raw.indexOf('#', start)
  const query = raw.slice(start + 1, hash < 0 ? undefined : hash)
  if (query === '') return []
  return query.split('&').map((pair) => {
    const eq = pair.indexOf('=')
    return eq < 0 ? { key: pair, value: '' } : { key: pair.slice(0, eq), value: pair.slice(eq + 1) }
  })
}

/** Path variables (`:id` segments) of a raw URL. */
export function parsePathVariables(raw: string): string[] {
  const path = raw.split(/[?#]/)[0] ?? ''
  const names: string[] = []
  for (const match of path.matchAll(/\/:([A-Za-z0-9_.-]+)/g)) if (match[1] !== undefined) names.push(match[1])
  return names
}

function rawWithQuery(raw: string, query: KeyValue[]): string {
  const hashAt = raw.indexOf('#')
  const hash = hashAt < 0 ? '' : raw.slice(hashAt)
  const base = (hashAt < 0 ? raw : raw.slice(0, hashAt)).split('?')[0] ?? ''
  const text = query
    .filter((entry) => entry.disabled !== true)
    .map((entry) => (entry.value === '' ? entry.key : `${entry.key}=${entry.value}`))
    .join('&')
  return `${base}${text === '' ? '' : `?${text}`}${hash}`
}

/** Sets the URL text; the query list and path variables follow it (disabled parameters are kept). */
export function withUrlText(item: ItemJson, raw: string): ItemJson {
  const request = requestOf(item)
  const old = urlObject(request)
  const disabled = (old.query ?? []).filter((entry) => entry.disabled === true)
  const query = [...parseQuery(raw), ...disabled]
  const oldVariables = old.variable ?? []
  const variable = parsePathVariables(raw).map(
    (key) => oldVariables.find((entry) => entry.key === key) ?? { key, value: '' },
  )
  const url: UrlObject = { raw }
  if (query.length > 0) url.query = query
  if (variable.length > 0) url.variable = variable
  return withRequest(item, { url })
}

export function queryOf(request: RequestJson): KeyValue[] {
  const url = urlObject(request)
  return url.query ?? parseQuery(url.raw ?? '')
}

export function pathVariablesOf(request: RequestJson): KeyValue[] {
  return urlObject(request).variable ?? []
}

/** Sets the query list; the raw URL follows it. */
export function withQuery(item: ItemJson, query: KeyValue[]): ItemJson {
  const request = requestOf(item)
  const old = urlObject(request)
  const raw = rawWithQuery(old.raw ?? '', query)
  return withRequest(item, { url: { ...old, raw, query } })
}

export function withPathVariables(item: ItemJson, variable: KeyValue[]): ItemJson {
  const old = urlObject(requestOf(item))
  return withRequest(item, { url: { ...old, variable } })
}

export function withHeaders(item: ItemJson, header: KeyValue[]): ItemJson {
  return withRequest(item, { header })
}

export function withBody(item: ItemJson, body: Body | undefined): ItemJson {
  const request = { ...requestOf(item) }
  if (body === undefined) delete request.body
  else request.body = body
  return { ...item, request }
}

export function withAuth(item: ItemJson, auth: Auth | undefined): ItemJson {
  const request = { ...requestOf(item) }
  if (auth === undefined) delete request.auth
  else request.auth = auth
  return { ...item, request }
}

/** An auth block's parameters as a map (Postman stores them as `[{ key, value, type }]`). */
export function authParams(auth: Auth | undefined): Record<string, string> {
  if (auth === undefined) return {}
  const params = auth[auth.type]
  const out: Record<string, string> = {}
  if (Array.isArray(params)) {
    for (const entry of params as KeyValue[]) out[entry.key] = stringValue(entry.value)
  } else if (params !== null && typeof params === 'object') {
    for (const [key, value] of Object.entries(params)) out[key] = stringValue(value)
  }
  return out
}

function stringValue(value: unknown): string {
  if (typeof value === 'string') return value
  if (value === undefined || value === null) return ''
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return JSON.stringify(value)
}

/** Sets one auth parameter, keeping the others and their order. */
export function withAuthParam(auth: Auth, key: string, value: string): Auth {
  const params = Array.isArray(auth[auth.type]) ? [...(auth[auth.type] as KeyValue[])] : []
  const at = params.findIndex((entry) => entry.key === key)
  if (at < 0) params.push({ key, value, type: 'string' })
  else params[at] = { ...params[at], key, value }
  return { ...auth, [auth.type]: params }
}

export function scriptOf(events: EventJson[] | undefined, listen: string): string {
  const exec = events?.find((event) => event.listen === listen)?.script?.exec
  if (exec === undefined) return ''
  return typeof exec === 'string' ? exec : exec.join('\n')
}

export function withScript(events: EventJson[] | undefined, listen: string, text: string): EventJson[] {
  const list = [...(events ?? [])]
  const at = list.findIndex((event) => event.listen === listen)
  const exec = text.split('\n')
  if (at < 0) {
    if (text === '') return list
    list.push({ listen, script: { type: 'text/javascript', exec } })
  } else {
    const old = list[at] as EventJson
    list[at] = { ...old, script: { ...old.script, exec } }
  }
  return list
}

export function descriptionText(description: ItemJson['description']): string {
  if (description === undefined) return ''
  return typeof description === 'string' ? description : (description.content ?? '')
}

/** Docs live on the request for a request item and on the item for a folder, as in Postman v2.1. */
export function docsOf(item: ItemJson): string {
  return item.item === undefined
    ? descriptionText(requestOf(item).description)
    : descriptionText(item.description)
}

export function withDocs(item: ItemJson, text: string): ItemJson {
  if (item.item !== undefined) return { ...item, description: text }
  return withRequest(item, { description: text })
}
