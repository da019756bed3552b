import { oauth2TokenName, tokenVariables, type TokenStore } from '../auth/index.js'
import { resolveAuth, type RequestTarget } from '../http/index.js'
import type { Variable, VariableScopes } from '../variables/index.js'

/**
 * Adds the stored OAuth 2.0 token of a request's (inherited) auth to its variables, so `{{organizer_key}}`,
 * `{{account_key}}` or `{{access_token}}` resolve as the GoTo guide uses them. They rank above the collection's
 * variables and below the environment's (an environment value the user set wins); `access_token` is secret-typed,
 * so it is masked wherever variables are printed. Returns the scopes unchanged when there is no such token.
 * @example const scopes = await withTokenVariables(target, await loadScopes(…), tokens)
 */
export async function withTokenVariables(
  target: RequestTarget,
  scopes: VariableScopes,
  tokens: TokenStore,
): Promise<VariableScopes> {
  const auth = resolveAuth(target, { scopes })
  if (auth?.type !== 'oauth2') return scopes
  const token = await tokens.get(oauth2TokenName(auth.params))
  if (token === undefined) return scopes
  const fromToken: Variable[] = tokenVariables(token).map(({ key, value }) =>
    key === 'access_token' ? { key, value, type: 'secret' } : { key, value },
  )
  // Within one scope the last entry wins: the token's fields go first, the environment's own values after.
  return { ...scopes, environment: [...fromToken, ...(scopes.environment ?? [])] }
}
