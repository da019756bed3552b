import { describe, expect, it } from 'vitest'
import { createMemoryTokenStore } from './create-memory-token-store.js'
import { tokenVariables } from './token-variables.js'
import type { OAuth2Token } from './types.js'

// A legacy GoTo token response (api.getgo.com/oauth/v2/token), as the corpus MANIFEST lists its fields.
const token: OAuth2Token = {
  name: 'GoToMeeting',
  accessToken: 'current-access',
  tokenType: 'Bearer',
  refreshToken: 'long-lived',
  expiresAt: '2026-01-01T13:00:00.000Z',
  obtainedAt: '2026-01-01T12:00:00.000Z',
  fields: {
    access_token: 'first-access',
    token_type: 'Bearer',
    refresh_token: 'long-lived',
    expires_in: 3600,
    organizer_key: 8439885694023999999,
    account_key: '9999982253621659654',
    email: 'alice@example.com',
    firstName: 'Alice',
    version: '3',
  },
  grant: {
    grantType: 'authorization_code',
    tokenUrl: 'https://authentication.logmeininc.com/oauth/token',
    clientId: 'c',
    clientAuthentication: 'header',
  },
}

describe('tokenVariables', () => {
  it('gives every field of the token response, with the current access token and without the refresh token', () => {
    const variables = Object.fromEntries(tokenVariables(token).map(({ key, value }) => [key, value]))
    expect(variables).toEqual({
      access_token: 'current-access',
      token_type: 'Bearer',
      expires_in: 3600,
      organizer_key: 8439885694023999999,
      account_key: '9999982253621659654',
      email: 'alice@example.com',
      firstName: 'Alice',
      version: '3',
    })
  })
})

describe('createMemoryTokenStore', () => {
  it('stores copies by name, lists and deletes them', async () => {
    const tokens = createMemoryTokenStore()
    await tokens.put(token)
    const stored = await tokens.get('GoToMeeting')
    expect(stored).toEqual(token)
    if (stored) stored.accessToken = 'edited'
    expect((await tokens.get('GoToMeeting'))?.accessToken).toBe('current-access')
    expect(await tokens.list()).toHaveLength(1)
    expect(await tokens.delete('GoToMeeting')).toBe(true)
    expect(await tokens.delete('GoToMeeting')).toBe(false)
    expect(await tokens.get('GoToMeeting')).toBeUndefined()
  })
})
