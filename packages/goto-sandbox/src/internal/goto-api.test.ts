import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { driveAuthorization } from '../drive-authorization.js'
import { demoUser, startGotoSandbox, type GotoSandbox } from '../start-goto-sandbox.js'

let goto: GotoSandbox
let clockMs = Date.UTC(2026, 0, 1)
beforeAll(async () => {
  goto = await startGotoSandbox({ now: () => clockMs })
})
afterAll(async () => {
  await goto.close()
})

async function accessToken(): Promise<string> {
  const query = `client_id=courier-demo&response_type=code&redirect_uri=${encodeURIComponent('http://127.0.0.1:5017/callback')}`
  const { params } = await driveAuthorization(`${goto.authorizeUrl}?${query}`)
  const res = await fetch(goto.tokenUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from('courier-demo:courier-demo-secret').toString('base64')}`,
    },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: params.get('code') ?? '',
      redirect_uri: 'http://127.0.0.1:5017/callback',
    }).toString(),
  })
  return ((await res.json()) as { access_token: string }).access_token
}

const organizerUrl = (key: string): string => `${goto.url}/G2M/rest/organizers/${key}`
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } })

describe('GoTo APIs', () => {
  it('answers Admin /me with the organizer and account keys', async () => {
    const res = await fetch(`${goto.url}/admin/rest/v1/me`, bearer(await accessToken()))
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      key: demoUser.organizerKey,
      email: 'ada@example.com',
      firstName: 'Ada',
      lastName: 'Lovelace',
      accounts: [{ key: demoUser.accountKey, name: 'Courier Demo Account', roles: ['ADMIN'] }],
    })
  })

  it('answers 403 for another organizer key', async () => {
    const res = await fetch(organizerUrl('1111'), bearer(await accessToken()))
    expect(res.status).toBe(403)
  })

  it('answers 401 GoTo-style without a token or with an unknown one', async () => {
    const missing = await fetch(organizerUrl(demoUser.organizerKey))
    expect(missing.status).toBe(401)
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer /)
    expect(await missing.json()).toEqual({ int_err_code: 'InvalidToken', msg: 'Invalid token passed' })
    const unknown = await fetch(organizerUrl(demoUser.organizerKey), bearer('nope'))
    expect(unknown.status).toBe(401)
    expect(unknown.headers.get('www-authenticate')).toContain('error="invalid_token"')
  })

  it('answers 401 invalid_token once the access token has expired (clock)', async () => {
    const token = await accessToken()
    expect((await fetch(organizerUrl(demoUser.organizerKey), bearer(token))).status).toBe(200)
    clockMs += 3600_000
    const res = await fetch(organizerUrl(demoUser.organizerKey), bearer(token))
    expect(res.status).toBe(401)
    expect(res.headers.get('www-authenticate')).toContain('error="invalid_token"')
    expect(await res.json()).toEqual({ int_err_code: 'InvalidToken', msg: 'Invalid token passed' })
  })

  it('answers 401 invalid_token after expireAccessTokens(), and new tokens work again', async () => {
    const token = await accessToken()
    goto.expireAccessTokens()
    expect((await fetch(organizerUrl(demoUser.organizerKey), bearer(token))).status).toBe(401)
    expect((await fetch(organizerUrl(demoUser.organizerKey), bearer(await accessToken()))).status).toBe(200)
  })
})
