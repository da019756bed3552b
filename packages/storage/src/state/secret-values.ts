import { formatValue, isSecret, type Variable } from '@courier/core'
import type { SecretScope, SecretStore, SecretValue } from './create-secret-store.js'

/** A variable list split for saving: what goes into the files, and what goes into the secret store. */
export interface SplitSecretValuesResult {
  /** The variables with every secret's value emptied (`''`): what the workspace file may hold. */
  public: Variable[]
  /** The secret values, by key (the last one wins when a key repeats). */
  secrets: SecretValue[]
}

/**
 * Fills in the secret variables of a scope from the secret store, as the scope is loaded: a stored value replaces
 * whatever the file held (usually nothing). Other variables, and stored keys the list no longer has, are left alone.
 * @example const values = await withSecretValues(environment.values, 'environment:prod', secrets)
 */
export async function withSecretValues(
  variables: readonly Variable[],
  scope: SecretScope,
  store: SecretStore,
): Promise<Variable[]> {
  if (!variables.some(isSecret)) return [...variables]
  const stored = new Map((await store.list(scope)).map(({ key, value }) => [key, value]))
  return variables.map((variable) => {
    const value = isSecret(variable) ? stored.get(variable.key) : undefined
    return value === undefined ? variable : { ...variable, value }
  })
}

/**
 * Splits the secret values out of a scope's variables before it is saved: the variables keep their place (and
 * `type: 'secret'`) with an empty value; the values go to the secret store. A secret without a value (`undefined`)
 * yields none, so the stored one is kept.
 * @example const { public: values, secrets } = splitSecretValues(environment.values)
 */
export function splitSecretValues(variables: readonly Variable[]): SplitSecretValuesResult {
  const secrets = new Map<string, string>()
  const publicVariables = variables.map((variable) => {
    if (!isSecret(variable)) return variable
    if (variable.value !== undefined) secrets.set(variable.key, formatValue(variable.value))
    return { ...variable, value: '' }
  })
  return { public: publicVariables, secrets: [...secrets].map(([key, value]) => ({ key, value })) }
}
