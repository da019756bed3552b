import { createExpandContext, expand } from './internal/expand.js'
import type { ResolveOptions } from './resolve-template.js'
import type { VariableScopes } from './variable.js'

/**
 * Resolves every string inside plain JSON-like data (arrays and plain objects, at any depth) and returns a new
 * value; numbers, booleans, null and other objects are left alone, and so are property names.
 * @throws AppError `VARIABLE_CYCLE` or `VARIABLE_DEPTH_EXCEEDED`, as `resolveTemplate` does.
 * @example resolveDeep({ url: '{{host}}/a', retries: 3 }, scopes) // { url: 'api.example.com/a', retries: 3 }
 */
export function resolveDeep<T>(value: T, scopes: VariableScopes, options: ResolveOptions = {}): T {
  const context = createExpandContext(scopes, options)
  const visit = (node: unknown): unknown => {
    if (typeof node === 'string') return expand(node, context, [])
    if (Array.isArray(node)) return node.map(visit)
    if (isPlainObject(node)) {
      return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, visit(child)]))
    }
    return node
  }
  return visit(value) as T
}

function isPlainObject(node: unknown): node is Record<string, unknown> {
  if (typeof node !== 'object' || node === null) return false
  const prototype: unknown = Object.getPrototypeOf(node)
  return prototype === Object.prototype || prototype === null
}
