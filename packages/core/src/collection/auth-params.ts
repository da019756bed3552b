import type { Auth } from './collection-schema.js'

/**
 * The auth type an auth block sets: its `type`, or `'inherit'` when there is none (`auth: null` or absent means
 * inherit from the parent, while `noauth` stops inheritance).
 * @example authType(item.request.auth) // 'oauth2' | 'noauth' | 'inherit'
 */
export function authType(auth: Auth | null | undefined): string {
  return auth == null ? 'inherit' : auth.type
}

/**
 * An auth block's params as a key → value map, from v2.1 `[{ key, value, type }]` arrays and v2.0 objects alike.
 * @example authParams({ type: 'bearer', bearer: [{ key: 'token', value: 't' }] }) // { token: 't' }
 */
export function authParams(auth: Auth | null | undefined): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  if (auth == null) return params
  const raw = auth[auth.type]
  if (Array.isArray(raw)) {
    for (const entry of raw as unknown[]) {
      if (typeof entry !== 'object' || entry === null) continue
      const { key, value } = entry as { key?: unknown; value?: unknown }
      if (typeof key === 'string') define(params, key, value)
    }
  } else if (typeof raw === 'object' && raw !== null) {
    for (const [key, value] of Object.entries(raw)) define(params, key, value)
  }
  return params
}

function define(target: Record<string, unknown>, key: string, value: unknown): void {
  // `__proto__` is a legal param name; keep it an own property.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}
