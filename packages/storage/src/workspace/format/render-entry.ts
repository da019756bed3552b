import type { Collection } from '@courier/core'
import { isFolder } from '@courier/core'
import { rootDefinitionFromCollection, folderDefinitionFromItem } from './convert-definition.js'
import { exampleFileFromResponse } from './convert-example.js'
import { requestFileFromItem } from './convert-request.js'
import type { PlainObject } from './json-value.js'
import { isPlainObject } from './json-value.js'
import type { LayoutVisit } from './layout-collection.js'
import { collectionDirectoryName, siblingLayout, siblingOrders, visitLayout } from './layout-collection.js'
import { uniqueStems } from './file-names.js'
import { baseStem, modelExtension } from './model-extension.js'
import { renderYaml } from './yaml-text.js'
import type { CollectionFiles, LayoutEntry } from './types.js'

/** Options for {@link renderEntry} and {@link collectionToFiles}. */
export interface RenderOptions {
  /**
   * The collection's directory name when it is not {@link collectionDirectoryName} (a store that had to add a
   * `-1` suffix): the root definition then writes `name:`.
   */
  directoryName?: string
}

/**
 * The YAML text of one file of {@link layoutCollection}'s layout. Rendering the same model twice gives the same
 * bytes. Throws TypeError for an entry that does not belong to this collection's layout.
 * @example renderEntry(collection, layoutCollection(collection)[0])
 */
export function renderEntry(collection: Collection, entry: LayoutEntry, options: RenderOptions = {}): string {
  return renderVisit(collection, locate(collection, entry), options)
}

/**
 * Every file of the collection in Postman's v3 layout: {@link layoutCollection} rendered.
 * @example for (const [path, text] of collectionToFiles(collection)) await writeFile(join(dir, path), text)
 */
export function collectionToFiles(collection: Collection, options: RenderOptions = {}): CollectionFiles {
  const files: CollectionFiles = new Map()
  visitLayout(collection, (visit) => files.set(visit.entry.path, renderVisit(collection, visit, options)))
  return files
}

function renderVisit(collection: Collection, visit: LayoutVisit, options: RenderOptions): string {
  const { entry, target, stem, index, order } = visit
  switch (entry.kind) {
    case 'opaque': {
      const text = modelExtension(collection).files?.[entry.path]
      if (text === undefined) throw new TypeError(`${entry.path}: not a file kept by this collection`)
      return text
    }
    case 'definition':
      return renderYaml(
        entry.itemPath.length === 0
          ? rootDefinitionFromCollection(target, options.directoryName ?? collectionDirectoryName(collection))
          : folderDefinitionFromItem(target, { stem, index, order }),
      )
    case 'request':
      return renderYaml(requestFileFromItem(target, { stem, index, order }))
    case 'example':
      return renderYaml(exampleFileFromResponse(target, { stem, index, order }))
  }
}

/** The visit of one entry, found by its item path (stems and orders computed for its siblings only). */
function locate(collection: Collection, entry: LayoutEntry): LayoutVisit {
  const root = collection as unknown as PlainObject
  if (entry.kind === 'opaque' || entry.itemPath.length === 0) {
    return { entry, target: root, stem: '', index: 0, order: 0 }
  }
  let siblings: unknown[] = Array.isArray(collection.item) ? collection.item : []
  let target: PlainObject | undefined
  let stem = ''
  let order = 0
  let index = 0
  for (const step of entry.itemPath) {
    const item: unknown = siblings[step]
    if (!isPlainObject(item)) throw new TypeError(`${entry.path}: no item at [${entry.itemPath.join(', ')}]`)
    const layout = siblingLayout(siblings)
    target = item
    stem = layout.stems[step] ?? ''
    order = layout.orders[step] ?? 0
    index = step
    siblings = isFolder(item) ? item.item : []
  }
  if (target === undefined) throw new TypeError(`${entry.path}: empty item path`)
  if (entry.kind !== 'example') return { entry, target, stem, index, order }
  const responses = target['response']
  const exampleIndex = entry.exampleIndex ?? -1
  const response: unknown = Array.isArray(responses) ? responses[exampleIndex] : undefined
  if (!Array.isArray(responses) || !isPlainObject(response)) {
    throw new TypeError(`${entry.path}: no example ${exampleIndex}`)
  }
  return {
    entry,
    target: response,
    stem: uniqueStems(responses.map(baseStem))[exampleIndex] ?? '',
    index: exampleIndex,
    order: siblingOrders(responses)[exampleIndex] ?? 0,
  }
}
