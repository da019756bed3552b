import type { Auth } from '../../collection/index.js'
import { authParams, authType, requestObject } from '../../collection/index.js'
import type { DynamicVariableProvider, VariableScopes } from '../../variables/index.js'
import { resolveDeep } from '../../variables/index.js'
import type { ResolvedAuth } from '../types.js'
import type { RequestTarget } from './request-target.js'

const INHERIT = new Set(['inherit', ''])

/**
 * The auth block a request is sent with: its own, else the innermost folder's, … else the collection's
 * (postman-collection `Item#getAuth` with `findInParents('auth')`). `auth: null` or absent inherits; `noauth` stops
 * the search and means no auth (undefined).
 * @example effectiveAuth({ collection, item, folders })?.type // 'bearer'
 */
export function effectiveAuth(target: RequestTarget): Auth | undefined {
  const owners: (Auth | null | undefined)[] = [
    requestObject(target.item.request)?.auth,
    target.item.auth,
    ...target.folders.map((folder) => folder.auth).reverse(),
    target.collection.auth,
  ]
  for (const auth of owners) {
    const type = authType(auth)
    if (INHERIT.has(type)) continue
    return type === 'noauth' ? undefined : (auth ?? undefined)
  }
  return undefined
}

/** Options for {@link resolveAuth}. */
export interface ResolveAuthOptions {
  scopes: VariableScopes
  dynamic?: DynamicVariableProvider
}

/**
 * The effective auth with its params by key and every string in them resolved (other values kept as they are).
 * @example resolveAuth(target, { scopes })?.params.token // 'abc'
 */
export function resolveAuth(target: RequestTarget, options: ResolveAuthOptions): ResolvedAuth | undefined {
  const auth = effectiveAuth(target)
  if (auth === undefined) return undefined
  const resolveOptions = options.dynamic === undefined ? {} : { dynamic: options.dynamic }
  const params = authParams(auth)
  for (const key of Object.keys(params)) {
    // Own property even for `__proto__`, as `authParams` defines it.
    Object.defineProperty(params, key, { value: resolveDeep(params[key], options.scopes, resolveOptions) })
  }
  return { type: auth.type, params }
}
