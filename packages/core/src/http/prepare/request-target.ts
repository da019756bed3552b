import type { Collection, Item } from '../../collection/index.js'

/**
 * A request of a collection with the folders that hold it, outermost first: what inheritance (auth,
 * `protocolProfileBehavior`) walks.
 * @example const target: RequestTarget = { collection, item: collection.item[0], folders: [] }
 */
export interface RequestTarget {
  collection: Collection
  item: Item
  folders: Item[]
}
