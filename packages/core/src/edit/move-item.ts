import type { Collection } from '../collection/index.js'
import { AppError } from '../errors/index.js'
import { clampIndex, insertItem } from './create-item.js'
import { findFolderLocation, findItem } from './find-item.js'
import { childLocation, childrenAt, idOf, updateChildrenAt } from './internal/tree.js'
import type { EditResult, ItemLocation, ItemSelector } from './types.js'

/** Where a moved item goes: a folder (`null`: the collection root) and its position there (default: last). */
export interface MoveTarget {
  to: ItemSelector | null
  /** The item's position in the destination once moved, clamped to the destination's size. */
  index?: number
}

/**
 * Moves a folder or request within its collection, keeping it as it is (ids included).
 * @throws AppError MOVE_INTO_ITSELF for a folder moved into itself or a descendant; ITEM_NOT_FOUND,
 * ITEM_AMBIGUOUS; ITEM_WRONG_KIND when the destination is a request.
 * @example moveItem(collection, 'Users/Get user', { to: 'Admin', index: 0 })
 */
export function moveItem(collection: Collection, selector: ItemSelector, target: MoveTarget): EditResult {
  const { item, location: from } = findItem(collection, selector)
  const destination = findFolderLocation(collection, target.to)
  if (startsWith(destination.index, from.index)) {
    const itemPath = from.path.join('/')
    const targetPath = destination.path.join('/')
    throw new AppError('MOVE_INTO_ITSELF', `cannot move "${itemPath}" into "${targetPath}"`, {
      item: itemPath,
      target: targetPath,
    })
  }
  const fromParent = from.index.slice(0, -1)
  const fromPosition = from.index[from.index.length - 1] ?? 0
  // Removing the item shifts the later siblings of its parent, and so the destination's own index.
  const parentIndex = destination.index.map((position, depth) =>
    depth === fromParent.length && startsWith(destination.index, fromParent) && position > fromPosition
      ? position - 1
      : position,
  )
  const removed = updateChildrenAt(collection, fromParent, (children) =>
    children.filter((_, position) => position !== fromPosition),
  )
  const siblings = childrenAt(removed, parentIndex)
  const position = clampIndex(target.index, siblings.length)
  const to: ItemLocation = childLocation(
    { index: parentIndex, path: destination.path },
    position,
    item.name ?? '',
  )
  if (sameIndex(to.index, from.index)) return { collection, changed: [] }
  const next = updateChildrenAt(removed, parentIndex, (children) => [
    ...children.slice(0, position),
    item,
    ...children.slice(position),
  ])
  return { collection: next, changed: [{ type: 'item-moved', ...idOf(item), from, to }] }
}

/**
 * Moves a folder or request from one collection to another, keeping it as it is (ids included).
 * @throws AppError ITEM_NOT_FOUND, ITEM_AMBIGUOUS; ITEM_WRONG_KIND when the destination is a request.
 * @example const { from, to } = moveItemBetween(api, 'Users/Get user', { collection: admin, to: null })
 */
export function moveItemBetween(
  source: Collection,
  selector: ItemSelector,
  target: MoveTarget & { collection: Collection },
): { from: EditResult; to: EditResult } {
  const { item, location } = findItem(source, selector)
  // Resolve the destination first: a missing folder must leave both collections as they were.
  findFolderLocation(target.collection, target.to)
  const to = insertItem(
    target.collection,
    { parent: target.to, ...(target.index !== undefined && { index: target.index }) },
    item,
  )
  const position = location.index[location.index.length - 1] ?? 0
  const removed = updateChildrenAt(source, location.index.slice(0, -1), (children) =>
    children.filter((_, index) => index !== position),
  )
  return {
    from: { collection: removed, changed: [{ type: 'item-removed', ...idOf(item), from: location }] },
    to,
  }
}

function startsWith(index: readonly number[], prefix: readonly number[]): boolean {
  return prefix.length <= index.length && prefix.every((position, depth) => index[depth] === position)
}

function sameIndex(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && startsWith(a, b)
}
