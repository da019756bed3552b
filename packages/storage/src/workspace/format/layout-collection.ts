import type { Collection } from '@courier/core'
import { isFolder } from '@courier/core'
import { sanitiseName, uniqueStems } from './file-names.js'
import type { PlainObject } from './json-value.js'
import { isPlainObject } from './json-value.js'
import { baseStem, defaultOrder, modelExtension } from './model-extension.js'
import type { LayoutEntry } from './types.js'

/** Where the children of one folder (or of the collection) go: stems, orders and directory. */
export interface SiblingLayout {
  stems: string[]
  orders: number[]
}

/**
 * The collection's directory name: its name made safe for a file system (§3 of the v3 format).
 * @example collectionDirectoryName({ info: { name: 'Shop: API' }, item: [] }) // 'Shop- API'
 */
export function collectionDirectoryName(collection: Collection): string {
  return sanitiseName(collection.info?.name)
}

/** One file of the layout with what rendering it needs. */
export interface LayoutVisit {
  entry: LayoutEntry
  /** The folder, request item or response the file holds (the collection for the root definition and opaque files). */
  target: PlainObject
  stem: string
  index: number
  order: number
}

/**
 * Every file of the collection's v3 layout, in tree order, without rendering any: the root definition, then per
 * folder its definition, its requests and their examples. Stems are unique per directory (case-insensitively,
 * `-1`, `-2`… on collisions); files kept verbatim from an earlier read come last, and a generated file with the
 * same path as one of them (compared case-insensitively) is left out.
 * @example layoutCollection(collection).map((entry) => entry.path)
 */
export function layoutCollection(collection: Collection): LayoutEntry[] {
  const entries: LayoutEntry[] = []
  visitLayout(collection, (visit) => entries.push(visit.entry))
  return entries
}

/** Walks the layout once, giving each file with its target, stem and order (used by layout and rendering). */
export function visitLayout(collection: Collection, visitor: (visit: LayoutVisit) => void): void {
  const root = collection as unknown as PlainObject
  const kept = Object.keys(modelExtension(collection).files ?? {})
  // A file kept verbatim (one that could not be read) keeps its path: nothing generated is written over it.
  const reserved = new Set(kept.map((path) => path.toLowerCase()))
  const emit = (visit: LayoutVisit): void => {
    if (!reserved.has(visit.entry.path.toLowerCase())) visitor(visit)
  }
  emit({
    entry: { path: '.resources/definition.yaml', kind: 'definition', itemPath: [] },
    target: root,
    stem: '',
    index: 0,
    order: 0,
  })
  walk(Array.isArray(collection.item) ? collection.item : [], '', [], emit)
  for (const path of kept) {
    visitor({ entry: { path, kind: 'opaque', itemPath: [] }, target: root, stem: '', index: 0, order: 0 })
  }
}

// The layout of a sibling list depends only on the list, its directory and its position: edits share unchanged
// lists (structural sharing), so a save re-lays out only the folders on the path of a change (5,000 requests:
// 9 ms → under 1 ms). Keyed weakly by the list, so it never keeps a collection alive.
const walked = new WeakMap<
  readonly unknown[],
  { directory: string; parentKey: string; visits: LayoutVisit[] }
>()

function walk(
  items: readonly unknown[],
  directory: string,
  parentPath: number[],
  emit: (visit: LayoutVisit) => void,
): void {
  const parentKey = parentPath.join('.')
  const known = walked.get(items)
  if (known !== undefined && known.directory === directory && known.parentKey === parentKey) {
    for (const visit of known.visits) emit(visit)
    return
  }
  const visits: LayoutVisit[] = []
  walkList(items, directory, parentPath, (visit) => visits.push(visit))
  walked.set(items, { directory, parentKey, visits })
  for (const visit of visits) emit(visit)
}

function walkList(
  items: readonly unknown[],
  directory: string,
  parentPath: number[],
  emit: (visit: LayoutVisit) => void,
): void {
  const { stems, orders } = siblingLayout(items)
  items.forEach((item, index) => {
    const itemPath = [...parentPath, index]
    const stem = stems[index] ?? ''
    const order = orders[index] ?? 0
    const target: PlainObject = isPlainObject(item) ? item : {}
    if (isFolder(target)) {
      const folderDirectory = `${directory}${stem}/`
      const path = `${folderDirectory}.resources/definition.yaml`
      emit({ entry: { path, kind: 'definition', itemPath }, target, stem, index, order })
      walk(target.item, folderDirectory, itemPath, emit)
      return
    }
    emit({
      entry: { path: `${directory}${stem}.request.yaml`, kind: 'request', itemPath },
      target,
      stem,
      index,
      order,
    })
    const responses = target['response']
    if (!Array.isArray(responses)) return
    const exampleStems = uniqueStems(responses.map(baseStem))
    const exampleOrders = siblingOrders(responses)
    responses.forEach((response, exampleIndex) => {
      const exampleStem = exampleStems[exampleIndex] ?? ''
      emit({
        entry: {
          path: `${directory}.resources/${stem}.resources/examples/${exampleStem}.example.yaml`,
          kind: 'example',
          itemPath,
          exampleIndex,
        },
        target: isPlainObject(response) ? response : {},
        stem: exampleStem,
        index: exampleIndex,
        order: exampleOrders[exampleIndex] ?? 0,
      })
    })
  })
}

/**
 * Stems and orders of one sibling list. Folders and requests are named apart (a folder is a directory, a request a
 * file) but share one order: a kept order (`x-courier.order`) is reused, others are 1000 × (index + 1), and one
 * that would not sort after its previous sibling is moved between its neighbours.
 */
export function siblingLayout(items: readonly unknown[]): SiblingLayout {
  const folderIndexes: number[] = []
  const requestIndexes: number[] = []
  items.forEach((item, index) =>
    (isPlainObject(item) && isFolder(item) ? folderIndexes : requestIndexes).push(index),
  )
  const stems: string[] = new Array<string>(items.length)
  for (const indexes of [folderIndexes, requestIndexes]) {
    const unique = uniqueStems(indexes.map((index) => baseStem(items[index])))
    indexes.forEach((index, at) => (stems[index] = unique[at] ?? ''))
  }
  return { stems, orders: siblingOrders(items) }
}

/** Orders for a sibling list (items or examples), strictly increasing in array order. */
export function siblingOrders(items: readonly unknown[]): number[] {
  const kept = items.map((item) => modelExtension(item).order)
  const orders: number[] = []
  let previous = -Infinity
  kept.forEach((order, index) => {
    let chosen = order ?? defaultOrder(index)
    if (chosen <= previous) {
      const next = kept.slice(index + 1).find((later) => later !== undefined && later > previous + 1)
      chosen = next === undefined ? Math.floor(previous) + 1000 : (previous + next) / 2
    }
    orders.push(chosen)
    previous = chosen
  })
  return orders
}
