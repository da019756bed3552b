/** The deepest folder nesting found, and the JSON path of the first item that exceeds `limit`, if any. */
export interface DepthResult {
  maxDepth: number
  tooDeepAt?: string
}

/**
 * Measures folder nesting iteratively (no recursion, so a 5000-deep file cannot overflow the stack before it is
 * rejected). Depth 1 = items directly under the collection.
 */
export function measureDepth(root: unknown, limit: number): DepthResult {
  let maxDepth = 0
  const stack: { node: unknown; depth: number; path: string }[] = [{ node: root, depth: 0, path: '$' }]
  while (stack.length > 0) {
    const { node, depth, path } = stack.pop() as { node: unknown; depth: number; path: string }
    if (typeof node !== 'object' || node === null) continue
    const items = (node as { item?: unknown }).item
    if (!Array.isArray(items)) continue
    const childDepth = depth + 1
    if (items.length > 0 && childDepth > maxDepth) maxDepth = childDepth
    if (childDepth > limit) return { maxDepth, tooDeepAt: `${path}.item` }
    items.forEach((child, index) =>
      stack.push({ node: child, depth: childDepth, path: `${path}.item[${index}]` }),
    )
  }
  return { maxDepth }
}
