// The variables a send, a run, a snippet or a grant sees from the UI: the collection's, the selected environment's
// and the workspace's globals, secret values filled in from local state (as `courier send -e NAME` does).
import {
  collectionVariables,
  environmentVariables,
  withCollectionSecrets,
  type Collection,
  type SecretScope,
  type SecretStore,
  type Variable,
  type VariableScopes,
  type WorkspaceEnvironment,
  type WorkspaceStore,
} from '@courier/core'

/** The scopes and the environment's name, for history. */
export interface LoadedScopes {
  scopes: VariableScopes
  environmentName?: string
}

/**
 * Loads the variable scopes for a collection with an environment named by the UI (none: no environment).
 * @throws AppError ENVIRONMENT_NOT_FOUND
 * @example const { scopes } = await loadScopes(collection, { store, secrets, environment: 'GoTo' })
 */
export async function loadScopes(
  collection: Collection,
  options: { store: WorkspaceStore; secrets: SecretStore; environment?: string | undefined },
): Promise<LoadedScopes> {
  const filled = await withCollectionSecrets(collection, options.secrets)
  const scopes: VariableScopes = { collection: collectionVariables(filled) }
  const globals = options.store.globals()
  if (globals !== undefined) scopes.globals = await withSecrets(globals, options.secrets)
  if (options.environment === undefined || options.environment === '') return { scopes }
  const environment = options.store.environment(options.environment)
  scopes.environment = await withSecrets(environment, options.secrets)
  return { scopes, environmentName: environment.environment.name ?? options.environment }
}

/**
 * Where an environment's secret values live in local state (the CLI's `env` commands use the same scopes).
 * @example secretScopeOf({ kind: 'environment', environment: { name: 'GoTo', values: [] }, path }) // 'environment:GoTo'
 */
export function secretScopeOf(env: Pick<WorkspaceEnvironment, 'kind' | 'environment'>): SecretScope {
  return env.kind === 'globals' ? 'globals' : `environment:${env.environment.name ?? ''}`
}

async function withSecrets(env: WorkspaceEnvironment, secrets: SecretStore): Promise<Variable[]> {
  const stored = new Map((await secrets.list(secretScopeOf(env))).map((s) => [s.key, s.value]))
  return environmentVariables(env.environment).map((v) =>
    stored.has(v.key) ? { ...v, value: stored.get(v.key) ?? '' } : v,
  )
}
