import type { Collection, Item } from '@courier/core'

/**
 * The collection with the item at `index` (positions from the root) replaced by `next`; every other object is
 * shared, so the workspace rewrites only that item's files (ADR 0014).
 * @example replaceItemAt(collection, [2, 0], edited)
 */
export function replaceItemAt(collection: Collection, index: readonly number[], next: Item): Collection {
  const replaceIn = (items: readonly Item[], depth: number): Item[] => {
    const position = index[depth]
    if (position === undefined || items[position] === undefined)
      throw new TypeError(`no item at [${index.join(', ')}]`)
    const copy = [...items]
    const current = items[position]
    copy[position] =
      depth === index.length - 1 ? next : { ...current, item: replaceIn(current.item ?? [], depth + 1) }
    return copy
  }
  return { ...collection, item: replaceIn(collection.item ?? [], 0) }
}
