import type { OAuth2Token, TokenStore } from './types.js'

/**
 * A TokenStore in memory, for tests and library users who keep nothing between runs. Tokens are copied in and out,
 * so callers cannot change what is stored by editing an object.
 * @example const tokens = createMemoryTokenStore(); await tokens.put(token); await tokens.get(token.name)
 */
export function createMemoryTokenStore(initial: readonly OAuth2Token[] = []): TokenStore {
  const tokens = new Map<string, OAuth2Token>(initial.map((token) => [token.name, structuredClone(token)]))
  return {
    get: (name) => Promise.resolve(copy(tokens.get(name))),
    put: (token) => {
      tokens.set(token.name, structuredClone(token))
      return Promise.resolve()
    },
    list: () => Promise.resolve([...tokens.values()].map((token) => structuredClone(token))),
    delete: (name) => Promise.resolve(tokens.delete(name)),
  }
}

function copy(token: OAuth2Token | undefined): OAuth2Token | undefined {
  return token === undefined ? undefined : structuredClone(token)
}
