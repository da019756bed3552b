import type { PlainObject } from './json-value.js'
import { define, isPlainObject, own } from './json-value.js'

/**
 * A v2.1 auth block as v3 `auth`: `{type, credentials}` with the params as a map (a list when keys repeat);
 * `undefined` for `null` (inherit) or something that is not an auth block.
 * @example authToV3({ type: 'bearer', bearer: [{ key: 'token', value: 't', type: 'string' }] })
 */
export function authToV3(auth: unknown): PlainObject | undefined {
  if (!isPlainObject(auth) || typeof auth['type'] !== 'string') return undefined
  const type = auth['type']
  const out: PlainObject = { type }
  const params = own(auth, type)
  if (Array.isArray(params)) {
    const entries = params.filter(isPlainObject)
    const keys = new Set<string>()
    const mapForm = entries.every((entry) => {
      const key = entry['key']
      if (typeof key !== 'string' || keys.has(key)) return false
      keys.add(key)
      return true
    })
    if (mapForm) {
      const map: PlainObject = {}
      for (const entry of entries) define(map, entry['key'] as string, entry['value'])
      out['credentials'] = map
    } else {
      out['credentials'] = entries.map((entry) => ({ key: entry['key'], value: entry['value'] }))
    }
  } else if (isPlainObject(params)) {
    out['credentials'] = { ...params }
  }
  return out
}

/** v3 `auth` as a v2.1 auth block; the first profile of a profile list (see {@link authProfiles}). */
export function authFromV3(auth: unknown): PlainObject | undefined {
  const block = Array.isArray(auth) ? auth.find(isPlainObject) : auth
  if (!isPlainObject(block) || typeof block['type'] !== 'string') return undefined
  const type = block['type']
  const out: PlainObject = { type }
  const credentials = block['credentials']
  let entries: PlainObject[] | undefined
  if (Array.isArray(credentials)) {
    entries = credentials.filter(isPlainObject).map((entry) => ({ key: entry['key'], value: entry['value'] }))
  } else if (isPlainObject(credentials)) {
    entries = Object.keys(credentials).map((key) => ({ key, value: credentials[key] }))
  }
  if (entries !== undefined) {
    define(
      out,
      type,
      entries.map((entry) => ({ ...entry, type: attributeType(entry['value']) })),
    )
  }
  return out
}

/**
 * The profiles of a v3 profile list without the first one's method (`[{id, name}, …rest]`), to write the list
 * form again; `undefined` for a plain auth object.
 */
export function authProfiles(auth: unknown): PlainObject[] | undefined {
  if (!Array.isArray(auth)) return undefined
  const profiles = auth.filter(isPlainObject)
  if (profiles.length === 0) return undefined
  const [first, ...rest] = profiles
  const head: PlainObject = {}
  for (const key of Object.keys(first ?? {})) {
    if (key !== 'type' && key !== 'credentials') head[key] = (first as PlainObject)[key]
  }
  return [head, ...rest]
}

/** A v3 profile list again: the first profile's metadata around the current auth's `type` and `credentials`. */
export function authProfilesToV3(auth: PlainObject | undefined, profiles: PlainObject[]): PlainObject[] {
  const [head, ...rest] = profiles
  const first: PlainObject = {}
  const meta = head ?? {}
  if (Object.hasOwn(meta, 'id')) first['id'] = meta['id']
  if (auth !== undefined) first['type'] = auth['type']
  if (Object.hasOwn(meta, 'name')) first['name'] = meta['name']
  for (const key of Object.keys(meta)) if (!Object.hasOwn(first, key)) first[key] = meta[key]
  if (auth !== undefined && Object.hasOwn(auth, 'credentials')) first['credentials'] = auth['credentials']
  return [first, ...rest]
}

/** The attribute `type` Postman writes for a param value. */
function attributeType(value: unknown): string {
  if (typeof value === 'string') return 'string'
  if (typeof value === 'boolean') return 'boolean'
  if (typeof value === 'number') return 'number'
  return 'any'
}
