/**
 * One Postman variable, as found in environment, globals, collection and data files. Environment and globals files
 * turn a variable off with `enabled: false`; collection variables with `disabled: true`. Either means "skipped".
 * @example const token: Variable = { key: 'token', value: 's3cret', type: 'secret' }
 */
export interface Variable {
  key: string
  value: unknown
  /** Postman's variable type: 'default', 'any', 'text', 'secret', 'string', 'boolean', 'number'… */
  type?: string
  enabled?: boolean
  disabled?: boolean
}

/**
 * The variable scopes of one resolution, each a list in file order. Postman's precedence, lowest first:
 * globals < collection < environment < iteration data < local (`pm.variables.set`).
 * @example const scopes: VariableScopes = { environment: [{ key: 'host', value: 'api.example.com' }] }
 */
export interface VariableScopes {
  globals?: readonly Variable[]
  collection?: readonly Variable[]
  environment?: readonly Variable[]
  iterationData?: readonly Variable[]
  local?: readonly Variable[]
}

/** A scope's name, as in `VariableScopes`. */
export type VariableScopeName = keyof VariableScopes

/**
 * The scopes from the highest precedence to the lowest, the order in which a name is looked up.
 * @example variableScopeOrder[0] // 'local'
 */
export const variableScopeOrder: readonly VariableScopeName[] = Object.freeze([
  'local',
  'iterationData',
  'environment',
  'collection',
  'globals',
])

/**
 * Tells whether a variable takes part in resolution (neither `enabled: false` nor `disabled: true`).
 * @example isEnabled({ key: 'a', value: 1, disabled: true }) // false
 */
export function isEnabled(variable: Variable): boolean {
  return variable.enabled !== false && variable.disabled !== true
}

/**
 * Tells whether a variable holds a secret, whose value is masked when printed.
 * @example isSecret({ key: 'token', value: 'x', type: 'secret' }) // true
 */
export function isSecret(variable: Variable): boolean {
  return variable.type === 'secret'
}
