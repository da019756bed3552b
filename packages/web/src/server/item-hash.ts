// The version of an item the UI edits (docs/ui-api.md `hash`): a PUT carrying an older one is refused with 409
// WORKSPACE_STALE, so an edit made on a stale copy never overwrites what another program wrote.
import { createHash } from 'node:crypto'
import type { Item } from '@courier/core'

/**
 * SHA-256 of the item's canonical JSON (keys sorted, so the same content read back from YAML hashes the same); a
 * folder's hash leaves its children out (they have their own).
 * @example itemHash({ name: 'Get user', request: { method: 'GET', url: '/users/1' } }) // '3f1c…'
 */
export function itemHash(item: Item): string {
  const { item: children, ...own } = item
  return createHash('sha256')
    .update(canonicalJson(children === undefined ? item : own))
    .digest('hex')
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}
