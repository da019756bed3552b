import type { PlainObject } from './json-value.js'
import { isPlainObject } from './json-value.js'

const TO_V3: Record<string, string> = { prerequest: 'beforeRequest', test: 'afterResponse' }
const FROM_V3: Record<string, string> = { beforeRequest: 'prerequest', afterResponse: 'test' }

/** Where scripts live: requests use bare types, collections and folders `http:`-prefixed ones. */
export type ScriptLevel = 'request' | 'container'

/**
 * v2.1 events as v3 `scripts` (`prerequest` → `beforeRequest`, `test` → `afterResponse`, `code` = lines joined
 * with "\n"); events of other kinds are left to the extension.
 */
export function scriptsToV3(events: unknown, level: ScriptLevel): PlainObject[] {
  const list = Array.isArray(events) ? events : isPlainObject(events) ? [events] : []
  const out: PlainObject[] = []
  for (const event of list) {
    if (!isPlainObject(event)) continue
    const type = TO_V3[String(event['listen'])]
    const script = event['script']
    if (type === undefined || !isPlainObject(script)) continue
    const exec = script['exec']
    const entry: PlainObject = {
      type: level === 'container' ? `http:${type}` : type,
      code: Array.isArray(exec) ? exec.join('\n') : typeof exec === 'string' ? exec : '',
    }
    if (script['type'] === 'text/javascript') entry['language'] = script['type']
    for (const field of ['packages', 'requests']) {
      const value = script[field]
      if (isPlainObject(value) && Object.keys(value).length > 0) entry[field] = value
    }
    out.push(entry)
  }
  return out
}

/** v3 `scripts` as v2.1 events, and the entries v2.1 cannot hold (other protocols' or unknown types). */
export function scriptsFromV3(scripts: unknown): { events: PlainObject[]; others: PlainObject[] } {
  const events: PlainObject[] = []
  const others: PlainObject[] = []
  if (!Array.isArray(scripts)) return { events, others }
  for (const entry of scripts) {
    if (!isPlainObject(entry)) continue
    const type = typeof entry['type'] === 'string' ? entry['type'].replace(/^http:/, '') : ''
    const listen = FROM_V3[type]
    if (listen === undefined) {
      others.push(entry)
      continue
    }
    const code = typeof entry['code'] === 'string' ? entry['code'] : ''
    const script: PlainObject = { exec: code.split('\n') }
    if (typeof entry['language'] === 'string') script['type'] = entry['language']
    if (isPlainObject(entry['packages'])) script['packages'] = entry['packages']
    if (isPlainObject(entry['requests'])) script['requests'] = entry['requests']
    events.push({ listen, script })
  }
  return { events, others }
}
