import type { Item } from '../../collection/index.js'
import { isFolder } from '../../collection/index.js'

/**
 * Visits every item depth-first in collection order. `index` and `names` are the live stacks of the walk (copy
 * them to keep them); `pathText` is the names joined by `/`.
 */
export function walkItems(
  items: readonly Item[],
  visit: (item: Item, index: readonly number[], names: readonly string[], pathText: string) => void,
): void {
  const index: number[] = []
  const names: string[] = []
  const walk = (level: readonly Item[], prefix: string): void => {
    for (let position = 0; position < level.length; position++) {
      const item = level[position]
      if (item === undefined) continue
      const name = item.name ?? ''
      const pathText = `${prefix}${name}`
      index.push(position)
      names.push(name)
      visit(item, index, names, pathText)
      if (isFolder(item)) walk(item.item, `${pathText}/`)
      index.pop()
      names.pop()
    }
  }
  walk(items, '')
}
