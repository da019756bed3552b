import type { Collection, Item } from '../collection/index.js'
import { eventList, isFolder } from '../collection/index.js'
import type { Random } from '../ports/index.js'
import { findItem } from './find-item.js'
import { newId } from './internal/new-id.js'
import { checkName, childLocation, idOf, parentLocation, updateChildrenAt } from './internal/tree.js'
import type { EditResult, ItemSelector } from './types.js'

/** Options for {@link duplicateItem}. */
export interface DuplicateItemOptions {
  random: Random
  /** The copy's name; by default the Postman app's: `<name> Copy`. */
  name?: string
}

/**
 * Copies a folder or request right after the original, named `<name> Copy` as the Postman app names a
 * duplicate. Every id in the copy is new (the item's and its descendants', their examples' and their scripts'),
 * so the copy shares none with the original.
 * @throws AppError ITEM_NOT_FOUND, ITEM_AMBIGUOUS; NAME_INVALID for an empty `name`.
 * @example duplicateItem(collection, 'Users/Get user', { random }).changed[0] // { type: 'item-added', … }
 */
export function duplicateItem(
  collection: Collection,
  selector: ItemSelector,
  options: DuplicateItemOptions,
): EditResult {
  const { item, location } = findItem(collection, selector)
  const name = checkName(options.name ?? `${item.name ?? ''} Copy`, isFolder(item) ? 'folder' : 'request')
  const copy = withNewIds(structuredClone(item), options.random)
  copy.name = name
  // The copy always gets an id, so the UI and the files can tell it from the original.
  if (idOf(copy).itemId === undefined) copy['id'] = newId(options.random)
  const position = (location.index[location.index.length - 1] ?? 0) + 1
  const parent = parentLocation(location)
  const next = updateChildrenAt(collection, parent.index, (children) => [
    ...children.slice(0, position),
    copy,
    ...children.slice(position),
  ])
  return {
    collection: next,
    changed: [{ type: 'item-added', ...idOf(copy), at: childLocation(parent, position, name) }],
  }
}

/**
 * Gives every id-bearing object of an item tree a new id, in place (the tree is a private copy): items (`id`,
 * `_postman_id`), examples (`response[].id`), events and their scripts (`event[].id`, `script.id`). Variable and
 * URL-variable `id`s are names (v2.0's `key`), not identities, and stay.
 */
export function withNewIds(item: Item, random: Random): Item {
  renew(item, random)
  for (const event of eventList(item.event)) {
    renew(event, random)
    if (typeof event.script === 'object') renew(event.script, random)
  }
  for (const response of item.response ?? []) renew(response, random)
  if (isFolder(item)) for (const child of item.item) withNewIds(child, random)
  return item
}

function renew(target: Record<string, unknown>, random: Random): void {
  for (const key of ['id', '_postman_id'])
    if (typeof target[key] === 'string' && target[key] !== '') target[key] = newId(random)
}
