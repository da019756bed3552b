// What the Send button, the snippet and the grant work on: the item as edited (maybe unsaved) in its place in
// the collection, so it inherits the folders' and the collection's auth, scripts and variables.
import {
  findItem,
  type Collection,
  type Item,
  type RequestTarget,
  type WorkspaceCollection,
} from '@courier/core'
import { replaceItemAt } from './replace-item.js'

/**
 * The request target for an item as the UI has it: in place of the saved item `itemId` when given, else a new
 * request at the collection's root.
 * @throws AppError ITEM_NOT_FOUND, ITEM_AMBIGUOUS for an unknown `itemId`
 * @example const target = editedTarget(ws.collection(id), { itemId, item })
 */
export function editedTarget(
  entry: WorkspaceCollection,
  options: { itemId?: string | undefined; item?: Item | undefined },
): RequestTarget {
  const { collection } = entry
  if (options.itemId === undefined) {
    if (options.item === undefined)
      return { collection, item: { name: collection.info?.name ?? '' }, folders: [] }
    return { collection, item: options.item, folders: [] }
  }
  const { item: saved, location } = findItem(collection, options.itemId)
  const item =
    options.item === undefined
      ? saved
      : { ...options.item, ...(saved.id === undefined ? {} : { id: saved.id }) }
  const next = item === saved ? collection : replaceItemAt(collection, location.index, item)
  return { collection: next, item, folders: foldersAt(next, location.index) }
}

function foldersAt(collection: Collection, index: readonly number[]): Item[] {
  const folders: Item[] = []
  let items = collection.item ?? []
  for (const position of index.slice(0, -1)) {
    const folder = items[position]
    if (folder === undefined) break
    folders.push(folder)
    items = folder.item ?? []
  }
  return folders
}
