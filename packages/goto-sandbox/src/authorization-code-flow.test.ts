import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { driveAuthorization } from './drive-authorization.js'
import { demoUser, startGotoSandbox, type GotoSandbox } from './start-goto-sandbox.js'

const REDIRECT = 'http://127.0.0.1:5017/callback'
const BASIC = `Basic ${Buffer.from('courier-demo:courier-demo-secret').toString('base64')}`

let goto: GotoSandbox
let clockMs = Date.UTC(2026, 0, 1)

beforeAll(async () => {
  goto = await startGotoSandbox({ now: () => clockMs })
})
afterAll(async () => {
  await goto.close()
})

function hiddenFields(html: string): URLSearchParams {
  const fields = new URLSearchParams()
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields.set(name ?? '', (value ?? '').replaceAll('&amp;', '&'))
  }
  return fields
}

async function postForm(url: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  })
}

function authorizeUrl(extra: Record<string, string> = {}): string {
  const query = new URLSearchParams({
    client_id: 'courier-demo',
    response_type: 'code',
    redirect_uri: REDIRECT,
    ...extra,
  })
  return `${goto.authorizeUrl}?${query.toString()}`
}

async function getCode(extra: Record<string, string> = {}): Promise<string> {
  const { params } = await driveAuthorization(authorizeUrl(extra))
  return params.get('code') ?? ''
}

describe('authorization code flow', () => {
  it('signs in, consents, redirects with code and state, exchanges the code and calls Get Organizer', async () => {
    const loginRes = await fetch(authorizeUrl({ state: 'xyz', scope: 'collab:' }))
    expect(loginRes.status).toBe(200)
    const loginHtml = await loginRes.text()
    expect(loginHtml).toContain('<form method="post" action="/oauth/authorize/login">')
    expect(loginHtml).toMatch(/<label for="username">[\s\S]*<input id="username" name="username"/)
    expect(loginHtml).toContain('<button type="submit">Sign in</button>')

    const login = hiddenFields(loginHtml)
    expect(Object.fromEntries(login)).toMatchObject({
      client_id: 'courier-demo',
      state: 'xyz',
      redirect_uri: REDIRECT,
    })
    const consentRes = await postForm(`${goto.url}/oauth/authorize/login`, {
      ...Object.fromEntries(login),
      username: 'ada@example.com',
      password: 'courier',
    })
    const consentHtml = await consentRes.text()
    expect(consentHtml).toContain('Allow Courier Demo to access your GoTo account?')
    expect(consentHtml).toContain('<button type="submit" name="decision" value="allow">Allow</button>')
    expect(consentHtml).toContain('<button type="submit" name="decision" value="deny">Deny</button>')

    const decision = await postForm(`${goto.url}/oauth/authorize/decision`, {
      ...Object.fromEntries(hiddenFields(consentHtml)),
      decision: 'allow',
    })
    expect(decision.status).toBe(302)
    const location = new URL(decision.headers.get('location') ?? '')
    expect(location.origin + location.pathname).toBe(REDIRECT)
    expect(location.searchParams.get('state')).toBe('xyz')
    const code = location.searchParams.get('code') ?? ''
    expect(code).not.toBe('')

    const tokenRes = await postForm(
      goto.tokenUrl,
      { grant_type: 'authorization_code', code, redirect_uri: REDIRECT },
      { authorization: BASIC, accept: 'application/json' },
    )
    expect(tokenRes.status).toBe(200)
    expect(tokenRes.headers.get('cache-control')).toBe('no-store')
    const token = (await tokenRes.json()) as Record<string, string>
    expect(Object.keys(token)).toEqual([
      'access_token',
      'token_type',
      'refresh_token',
      'expires_in',
      'scope',
      'principal',
      'account_key',
      'account_type',
      'email',
      'firstName',
      'lastName',
      'organizer_key',
      'version',
    ])
    expect(token).toMatchObject({
      token_type: 'Bearer',
      expires_in: 3600,
      scope: 'collab: identity:scim.me',
      principal: 'ada@example.com',
      account_key: demoUser.accountKey,
      account_type: '',
      email: 'ada@example.com',
      firstName: 'Ada',
      lastName: 'Lovelace',
      organizer_key: demoUser.organizerKey,
      version: '3',
    })

    const organizer = await fetch(`${goto.url}/G2M/rest/organizers/${token.organizer_key}`, {
      headers: { authorization: `Bearer ${token.access_token}` },
    })
    expect(organizer.status).toBe(200)
    expect(await organizer.json()).toEqual({
      organizerKey: demoUser.organizerKey,
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
      timeZone: 'America/Los_Angeles',
      productType: 'G2M',
      status: 'active',
      maxNumAttendeesAllowed: 250,
    })
    expect(goto.log.slice(-5).map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual([
      'GET /oauth/authorize 200',
      'POST /oauth/authorize/login 200',
      'POST /oauth/authorize/decision 302',
      'POST /oauth/token 200',
      `GET /G2M/rest/organizers/${demoUser.organizerKey} 200`,
    ])
  })

  it('shows the sign-in page again with an error for a wrong password', async () => {
    const html = await (await fetch(authorizeUrl())).text()
    const res = await postForm(`${goto.url}/oauth/authorize/login`, {
      ...Object.fromEntries(hiddenFields(html)),
      username: 'ada@example.com',
      password: 'wrong',
    })
    const again = await res.text()
    expect(again).toContain('role="alert">Incorrect email or password.')
    expect(again).toContain('name="password"')
  })

  it('redirects with error=access_denied and the state when the user clicks Deny', async () => {
    const { params } = await driveAuthorization(authorizeUrl({ state: 's1' }), { decision: 'deny' })
    expect(params.get('error')).toBe('access_denied')
    expect(params.get('error_description')).toBeTruthy()
    expect(params.get('state')).toBe('s1')
    expect(params.has('code')).toBe(false)
  })

  it('shows a 400 page and never redirects to an unregistered redirect_uri', async () => {
    const res = await fetch(authorizeUrl({ redirect_uri: 'https://evil.example/cb' }), { redirect: 'manual' })
    expect(res.status).toBe(400)
    expect(res.headers.get('location')).toBeNull()
    expect(await res.text()).toContain('redirect_uri is not registered')
    const unknown = await fetch(
      `${goto.authorizeUrl}?client_id=nobody&response_type=code&redirect_uri=${REDIRECT}`,
      {
        redirect: 'manual',
      },
    )
    expect(unknown.status).toBe(400)
  })

  it('refuses a reused code with invalid_grant and revokes the tokens issued from it', async () => {
    const code = await getCode()
    const form = { grant_type: 'authorization_code', code, redirect_uri: REDIRECT }
    const first = (await (await postForm(goto.tokenUrl, form, { authorization: BASIC })).json()) as Record<
      string,
      string
    >
    const second = await postForm(goto.tokenUrl, form, { authorization: BASIC })
    expect(second.status).toBe(400)
    expect(await second.json()).toMatchObject({ error: 'invalid_grant' })
    const api = await fetch(`${goto.url}/admin/rest/v1/me`, {
      headers: { authorization: `Bearer ${first.access_token}` },
    })
    expect(api.status).toBe(401)
  })

  it('refuses an expired code (60 s) with invalid_grant', async () => {
    const code = await getCode()
    clockMs += 61_000
    const res = await postForm(
      goto.tokenUrl,
      { grant_type: 'authorization_code', code, redirect_uri: REDIRECT },
      { authorization: BASIC },
    )
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({
      error: 'invalid_grant',
      error_description: expect.stringContaining('expired'),
    })
  })

  it('refuses a redirect_uri different from the authorize request with invalid_grant', async () => {
    const code = await getCode()
    const res = await postForm(
      goto.tokenUrl,
      { grant_type: 'authorization_code', code, redirect_uri: 'https://oauth.pstmn.io/v1/callback' },
      { authorization: BASIC },
    )
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ error: 'invalid_grant' })
  })
})
