import type { Environment, EnvironmentValue } from '../collection/index.js'
import type { Random } from '../ports/index.js'
import { newId } from './internal/new-id.js'
import { checkName } from './internal/tree.js'

/** One thing an environment edit changed. `secret` tells the writer to keep the value out of tracked files. */
export type EnvironmentChange =
  | { type: 'environment-created'; id: string; name: string }
  | { type: 'environment-renamed'; from: string; to: string }
  | { type: 'variable-set'; key: string; added: boolean; secret: boolean }
  | { type: 'variable-unset'; key: string }

/** The environment (or globals) after an edit (the input is never mutated) and what changed. */
export interface EnvironmentEditResult {
  environment: Environment
  changed: EnvironmentChange[]
}

/** Options for {@link setVariable}. */
export interface SetVariableOptions {
  value: string
  /** Postman's `type: secret` (masked in the UI, kept out of the workspace files); absent keeps the type. */
  secret?: boolean
  /** Absent keeps the current state; a new variable is enabled. */
  enabled?: boolean
}

/**
 * Sets a variable of an environment or globals document: the first value with that key is updated (its other
 * fields kept), or a new one is added last, shaped as Postman exports it.
 * @throws AppError NAME_INVALID for an empty key.
 * @example setVariable(environment, 'clientSecret', { value: 's3cret', secret: true })
 */
export function setVariable(
  environment: Environment,
  key: string,
  options: SetVariableOptions,
): EnvironmentEditResult {
  checkName(key, 'variable')
  const at = environment.values.findIndex((entry) => entry.key === key)
  const previous = environment.values[at]
  const values = environment.values.slice()
  let entry: EnvironmentValue
  if (previous === undefined) {
    entry = { key, value: options.value, type: options.secret === true ? 'secret' : 'default', enabled: true }
    if (options.enabled === false) entry.enabled = false
    values.push(entry)
  } else {
    entry = { ...previous, value: options.value }
    if (options.secret === true) entry.type = 'secret'
    else if (options.secret === false && previous.type === 'secret') entry.type = 'default'
    if (options.enabled !== undefined) {
      entry.enabled = options.enabled
      // Older exports say `disabled`; keep one truth.
      if ('disabled' in entry) entry.disabled = !options.enabled
    }
    values[at] = entry
  }
  return {
    environment: { ...environment, values },
    changed: [{ type: 'variable-set', key, added: previous === undefined, secret: entry.type === 'secret' }],
  }
}

/**
 * Removes every value with that key; nothing changes when there is none.
 * @example unsetVariable(environment, 'token').changed // [{ type: 'variable-unset', key: 'token' }]
 */
export function unsetVariable(environment: Environment, key: string): EnvironmentEditResult {
  const values = environment.values.filter((entry) => entry.key !== key)
  if (values.length === environment.values.length) return { environment, changed: [] }
  return { environment: { ...environment, values }, changed: [{ type: 'variable-unset', key }] }
}

/**
 * Renames an environment.
 * @throws AppError NAME_INVALID for an empty name.
 * @example renameEnvironment(environment, { name: 'Staging' })
 */
export function renameEnvironment(
  environment: Environment,
  options: { name: string },
): EnvironmentEditResult {
  const to = checkName(options.name, 'environment')
  const from = environment.name ?? ''
  if (to === from) return { environment, changed: [] }
  return { environment: { ...environment, name: to }, changed: [{ type: 'environment-renamed', from, to }] }
}

/**
 * A new, empty environment (or globals document, with `scope: 'globals'`) with a new id.
 * @throws AppError NAME_INVALID for an empty name.
 * @example createEnvironment({ name: 'Production' }, { random })
 */
export function createEnvironment(
  init: { name: string; scope?: 'environment' | 'globals'; values?: EnvironmentValue[] },
  options: { random: Random },
): EnvironmentEditResult {
  const id = newId(options.random)
  const name = checkName(init.name, 'environment')
  const environment: Environment = {
    id,
    name,
    values: (init.values ?? []).map((entry) => ({ ...entry })),
    _postman_variable_scope: init.scope ?? 'environment',
  }
  return { environment, changed: [{ type: 'environment-created', id, name }] }
}

/**
 * A copy of an environment with a new id, named `<name> Copy` as the Postman app names a duplicate.
 * @example duplicateEnvironment(environment, { random }).environment.name // 'Dev Copy'
 */
export function duplicateEnvironment(
  environment: Environment,
  options: { random: Random; name?: string },
): EnvironmentEditResult {
  const id = newId(options.random)
  const name = checkName(options.name ?? `${environment.name ?? ''} Copy`, 'environment')
  const copy: Environment = { ...structuredClone(environment), id, name }
  return { environment: copy, changed: [{ type: 'environment-created', id, name }] }
}
