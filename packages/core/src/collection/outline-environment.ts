import type { Environment } from './environment-schema.js'
import { valueText } from './outline-collection.js'

/** One environment value as `courier inspect` shows it. */
export interface EnvironmentValueOutline {
  /** The variable's name (`key`, or the older `name`). */
  key: string
  /** The value as text (non-strings as JSON). */
  value: string
  /** The declared type (`default`, `secret`, `any`…), when given. */
  type?: string
  /** Whether the value is off (`enabled: false` or `disabled: true`). */
  disabled: boolean
}

/** Plain data describing an environment or globals document. */
export interface EnvironmentOutline {
  /** The environment's name (`''` when absent). */
  name: string
  /** `environment` or `globals` (from `_postman_variable_scope`; environment when absent). */
  scope: 'environment' | 'globals'
  /** Its values, in file order. */
  values: EnvironmentValueOutline[]
}

/**
 * Summarises an environment or globals document as plain data.
 * @example outlineEnvironment(environment).values.length
 */
export function outlineEnvironment(environment: Environment): EnvironmentOutline {
  return {
    name: environment.name ?? '',
    scope: environment._postman_variable_scope === 'globals' ? 'globals' : 'environment',
    values: environment.values.map((entry) => {
      const outline: EnvironmentValueOutline = {
        key: entry.key ?? entry.name ?? '',
        value: valueText(entry['value']),
        disabled: entry.enabled === false || entry.disabled === true,
      }
      if (entry.type !== undefined) outline.type = entry.type
      return outline
    }),
  }
}
