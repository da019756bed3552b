import type { Collection, Item } from '../collection/index.js'
import { isFolder } from '../collection/index.js'
import type { Clock } from '../ports/index.js'
import { insertItemAt } from './create-item.js'
import { findItem } from './find-item.js'
import { walkItems } from './internal/walk-items.js'
import { idOf, itemAt, parentLocation, updateChildrenAt } from './internal/tree.js'
import type { EditResult, ItemLocation, ItemSelector } from './types.js'

/** A deleted folder or request and where it was, enough to put it back. Plain data: store it as JSON. */
export interface TrashEntry {
  item: Item
  /** The collection's `info._postman_id`, when it has one. */
  collectionId?: string
  /** The id of the folder it was in; absent at the collection root or for a folder without id. */
  parentId?: string
  /** The folder it was in (`{ index: [], path: [] }`: the collection root). */
  parent: ItemLocation
  /** Its position in that folder. */
  index: number
  /** When it was deleted (ISO 8601, from the Clock). */
  deletedAt: string
}

/**
 * Removes a folder or request and returns it as a trash entry that {@link restoreItem} puts back.
 * @throws AppError ITEM_NOT_FOUND, ITEM_AMBIGUOUS.
 * @example const { collection: next, trashed } = deleteItem(collection, 'Users/Get user', { clock })
 */
export function deleteItem(
  collection: Collection,
  selector: ItemSelector,
  options: { clock: Clock },
): EditResult & { trashed: TrashEntry } {
  const { item, location } = findItem(collection, selector)
  const parent = parentLocation(location)
  const index = location.index[location.index.length - 1] ?? 0
  const next = updateChildrenAt(collection, parent.index, (children) =>
    children.filter((_, position) => position !== index),
  )
  const trashed: TrashEntry = { item, parent, index, deletedAt: options.clock.now().toISOString() }
  const collectionId = collection.info?.['_postman_id']
  if (typeof collectionId === 'string') trashed.collectionId = collectionId
  const parentId = parent.index.length > 0 ? idOf(itemAt(collection, parent.index)).itemId : undefined
  if (parentId !== undefined) trashed.parentId = parentId
  return { collection: next, changed: [{ type: 'item-removed', ...idOf(item), from: location }], trashed }
}

/**
 * Puts a deleted item back where it was: in the same folder (found by id, else by position and names) at the
 * same position; at the end of that folder when the folder got shorter, and at the end of the collection when
 * the folder is gone.
 * @example restoreItem(deleted.collection, deleted.trashed) // deep-equal to the collection before the delete
 */
export function restoreItem(collection: Collection, entry: TrashEntry): EditResult {
  const parent = findParent(collection, entry)
  return parent === undefined
    ? insertItemAt(collection, { index: [], path: [] }, entry.item)
    : insertItemAt(collection, parent, entry.item, entry.index)
}

function findParent(collection: Collection, entry: TrashEntry): ItemLocation | undefined {
  if (entry.parent.index.length === 0) return { index: [], path: [] }
  let byId: ItemLocation | undefined
  let byPlace: ItemLocation | undefined
  walkItems(collection.item, (item, index, names) => {
    if (!isFolder(item)) return
    if (byId === undefined && entry.parentId !== undefined && idOf(item).itemId === entry.parentId)
      byId = { index: [...index], path: [...names] }
    if (byPlace === undefined && sameList(index, entry.parent.index) && sameList(names, entry.parent.path))
      byPlace = { index: [...index], path: [...names] }
  })
  return byId ?? byPlace
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((value, position) => b[position] === value)
}
