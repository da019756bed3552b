import type { Collection, Item } from '../collection/index.js'
import { eventList, isFolder } from '../collection/index.js'
import type { Random } from '../ports/index.js'
import { findItem } from './find-item.js'
import { newId, newIds } from './internal/new-id.js'
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
  // The model is JSON data, and a JSON round trip copies it three times faster than structuredClone.
  const copy = withNewIds(JSON.parse(JSON.stringify(item)) as Item, options.random)
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
  const slots: [Record<string, unknown>, string][] = []
  collectIdSlots(item, slots)
  const ids = newIds(random, slots.length)
  slots.forEach(([holder, key], index) => {
    holder[key] = ids[index]
  })
  return item
}

/** Every `[object, key]` of an item tree that holds an id. */
function collectIdSlots(item: Item, slots: [Record<string, unknown>, string][]): void {
  const add = (target: Record<string, unknown>): void => {
    for (const key of ['id', '_postman_id'])
      if (typeof target[key] === 'string' && target[key] !== '') slots.push([target, key])
  }
  add(item)
  for (const event of eventList(item.event)) {
    add(event)
    if (typeof event.script === 'object') add(event.script)
  }
  for (const response of item.response ?? []) add(response)
  if (isFolder(item)) for (const child of item.item) collectIdSlots(child, slots)
}
