import type { DynamicVariableProvider } from './create-dynamic-variables.js'
import { createExpandContext, expand } from './internal/expand.js'
import type { VariableScopes } from './variable.js'

/** Options for `resolveTemplate`, `listUnresolved` and `resolveDeep`. */
export interface ResolveOptions {
  /** Makes `{{$guid}}`, `{{$randomInt}}`… Default: a fresh unseeded provider on the system clock. */
  dynamic?: DynamicVariableProvider
  /** `'secrets'` replaces every secret variable's value by `SECRET_MASK`, for text to print. Default `'none'`. */
  mask?: 'none' | 'secrets'
  /** How deep references may nest before `VARIABLE_DEPTH_EXCEEDED`. Default 19, Postman's limit. */
  maxDepth?: number
}

/**
 * Substitutes Postman's `{{name}}` tokens in `text` from the scopes, expanding references inside values and nested
 * names, and making dynamic variables. Unknown tokens stay as written, as in Postman.
 * @throws AppError `VARIABLE_CYCLE` when a variable refers back to itself, `VARIABLE_DEPTH_EXCEEDED` past `maxDepth`.
 * @example resolveTemplate('https://{{host}}/users', { environment: [{ key: 'host', value: 'api.example.com' }] })
 */
export function resolveTemplate(text: string, scopes: VariableScopes, options: ResolveOptions = {}): string {
  return expand(text, createExpandContext(scopes, options), [])
}
