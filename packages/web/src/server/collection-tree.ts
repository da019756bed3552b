// The collections as the UI's sidebar shows them (docs/ui-api.md `GET /api/collections`), and the ids the API
// names collections and items by.
import { isFolder, requestMethod, type Item, type WorkspaceCollection } from '@courier/core'

/** A folder or request of the sidebar tree. */
export interface TreeNode {
  type: 'folder' | 'request'
  /** The item's id (`id` or `_postman_id`), or its path when it has none. */
  id: string
  name: string
  /** Names from the collection root, joined by `/`. */
  path: string
  method?: string
  /** A request's saved examples. */
  examples?: { id: string; name: string }[]
  items?: TreeNode[]
}

/** A collection of the sidebar. */
export interface CollectionSummary {
  /** `info._postman_id`, or the folder name when it has none. */
  id: string
  /** Its folder, relative to the workspace root. */
  dir: string
  name: string
  tree: TreeNode[]
}

/**
 * The id the API uses for a collection.
 * @example collectionId({ dir: 'postman/collections/Shop', collection }) // 'c0ffee…' or 'Shop'
 */
export function collectionId(entry: WorkspaceCollection): string {
  const id = entry.collection.info?._postman_id
  return typeof id === 'string' && id !== '' ? id : (entry.dir.split('/').at(-1) ?? entry.dir)
}

/**
 * The id the API uses for an item: `id`, `_postman_id`, or its path (core's `findItem` takes all three).
 * @example itemId({ name: 'Get user', id: '1a2b' }, 'Users/Get user') // '1a2b'
 */
export function itemId(item: Item, path: string): string {
  for (const key of ['id', '_postman_id'] as const) {
    const value = item[key]
    if (typeof value === 'string' && value !== '') return value
  }
  return path
}

/**
 * The sidebar entry of a collection.
 * @example summarizeCollection(ws.collection('Shop')).tree[0].name
 */
export function summarizeCollection(entry: WorkspaceCollection): CollectionSummary {
  return {
    id: collectionId(entry),
    dir: entry.dir,
    name: entry.collection.info?.name ?? '',
    tree: treeOf(entry.collection.item ?? [], []),
  }
}

function treeOf(items: readonly Item[], parents: readonly string[]): TreeNode[] {
  return items.map((item) => {
    const names = [...parents, item.name ?? '']
    const path = names.join('/')
    const base = { id: itemId(item, path), name: item.name ?? '', path }
    if (isFolder(item)) return { type: 'folder', ...base, items: treeOf(item.item ?? [], names) }
    const examples = (item.response ?? []).map((example, index) => ({
      id: typeof example.id === 'string' ? example.id : String(index),
      name: example.name ?? '',
    }))
    return { type: 'request', ...base, method: requestMethod(item.request), examples }
  })
}
