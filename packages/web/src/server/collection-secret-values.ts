// Secret collection variables (`type: secret`) as the UI sees them: their values live in local state, never in the
// workspace files (ADR 0012), and are masked unless revealed, as environments' are.
import {
  collectionSecretScope,
  SECRET_MASK,
  type Collection,
  type CollectionVariable,
  type SecretStore,
} from '@courier/core'

function isSecret(variable: CollectionVariable): boolean {
  return variable.type === 'secret'
}

/**
 * The collection's variables for the editor: a secret one shows the mask (or its value when `reveal`).
 * @example const variable = await shownVariables(collection, secrets, false)
 */
export async function shownVariables(
  collection: Collection,
  secrets: SecretStore,
  reveal: boolean,
): Promise<CollectionVariable[]> {
  const variables = collection.variable ?? []
  const scope = collectionSecretScope(collection)
  if (scope === undefined || !variables.some(isSecret)) return variables
  const stored = new Map((await secrets.list(scope)).map((s) => [s.key, s.value]))
  return variables.map((v) => {
    if (!isSecret(v) || typeof v.key !== 'string') return v
    const value = stored.get(v.key) ?? ''
    return { ...v, value: reveal || value === '' ? value : SECRET_MASK }
  })
}

/**
 * Takes the values of secret variables the editor sent into local state and returns the variables to write: a
 * secret's value is never written, and one sent back as the mask keeps its stored value.
 * @example collection.variable = await storeSecretVariables(collection, input.variable, secrets)
 */
export async function storeSecretVariables(
  collection: Collection,
  variables: CollectionVariable[],
  secrets: SecretStore,
): Promise<CollectionVariable[]> {
  const scope = collectionSecretScope(collection)
  if (scope === undefined) return variables
  const written: CollectionVariable[] = []
  for (const v of variables) {
    if (!isSecret(v) || typeof v.key !== 'string') {
      written.push(v)
      continue
    }
    const value: unknown = v.value
    if (typeof value === 'string' && value !== SECRET_MASK) {
      if (value === '') await secrets.unset(scope, v.key)
      else await secrets.set(scope, { key: v.key, value })
    }
    written.push({ ...v, value: '' })
  }
  return written
}
