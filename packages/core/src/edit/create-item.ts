import type { Collection, Item } from '../collection/index.js'
import type { Random } from '../ports/index.js'
import { editFoundItem } from './edit-item.js'
import { findFolderLocation } from './find-item.js'
import { newId } from './internal/new-id.js'
import { checkName, childLocation, idOf, updateChildrenAt } from './internal/tree.js'
import type { ItemPatch } from './item-patch.js'
import type { EditResult, ItemLocation, ItemSelector } from './types.js'

/** Where a new item goes: the folder (`null` or absent: the collection root) and the position (default: last). */
export interface Placement {
  parent?: ItemSelector | null
  index?: number
}

/** A new request: its name, where it goes, and any request fields (method GET and an empty URL by default). */
export interface NewRequest extends Placement, Omit<ItemPatch, 'name'> {
  name: string
}

/** A new folder. */
export interface NewFolder extends Placement {
  name: string
  /** Markdown. */
  description?: string
}

/**
 * Adds a request to the collection root or a folder, with a new id, shaped as Postman exports one.
 * @throws AppError NAME_INVALID; ITEM_NOT_FOUND, ITEM_AMBIGUOUS, ITEM_WRONG_KIND for the parent.
 * @example createRequest(collection, { parent: 'Users', name: 'List users', url: '{{base}}/users' }, { random })
 */
export function createRequest(
  collection: Collection,
  init: NewRequest,
  options: { random: Random },
): EditResult {
  const { parent = null, index, name, ...fields } = init
  const id = newId(options.random)
  const item: Item = {
    name: checkName(name, 'request'),
    id,
    request: { method: 'GET', header: [], url: { raw: '' } },
    response: [],
  }
  const added = insertItem(collection, { parent, ...(index !== undefined && { index }) }, item)
  if (Object.keys(fields).length === 0) return added
  // The request fields go through the same code as an edit, so a new request and an edited one look alike.
  const [change] = added.changed
  if (change?.type !== 'item-added') throw new TypeError('insertItem reports item-added')
  const found = { item, location: change.at }
  const edited = editFoundItem(added.collection, found, fields, name)
  return { collection: edited.collection, changed: added.changed }
}

/**
 * Adds an empty folder to the collection root or a folder, with a new id.
 * @throws AppError NAME_INVALID; ITEM_NOT_FOUND, ITEM_AMBIGUOUS, ITEM_WRONG_KIND for the parent.
 * @example createFolder(collection, { name: 'Admin' }, { random })
 */
export function createFolder(
  collection: Collection,
  init: NewFolder,
  options: { random: Random },
): EditResult {
  const item: Item = { name: checkName(init.name, 'folder'), id: newId(options.random), item: [] }
  if (init.description !== undefined) item.description = init.description
  return insertItem(
    collection,
    { parent: init.parent ?? null, ...(init.index !== undefined && { index: init.index }) },
    item,
  )
}

/** Inserts `item` (already built) at a placement; reports `item-added`. */
export function insertItem(collection: Collection, placement: Placement, item: Item): EditResult {
  return insertItemAt(
    collection,
    findFolderLocation(collection, placement.parent ?? null),
    item,
    placement.index,
  )
}

/** Inserts `item` into the folder at `parent` (the root: `[]`) at `index` (default: last). */
export function insertItemAt(
  collection: Collection,
  parent: ItemLocation,
  item: Item,
  index?: number,
): EditResult {
  let position = 0
  const next = updateChildrenAt(collection, parent.index, (children) => {
    position = clampIndex(index, children.length)
    return [...children.slice(0, position), item, ...children.slice(position)]
  })
  return {
    collection: next,
    changed: [{ type: 'item-added', ...idOf(item), at: childLocation(parent, position, item.name ?? '') }],
  }
}

/** A requested position clamped into `[0, length]`; absent means the end. */
export function clampIndex(index: number | undefined, length: number): number {
  if (index === undefined || !Number.isFinite(index)) return length
  return Math.min(Math.max(0, Math.trunc(index)), length)
}
