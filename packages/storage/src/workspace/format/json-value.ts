/** A plain JSON-like object (not an array, not null). */
export type PlainObject = Record<string, unknown>

export function isPlainObject(value: unknown): value is PlainObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Sets an own property, even for `__proto__` (a legal key in user data). */
export function define(target: PlainObject, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

/** Deep equality of JSON-like values; key order is ignored, `undefined` properties count as present. */
export function isDeepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b)
  }
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    for (let index = 0; index < a.length; index++) if (!isDeepEqual(a[index], b[index])) return false
    return true
  }
  if (Array.isArray(b)) return false
  const aKeys = Object.keys(a)
  if (aKeys.length !== Object.keys(b).length) return false
  for (const key of aKeys) {
    if (!Object.prototype.hasOwnProperty.call(b, key)) return false
    if (!isDeepEqual((a as PlainObject)[key], (b as PlainObject)[key])) return false
  }
  return true
}

/** A deep copy of a JSON-like value (own `__proto__` keys kept as data). */
export function cloneValue<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value
  if (Array.isArray(value)) return value.map((inner: unknown) => cloneValue(inner)) as T
  const copy: PlainObject = {}
  for (const key of Object.keys(value)) define(copy, key, cloneValue((value as PlainObject)[key]))
  return copy as T
}

/** An own property's value (never an inherited one). */
export function own(target: PlainObject, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(target, key) ? target[key] : undefined
}
