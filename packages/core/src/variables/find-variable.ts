import type { Variable, VariableScopes } from './variable.js'
import { isEnabled, variableScopeOrder } from './variable.js'

/**
 * Finds the variable that wins for `name`: the highest-precedence scope holding an enabled variable of that name
 * and, within one scope, the last enabled one (Postman keeps the last of duplicate keys and skips disabled ones:
 * Newman's `disabled-and-duplicate-variables` suite). Names are case-sensitive.
 * @example findVariable('host', { environment: [{ key: 'host', value: 'a' }] }) // { key: 'host', value: 'a' }
 */
export function findVariable(name: string, scopes: VariableScopes): Variable | undefined {
  for (const scope of variableScopeOrder) {
    const list = scopes[scope]
    if (list === undefined) continue
    for (let i = list.length - 1; i >= 0; i--) {
      const variable = list[i]
      if (variable !== undefined && variable.key === name && isEnabled(variable)) return variable
    }
  }
  return undefined
}

/**
 * Returns the raw value of the winning variable for `name` (as `pm.variables.get` does: references inside it are
 * not expanded), or undefined when no scope defines it.
 * @example resolveValue('n', { globals: [{ key: 'n', value: 1 }], local: [{ key: 'n', value: 2 }] }) // 2
 */
export function resolveValue(name: string, scopes: VariableScopes): unknown {
  return findVariable(name, scopes)?.value
}
