import { KNOWN_AUTH_TYPES } from './collect-warnings.js'

/** The canonical schema URL written into collections upgraded to v2.1.0. */
export const SCHEMA_V21_URL = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json'

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The `type` Postman writes beside an auth param's value in v2.1 exports. */
export function authParamType(value: unknown): string {
  const type = typeof value
  return type === 'string' || type === 'boolean' || type === 'number' ? type : 'any'
}

/**
 * Upgrades a v2.0.0 collection to its v2.1.0 equivalent, as postman-collection-transformer does, but at every level
 * (collection, folders, requests, saved examples) and keeping every field and the source's key order: auth params
 * objects become `[{ key, value, type }]` arrays, `url.variable[].id` becomes `key`, and the schema URL says v2.1.0.
 * Returns a new object; the input is not modified.
 * @example upgradeV20ToV21(JSON.parse(v20Text))
 */
export function upgradeV20ToV21(collection: Json): Json {
  return mapEntries(collection, (key, value) => {
    if (key === 'info' && isObject(value)) return upgradeInfo(value)
    if (key === 'auth') return upgradeAuth(value)
    if (key === 'item') return upgradeItems(value)
    return value
  })
}

function upgradeInfo(info: Json): Json {
  return mapEntries(info, (key, value) => {
    if (key !== 'schema' || typeof value !== 'string') return value
    return value.includes('v2.0.0') ? value.replace('v2.0.0', 'v2.1.0') : SCHEMA_V21_URL
  })
}

function upgradeItems(items: unknown): unknown {
  if (!Array.isArray(items)) return items
  return (items as unknown[]).map((item) =>
    isObject(item)
      ? mapEntries(item, (key, value) => {
          if (key === 'item') return upgradeItems(value)
          if (key === 'auth') return upgradeAuth(value)
          if (key === 'request') return upgradeRequest(value)
          if (key === 'response' && Array.isArray(value)) return (value as unknown[]).map(upgradeResponse)
          return value
        })
      : item,
  )
}

function upgradeResponse(response: unknown): unknown {
  if (!isObject(response)) return response
  return mapEntries(response, (key, value) => (key === 'originalRequest' ? upgradeRequest(value) : value))
}

function upgradeRequest(request: unknown): unknown {
  if (!isObject(request)) return request
  return mapEntries(request, (key, value) => {
    if (key === 'auth') return upgradeAuth(value)
    if (key === 'url' && isObject(value)) return upgradeUrl(value)
    return value
  })
}

function upgradeUrl(url: Json): Json {
  return mapEntries(url, (key, value) => {
    if (key !== 'variable' || !Array.isArray(value)) return value
    return (value as unknown[]).map((variable) => {
      if (!isObject(variable) || !('id' in variable)) return variable
      // v2.1 names the path variable `key`; rename `id` in place so the key order stays the source's.
      const out: Json = {}
      for (const [name, inner] of Object.entries(variable)) {
        if (name !== 'id') out[name] = inner
        else if (!('key' in variable)) out['key'] = inner
      }
      return out
    })
  })
}

function upgradeAuth(auth: unknown): unknown {
  if (!isObject(auth)) return auth
  return mapEntries(auth, (key, value) => {
    // `noauth: {}` stays an object in v2.1 (Postman's own v2.0/v2.1 example twins).
    if (key === 'type' || key === 'noauth' || !isObject(value)) return value
    // Every auth type's v2.0 params object becomes a v2.1 params array, except noauth's (kept as `{}`).
    if ((!KNOWN_AUTH_TYPES.has(key) || key === 'noauth') && key !== auth['type']) return value
    return Object.entries(value).map(([name, inner]) => ({
      key: name,
      value: inner,
      type: authParamType(inner),
    }))
  })
}

function mapEntries(object: Json, map: (key: string, value: unknown) => unknown): Json {
  const out: Json = {}
  for (const [key, value] of Object.entries(object)) {
    // A JSON `"__proto__"` key is an own property after JSON.parse; keep it one (assignment would set the prototype).
    Object.defineProperty(out, key, {
      value: map(key, value),
      enumerable: true,
      writable: true,
      configurable: true,
    })
  }
  return out
}
