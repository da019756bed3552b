import { describe, expect, it } from 'vitest'
import { createMemoryTokenStore, type OAuth2Token } from '../auth/index.js'
import type { Collection } from '../collection/index.js'
import { resolveTemplate } from '../variables/index.js'
import { withTokenVariables } from './token-scope.js'

const token: OAuth2Token = {
  name: 'GoTo',
  accessToken: 'at-123',
  tokenType: 'Bearer',
  refreshToken: 'rt-456',
  obtainedAt: '2026-01-01T00:00:00.000Z',
  fields: {
    access_token: 'at-123',
    refresh_token: 'rt-456',
    organizer_key: '7001',
    email: 'ada@example.com',
  },
  grant: {
    grantType: 'authorization_code',
    tokenUrl: 'http://127.0.0.1/token',
    clientId: 'c',
    clientAuthentication: 'header',
  },
}

const collection: Collection = {
  info: { name: 'GoTo' },
  auth: { type: 'oauth2', oauth2: [{ key: 'tokenName', value: '{{tokenName}}', type: 'string' }] },
  item: [
    { name: 'Get Organizer', request: { method: 'GET', url: 'https://x/organizers/{{organizer_key}}' } },
  ],
}
const target = { collection, item: collection.item[0]!, folders: [] }

describe('withTokenVariables', () => {
  it('makes the fields of the stored token variables, the access token secret and the refresh token absent', async () => {
    const tokens = createMemoryTokenStore()
    await tokens.put(token)
    const scopes = await withTokenVariables(
      target,
      { collection: [{ key: 'tokenName', value: 'GoTo' }] },
      tokens,
    )
    expect(resolveTemplate('{{organizer_key}} {{email}} {{refresh_token}}', scopes)).toBe(
      '7001 ada@example.com {{refresh_token}}',
    )
    expect(resolveTemplate('{{access_token}}', scopes, { mask: 'secrets' })).toBe('••••')
  })

  it('lets an environment value the user set win over the token field', async () => {
    const tokens = createMemoryTokenStore()
    await tokens.put(token)
    const scopes = await withTokenVariables(
      target,
      {
        collection: [{ key: 'tokenName', value: 'GoTo' }],
        environment: [{ key: 'organizer_key', value: 'mine' }],
      },
      tokens,
    )
    expect(resolveTemplate('{{organizer_key}}', scopes)).toBe('mine')
  })

  it('leaves the scopes alone without an oauth2 auth or a stored token', async () => {
    const scopes = { collection: [{ key: 'tokenName', value: 'GoTo' }] }
    expect(await withTokenVariables(target, scopes, createMemoryTokenStore())).toBe(scopes)
  })
})
