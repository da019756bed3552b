// Secret collection variables (`type: secret`) keep their values in local state, never in the workspace files, as
// environments do: taken out on import, put back when a command reads the collection.
import type { Collection } from '../collection/index.js'
import type { SecretScope, SecretStore } from './secret-store.js'

/**
 * Where a collection's secret variables live in local state (`collection:<id>`); none without an id.
 * @example collectionSecretScope(collection) // 'collection:6f1c2d1e-…'
 */
export function collectionSecretScope(collection: Collection): SecretScope | undefined {
  const id = collection.info?._postman_id
  return typeof id === 'string' && id !== '' ? `collection:${id}` : undefined
}

function isSecretVariable(variable: unknown): boolean {
  return (
    typeof variable === 'object' && variable !== null && (variable as { type?: unknown }).type === 'secret'
  )
}

/**
 * Moves the values of secret collection variables into the secret store and returns the collection without them.
 * @example const stripped = await takeCollectionSecrets(collection, state.secrets)
 */
export async function takeCollectionSecrets(
  collection: Collection,
  secrets: SecretStore,
): Promise<Collection> {
  const scope = collectionSecretScope(collection)
  const variables = collection.variable
  if (scope === undefined || variables == null || !variables.some(isSecretVariable)) return collection
  const kept = []
  for (const variable of variables) {
    if (!isSecretVariable(variable)) {
      kept.push(variable)
      continue
    }
    const value: unknown = variable.value
    if (typeof variable.key === 'string' && typeof value === 'string' && value !== '')
      await secrets.set(scope, { key: variable.key, value })
    kept.push({ ...variable, value: '' })
  }
  return { ...collection, variable: kept }
}

/**
 * Puts the values of secret collection variables back from the secret store (for sending, running, exporting).
 * @example const full = await withCollectionSecrets(collection, state.secrets)
 */
export async function withCollectionSecrets(
  collection: Collection,
  secrets: SecretStore,
): Promise<Collection> {
  const scope = collectionSecretScope(collection)
  const variables = collection.variable
  if (scope === undefined || variables == null || !variables.some(isSecretVariable)) return collection
  const values = new Map((await secrets.list(scope)).map((secret) => [secret.key, secret.value]))
  if (values.size === 0) return collection
  return {
    ...collection,
    variable: variables.map((v) =>
      isSecretVariable(v) && typeof v.key === 'string' && values.has(v.key)
        ? { ...v, value: values.get(v.key) }
        : v,
    ),
  }
}
