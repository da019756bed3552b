import type { Collection, Item } from '../collection/index.js'
import { isFolder } from '../collection/index.js'
import { AppError } from '../errors/index.js'
import { closestPaths } from './internal/closest-paths.js'
import { walkItems } from './internal/walk-items.js'
import type { ItemLocation, ItemSelector } from './types.js'

/** An item of a collection and where it is. */
export interface FoundItem {
  item: Item
  location: ItemLocation
}

/** Options for {@link findItem}. */
export interface FindItemOptions {
  /** Only folders or only requests can match; an item of the other kind fails with ITEM_WRONG_KIND. */
  kind?: 'folder' | 'request'
}

/**
 * Finds one folder or request by path (`Folder/Sub/Request`), by id (`id` or `_postman_id`) or by a name no
 * other item has, in that order (the rules of `findRequest`, extended to folders).
 * @throws AppError ITEM_AMBIGUOUS listing the matching paths; ITEM_NOT_FOUND with up to 3 close paths;
 * ITEM_WRONG_KIND when only an item of the other kind matches.
 * @example findItem(collection, 'Users/Get user').location.index // [0, 1]
 */
export function findItem(
  collection: Collection,
  selector: ItemSelector,
  options: FindItemOptions = {},
): FoundItem {
  const byPath: FoundItem[] = []
  const byId: FoundItem[] = []
  const byName: FoundItem[] = []
  walkItems(collection.item, (item, index, names, pathText) => {
    const name = item.name ?? ''
    const matchesPath = pathText === selector
    const matchesId = item['id'] === selector || item['_postman_id'] === selector
    const matchesName = name === selector
    if (!matchesPath && !matchesId && !matchesName) return
    const found = { item, location: { index: [...index], path: [...names] } }
    if (matchesPath) byPath.push(found)
    if (matchesId) byId.push(found)
    if (matchesName) byName.push(found)
  })
  const source = collection.info?.name ?? 'collection'
  let otherKind: FoundItem | undefined
  for (const all of [byPath, byId, byName]) {
    const matches =
      options.kind === undefined ? all : all.filter((found) => kindOf(found.item) === options.kind)
    const [only] = matches
    if (matches.length === 1 && only !== undefined) return only
    if (matches.length > 1) {
      const paths = matches.map((found) => found.location.path.join('/'))
      throw new AppError(
        'ITEM_AMBIGUOUS',
        `${source}: ${matches.length} items match "${selector}": ${paths.join(', ')}`,
        { query: selector, source, matches: paths },
      )
    }
    otherKind ??= all[0]
  }
  if (options.kind !== undefined && otherKind !== undefined) {
    const path = otherKind.location.path.join('/')
    throw new AppError('ITEM_WRONG_KIND', `${source}: "${path}" is not a ${options.kind}`, {
      query: selector,
      path,
      expected: options.kind,
    })
  }
  const candidates: { path: string; name: string }[] = []
  walkItems(collection.item, (item, _index, _names, pathText) => {
    if (options.kind === undefined || kindOf(item) === options.kind)
      candidates.push({ path: pathText, name: item.name ?? '' })
  })
  const suggestions = closestPaths(selector, candidates)
  throw new AppError(
    'ITEM_NOT_FOUND',
    `${source}: no ${options.kind ?? 'item'} "${selector}"${suggestions.length > 0 ? ` (did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?)` : ''}`,
    { query: selector, source, suggestions },
  )
}

function kindOf(item: Item): 'folder' | 'request' {
  return isFolder(item) ? 'folder' : 'request'
}

/** The location of the folder `selector` names, or of the collection root for `null`. */
export function findFolderLocation(collection: Collection, selector: ItemSelector | null): ItemLocation {
  return selector === null
    ? { index: [], path: [] }
    : findItem(collection, selector, { kind: 'folder' }).location
}
