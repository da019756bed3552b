import type { Description, Event, EventList, Item, Request, RequestObject } from './collection-schema.js'

/**
 * Tells whether an item is a folder (it has an `item` array) rather than a request.
 * @example collection.item.filter(isFolder)
 */
export function isFolder(item: Item): item is Item & { item: Item[] } {
  return Array.isArray(item.item)
}

/**
 * A request in object form (`"https://…"` becomes `{ url: "https://…" }`); `undefined` for an item without one.
 * @example requestObject('https://example.com').url // 'https://example.com'
 */
export function requestObject(request: Request | undefined | null): RequestObject | undefined {
  if (request == null) return undefined
  return typeof request === 'string' ? { url: request } : request
}

/**
 * The method a request is sent with: its own (custom verbs such as `COPY` kept), or GET when missing or blank.
 * @example requestMethod({ method: 'POSTMAN' }) // 'POSTMAN'
 */
export function requestMethod(request: Request | undefined | null): string {
  const method = requestObject(request)?.method
  return typeof method === 'string' && method.trim() !== '' ? method : 'GET'
}

/**
 * A request's URL as text: the string, `url.raw`, or the URL rebuilt from its parts.
 * @example requestUrlText({ url: { raw: '{{base}}/users' } }) // '{{base}}/users'
 */
export function requestUrlText(request: Request | undefined | null): string {
  const url = requestObject(request)?.url
  if (url === undefined) return ''
  if (typeof url === 'string') return url
  if (typeof url.raw === 'string') return url.raw
  const host = Array.isArray(url.host) ? url.host.join('.') : (url.host ?? '')
  const path = Array.isArray(url.path) ? url.path.join('/') : (url.path ?? '')
  const query = (url.query ?? [])
    .filter((entry) => entry.disabled !== true)
    .map(
      (entry) => `${entry.key ?? ''}${entry['value'] == null ? '' : `=${String(entry['value'] as string)}`}`,
    )
    .join('&')
  const protocol = url.protocol === undefined ? '' : `${url.protocol}://`
  const port = typeof url['port'] === 'string' || typeof url['port'] === 'number' ? `:${url['port']}` : ''
  const hash = typeof url['hash'] === 'string' ? `#${url['hash']}` : ''
  return `${protocol}${host}${port}${path === '' ? '' : `/${path.replace(/^\//, '')}`}${query === '' ? '' : `?${query}`}${hash}`
}

/**
 * The events as an array, whether stored as an array, a single event object, null or nothing.
 * @example eventList(item.event).filter((event) => event.listen === 'test')
 */
export function eventList(events: EventList): Event[] {
  if (events == null) return []
  return Array.isArray(events) ? events : [events]
}

/**
 * An event's script as lines, whether `exec` is an array of lines or one string.
 * @example scriptLines({ listen: 'test', script: { exec: 'a\nb' } }) // ['a', 'b']
 */
export function scriptLines(event: Event): string[] {
  const script = event.script
  if (typeof script !== 'object') return []
  const exec = script.exec
  if (exec === undefined) return []
  return typeof exec === 'string' ? exec.split(/\r?\n/) : exec
}

/**
 * Counts the non-blank script lines of the events listening to `listen` (`prerequest` or `test`).
 * @example scriptLineCount(item.event, 'test')
 */
export function scriptLineCount(events: EventList, listen: string): number {
  let count = 0
  for (const event of eventList(events)) {
    if (event.listen !== listen) continue
    for (const line of scriptLines(event)) if (line.trim() !== '') count++
  }
  return count
}

/**
 * A description as text, whether it is a string or `{ content, type }`.
 * @example descriptionText({ content: '# Docs', type: 'text/markdown' }) // '# Docs'
 */
export function descriptionText(description: Description | undefined): string | undefined {
  if (description == null) return undefined
  if (typeof description === 'string') return description
  return typeof description.content === 'string' ? description.content : undefined
}
