import type { PlainObject } from './json-value.js'
import { define, isPlainObject, own } from './json-value.js'

/** v3's written form of a key list: a map (`Name: value`) or a list of entries. */
export type V3KeyList = PlainObject | PlainObject[]

/** Converts one v2.1 entry to its v3 list-form entry (fields in the order the Postman app writes them). */
export type EntryToV3 = (entry: PlainObject) => PlainObject

/** A description as v3 writes it: text only. */
export function descriptionString(description: unknown): string | undefined {
  if (typeof description === 'string') return description
  if (isPlainObject(description) && typeof description['content'] === 'string') return description['content']
  return undefined
}

/** `{key, value, description?, disabled?}`: the list entry of headers, query and path params, urlencoded. */
export function plainEntryToV3(entry: PlainObject): PlainObject {
  const out: PlainObject = {}
  if (Object.hasOwn(entry, 'key')) out['key'] = entry['key']
  if (Object.hasOwn(entry, 'value')) out['value'] = entry['value']
  const description = descriptionString(own(entry, 'description'))
  if (description !== undefined) out['description'] = description
  if (Object.hasOwn(entry, 'disabled')) out['disabled'] = entry['disabled']
  return out
}

/**
 * A v2.1 key list (headers, query, variables…) in v3's form: a map when every entry is a plain string key/value
 * with unique keys, otherwise a list (as the Postman app does); `undefined` for something that is not a list.
 * @example keyListToV3([{ key: 'Accept', value: '*\/*' }]) // { Accept: '*\/*' }
 */
export function keyListToV3(entries: unknown, toEntry: EntryToV3 = plainEntryToV3): V3KeyList | undefined {
  if (!Array.isArray(entries)) return undefined
  const list = entries.filter(isPlainObject).map(toEntry)
  const keys = new Set<string>()
  const mapForm = list.every((entry) => {
    const { key, value } = entry
    if (typeof key !== 'string' || typeof value !== 'string' || keys.has(key)) return false
    keys.add(key)
    return Object.keys(entry).length === 2
  })
  if (!mapForm) return list
  const map: PlainObject = {}
  for (const entry of list) define(map, entry['key'] as string, entry['value'])
  return map
}

/**
 * A v3 key list (map or list) as v2.1 entries `{key, value, …}`; `undefined` when it is neither.
 * @example keyListFromV3({ Accept: 'application/json' }) // [{ key: 'Accept', value: 'application/json' }]
 */
export function keyListFromV3(
  value: unknown,
  fromEntry: (entry: PlainObject) => PlainObject = plainEntryFromV3,
): PlainObject[] | undefined {
  if (Array.isArray(value)) return value.filter(isPlainObject).map(fromEntry)
  if (isPlainObject(value)) return Object.keys(value).map((key) => fromEntry({ key, value: value[key] }))
  return undefined
}

/** `{key, value, description?, disabled?}` from a v3 list entry. */
export function plainEntryFromV3(entry: PlainObject): PlainObject {
  const out: PlainObject = {}
  for (const field of ['key', 'value', 'description', 'disabled']) {
    if (Object.hasOwn(entry, field)) out[field] = entry[field]
  }
  return out
}
