/** Where a secret belongs: the globals, an environment (by name) or a collection (by id). */
export type SecretScope = 'globals' | `environment:${string}` | `collection:${string}`

/** The value of one secret variable. */
export interface SecretValue {
  key: string
  value: string
}

/**
 * Secret variable values, kept out of the workspace files (local state: `@courier/storage`'s `createSecretStore`).
 * @example await secrets.set('environment:prod', { key: 'clientSecret', value })
 */
export interface SecretStore {
  get(scope: SecretScope, key: string): Promise<string | undefined>
  set(scope: SecretScope, secret: SecretValue): Promise<void>
  /** Whether there was such a value. */
  unset(scope: SecretScope, key: string): Promise<boolean>
  /** The scope's values, by key. */
  list(scope: SecretScope): Promise<SecretValue[]>
}
