import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { driveAuthorization } from './drive-authorization.js'
import { demoUser, startGotoSandbox, type GotoSandbox } from './start-goto-sandbox.js'

let goto: GotoSandbox
beforeAll(async () => {
  goto = await startGotoSandbox({ now: () => Date.UTC(2026, 0, 1) })
})
afterAll(async () => {
  await goto.close()
})

describe('startGotoSandbox', () => {
  it('listens on 127.0.0.1 and names its endpoints', () => {
    expect(goto.url).toBe(`http://127.0.0.1:${goto.port}`)
    expect(goto.authorizeUrl).toBe(`${goto.url}/oauth/authorize`)
    expect(goto.tokenUrl).toBe(`${goto.url}/oauth/token`)
  })

  it('serves RFC 8414 metadata', async () => {
    const res = await fetch(`${goto.url}/.well-known/oauth-authorization-server`)
    expect(await res.json()).toMatchObject({
      issuer: goto.url,
      authorization_endpoint: goto.authorizeUrl,
      token_endpoint: goto.tokenUrl,
      grant_types_supported: expect.arrayContaining(['authorization_code', 'refresh_token']),
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      code_challenge_methods_supported: ['S256', 'plain'],
    })
  })

  it('answers the implicit grant in the fragment', async () => {
    const query = new URLSearchParams({
      client_id: 'courier-demo',
      response_type: 'token',
      redirect_uri: 'https://oauth.pstmn.io/v1/callback',
      state: 'st',
    })
    const { location, params } = await driveAuthorization(`${goto.authorizeUrl}?${query.toString()}`)
    expect(location.startsWith('https://oauth.pstmn.io/v1/callback#access_token=')).toBe(true)
    expect(Object.fromEntries(params)).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: '3600',
      principal: 'ada@example.com',
      scope: 'collab: identity:scim.me',
      state: 'st',
    })
    const organizer = await fetch(`${goto.url}/G2M/rest/organizers/${demoUser.organizerKey}`, {
      headers: { authorization: `Bearer ${params.get('access_token')}` },
    })
    expect(organizer.status).toBe(200)
  })

  it('uses the first registered redirect URI when the request names none', async () => {
    const { location } = await driveAuthorization(
      `${goto.authorizeUrl}?client_id=courier-demo&response_type=code`,
    )
    expect(location).toMatch(/^http:\/\/127\.0\.0\.1:5017\/callback\?code=/)
  })

  it('redirects unsupported_response_type to a registered redirect URI', async () => {
    const res = await fetch(`${goto.authorizeUrl}?client_id=courier-demo&response_type=id_token&state=a`, {
      redirect: 'manual',
    })
    expect(res.status).toBe(302)
    const location = new URL(res.headers.get('location') ?? '')
    expect(location.searchParams.get('error')).toBe('unsupported_response_type')
    expect(location.searchParams.get('state')).toBe('a')
  })

  it('logs what it served without queries, and 404s unknown routes', async () => {
    const res = await fetch(`${goto.url}/nowhere?secret=1`)
    expect(res.status).toBe(404)
    expect(goto.log.at(-1)).toEqual({ method: 'GET', path: '/nowhere', status: 404 })
  })
})
