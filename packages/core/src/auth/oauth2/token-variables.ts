import type { OAuth2Token } from './types.js'

/**
 * The token as variables, as the GoTo guide uses them (`{{organizer_key}}`, `{{account_key}}`): every field of the
 * token responses, with `access_token` the current one. `refresh_token` is left out on purpose: it is long-lived,
 * only the token lifecycle needs it, and variables end up in reports and exported environments.
 * @example tokenVariables(token) // [{ key: 'access_token', value: 'eyJ…' }, { key: 'organizer_key', value: '123' }]
 */
export function tokenVariables(token: OAuth2Token): { key: string; value: unknown }[] {
  const variables = new Map<string, unknown>(Object.entries(token.fields))
  variables.set('access_token', token.accessToken)
  variables.delete('refresh_token')
  return [...variables].map(([key, value]) => ({ key, value }))
}
