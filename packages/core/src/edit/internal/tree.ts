import type { Collection, Item } from '../../collection/index.js'
import { isFolder } from '../../collection/index.js'
import { AppError } from '../../errors/index.js'
import type { ItemLocation } from '../types.js'

// Structural sharing: an edit copies the edited item and its ancestors (spreads keep key order, so an export
// stays diff-stable) and shares every other object with the input.

/** The location of the collection root: the parent of the top-level items. */
export function rootLocation(): ItemLocation {
  return { index: [], path: [] }
}

/** The item at `index`. */
export function itemAt(collection: Collection, index: readonly number[]): Item {
  let items: readonly Item[] = collection.item
  let item: Item | undefined
  for (const position of index) {
    if (item !== undefined) items = isFolder(item) ? item.item : []
    item = items[position]
    if (item === undefined) throw new TypeError(`no item at [${index.join(', ')}]`)
  }
  if (item === undefined) throw new TypeError('the root is not an item')
  return item
}

/** The children of the folder at `parentIndex` (`[]`: the top-level items). */
export function childrenAt(collection: Collection, parentIndex: readonly number[]): readonly Item[] {
  if (parentIndex.length === 0) return collection.item
  const parent = itemAt(collection, parentIndex)
  if (!isFolder(parent)) throw new TypeError(`[${parentIndex.join(', ')}] is not a folder`)
  return parent.item
}

/** The collection with the children of the folder at `parentIndex` replaced by `update(children)`. */
export function updateChildrenAt(
  collection: Collection,
  parentIndex: readonly number[],
  update: (children: readonly Item[]) => Item[],
): Collection {
  const rewrite = (items: readonly Item[], depth: number): Item[] => {
    if (depth === parentIndex.length) return update(items)
    const position = parentIndex[depth] ?? -1
    const item = items[position]
    if (item === undefined || !isFolder(item))
      throw new TypeError(`[${parentIndex.join(', ')}] is not a folder`)
    const copy = items.slice()
    copy[position] = { ...item, item: rewrite(item.item, depth + 1) }
    return copy
  }
  return { ...collection, item: rewrite(collection.item, 0) }
}

/** The collection with the item at `index` replaced by `update(item)`. */
export function updateItemAt(
  collection: Collection,
  index: readonly number[],
  update: (item: Item) => Item,
): Collection {
  const position = index[index.length - 1]
  if (position === undefined) throw new TypeError('the root is not an item')
  return updateChildrenAt(collection, index.slice(0, -1), (children) => {
    const item = children[position]
    if (item === undefined) throw new TypeError(`no item at [${index.join(', ')}]`)
    const copy = children.slice()
    copy[position] = update(item)
    return copy
  })
}

/** The location of the child at `position` named `name` of the container at `parent`. */
export function childLocation(parent: ItemLocation, position: number, name: string): ItemLocation {
  return { index: [...parent.index, position], path: [...parent.path, name] }
}

/** The parent of a location. */
export function parentLocation(location: ItemLocation): ItemLocation {
  return { index: location.index.slice(0, -1), path: location.path.slice(0, -1) }
}

/** The item's id (`id`, else `_postman_id`) when it has one, as a change reports it. */
export function idOf(item: Item): { itemId?: string } {
  const id = typeof item['id'] === 'string' ? item['id'] : item['_postman_id']
  return typeof id === 'string' && id !== '' ? { itemId: id } : {}
}

/**
 * Checks a name the user gives a folder, request, example or environment: Postman refuses empty ones (sibling
 * names may repeat).
 * @throws AppError NAME_INVALID
 */
export function checkName(name: string, what: string): string {
  if (name.trim() === '')
    throw new AppError('NAME_INVALID', `a ${what} name cannot be empty`, {
      name,
      what,
      reason: 'it cannot be empty',
    })
  return name
}
