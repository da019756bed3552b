import type { CollectionSummary, TreeNode } from '../api/types'

/** One visible line of the sidebar tree. */
export interface TreeRow {
  /** Unique across collections: `collectionId/itemId`, or `collectionId` for the collection itself. */
  key: string
  kind: 'collection' | 'folder' | 'request'
  collectionId: string
  /** The item id; undefined for a collection row. */
  itemId: string | undefined
  /** The folder holding the item; null at the collection's top level. */
  parentId: string | null
  /** Position among its siblings. */
  index: number
  name: string
  method: string | undefined
  depth: number
  hasChildren: boolean
  expanded: boolean
}

export function rowKey(collectionId: string, itemId?: string): string {
  return itemId === undefined ? collectionId : `${collectionId}/${itemId}`
}

function matches(node: TreeNode, filter: string): boolean {
  if (node.name.toLowerCase().includes(filter)) return true
  return (node.items ?? []).some((child) => matches(child, filter))
}

/**
 * The rows a user sees: collections, and the children of expanded ones. With a filter, only matching items
 * and their ancestors, all expanded. Linear in the visible rows, so 5,000 requests flatten in a few ms.
 */
export function flattenTree(
  collections: CollectionSummary[],
  expanded: ReadonlySet<string>,
  filter = '',
): TreeRow[] {
  const rows: TreeRow[] = []
  const needle = filter.trim().toLowerCase()
  const walk = (collectionId: string, nodes: TreeNode[], parentId: string | null, depth: number) => {
    nodes.forEach((node, index) => {
      if (needle !== '' && !matches(node, needle)) return
      const key = rowKey(collectionId, node.id)
      const children = node.items ?? []
      const open = node.type === 'folder' && (needle !== '' || expanded.has(key))
      rows.push({
        key,
        kind: node.type,
        collectionId,
        itemId: node.id,
        parentId,
        index,
        name: node.name,
        method: node.method,
        depth,
        hasChildren: children.length > 0,
        expanded: open,
      })
      if (open) walk(collectionId, children, node.id, depth + 1)
    })
  }
  for (const collection of collections) {
    if (
      needle !== '' &&
      !collection.name.toLowerCase().includes(needle) &&
      !collection.tree.some((n) => matches(n, needle))
    )
      continue
    const open = needle !== '' || expanded.has(collection.id)
    rows.push({
      key: collection.id,
      kind: 'collection',
      collectionId: collection.id,
      itemId: undefined,
      parentId: null,
      index: 0,
      name: collection.name,
      method: undefined,
      depth: 0,
      hasChildren: collection.tree.length > 0,
      expanded: open,
    })
    if (open) walk(collection.id, collection.tree, null, 1)
  }
  return rows
}

/** Finds a node by id in a collection's tree. */
export function findNode(nodes: TreeNode[], id: string): TreeNode | undefined {
  for (const node of nodes) {
    if (node.id === id) return node
    const found = findNode(node.items ?? [], id)
    if (found !== undefined) return found
  }
  return undefined
}

/** The keys of the folders on the way to an item (to expand them when the item is opened). */
export function ancestorKeys(collection: CollectionSummary, itemId: string): string[] {
  const path: string[] = []
  const walk = (nodes: TreeNode[]): boolean => {
    for (const node of nodes) {
      if (node.id === itemId) return true
      if (node.items !== undefined) {
        path.push(rowKey(collection.id, node.id))
        if (walk(node.items)) return true
        path.pop()
      }
    }
    return false
  }
  walk(collection.tree)
  return [collection.id, ...path]
}
