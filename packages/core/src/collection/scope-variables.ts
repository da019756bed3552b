import type { Collection } from './collection-schema.js'
import type { Environment } from './environment-schema.js'

/** A variable as the resolver takes it (structurally the `Variable` of `core/variables`). */
export interface ScopeVariable {
  key: string
  value: unknown
  type?: string
  enabled?: boolean
  disabled?: boolean
}

/**
 * The collection's own variables (`variable[]`, v2.0 `id` as the name) as a list for variable resolution.
 * @example resolveTemplate(url, { collection: collectionVariables(collection) })
 */
export function collectionVariables(collection: Collection): ScopeVariable[] {
  return (collection.variable ?? []).flatMap((variable) => {
    const key = variable.key ?? variable.id
    if (typeof key !== 'string') return []
    return [withFlags({ key, value: variable['value'] }, variable)]
  })
}

/**
 * An environment's or globals file's values (`key`, or the older `name`) as a list for variable resolution.
 * @example resolveTemplate(url, { environment: environmentVariables(environment) })
 */
export function environmentVariables(environment: Environment): ScopeVariable[] {
  return environment.values.flatMap((entry) => {
    const key = entry.key ?? entry.name
    if (typeof key !== 'string') return []
    return [withFlags({ key, value: entry['value'] }, entry)]
  })
}

function withFlags(
  variable: ScopeVariable,
  source: { type?: string | undefined; enabled?: boolean | null | undefined; disabled?: boolean | undefined },
): ScopeVariable {
  if (typeof source.type === 'string') variable.type = source.type
  if (typeof source.enabled === 'boolean') variable.enabled = source.enabled
  if (typeof source.disabled === 'boolean') variable.disabled = source.disabled
  return variable
}
