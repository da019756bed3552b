import type { Auth, Collection, EventList, Item } from './collection-schema.js'
import { eventList } from './item-accessors.js'
import type { Warning } from './types.js'

/** Auth types Postman knows; any other type is kept but warned about (Courier sends no auth for it). */
export const KNOWN_AUTH_TYPES: ReadonlySet<string> = new Set([
  'apikey',
  'awsv4',
  'basic',
  'bearer',
  'digest',
  'edgegrid',
  'hawk',
  'jwt',
  'asap',
  'noauth',
  'ntlm',
  'oauth1',
  'oauth2',
])

/** Body modes Postman knows; any other mode is kept but warned about (Courier sends no body for it). */
export const KNOWN_BODY_MODES: ReadonlySet<string> = new Set([
  'raw',
  'urlencoded',
  'formdata',
  'file',
  'graphql',
])

const KNOWN_LISTENERS = new Set(['prerequest', 'test'])

/**
 * Lists the harmless oddities of a validated collection: things Courier keeps as they are but will not act on, or
 * will read with a default (a `null` method is sent as GET).
 * @example collectWarnings(collection).map((w) => `${w.path}: ${w.message}`)
 */
export function collectWarnings(collection: Collection): Warning[] {
  const warnings: Warning[] = []
  if (collection.info === undefined)
    warnings.push({ path: '$', message: 'no info block; the collection has no name' })
  else if (typeof collection.info.name !== 'string') warnings.push({ path: '$.info', message: 'no name' })
  checkAuth(collection.auth, '$.auth', warnings)
  checkEvents(collection.event, '$.event', warnings)
  checkItems(collection.item, '$.item', warnings)
  return warnings
}

function checkItems(items: readonly Item[], path: string, warnings: Warning[]): void {
  items.forEach((item, index) => {
    const at = `${path}[${index}]`
    checkAuth(item.auth, `${at}.auth`, warnings)
    checkEvents(item.event, `${at}.event`, warnings)
    if (Array.isArray(item.item)) {
      checkItems(item.item, `${at}.item`, warnings)
      return
    }
    const request = item.request
    if (request === undefined) {
      warnings.push({ path: at, message: 'neither a request nor a folder; read as a request without a URL' })
      return
    }
    if (typeof request === 'string') return
    if (request.method === null || (typeof request.method === 'string' && request.method.trim() === '')) {
      warnings.push({ path: `${at}.request.method`, message: 'no method; GET is sent' })
    }
    if (typeof request.header === 'string') {
      warnings.push({ path: `${at}.request.header`, message: 'headers given as a v1-style string' })
    }
    const mode = request.body?.mode
    if (typeof mode === 'string' && !KNOWN_BODY_MODES.has(mode)) {
      warnings.push({
        path: `${at}.request.body.mode`,
        message: `unknown body mode '${mode}'; no body is sent`,
      })
    }
    checkAuth(request.auth, `${at}.request.auth`, warnings)
  })
}

function checkAuth(auth: Auth | null | undefined, path: string, warnings: Warning[]): void {
  if (auth != null && !KNOWN_AUTH_TYPES.has(auth.type)) {
    warnings.push({ path: `${path}.type`, message: `unknown auth type '${auth.type}'; no auth is applied` })
  }
}

function checkEvents(events: EventList, path: string, warnings: Warning[]): void {
  if (events != null && !Array.isArray(events)) {
    warnings.push({ path, message: 'a single event object instead of an array; read as a list of one' })
  }
  eventList(events).forEach((event, index) => {
    if (!KNOWN_LISTENERS.has(event.listen)) {
      warnings.push({
        path: `${path}[${index}].listen`,
        message: `unknown event '${event.listen}'; never run`,
      })
    }
  })
}
