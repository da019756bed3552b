// Issue #7 / DESIGN.md "Security model": the UI server answers only this machine's browser on the page Courier
// opened — a per-launch token (URL, then an HttpOnly SameSite=Strict cookie), no foreign Host (DNS rebinding),
// no foreign Origin (CSRF) and never CORS headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rawGet, startUi, type UiHarness } from './cli-ui-kit.js'

let h: UiHarness

beforeAll(async () => {
  h = await startUi()
})

afterAll(async () => {
  await h.close()
})

describe('the access token', () => {
  it('listens on 127.0.0.1 and prints a URL that carries a long random token', () => {
    expect(h.ui.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/)
    expect(h.ui.url).toBe(`${h.ui.origin}/?token=${h.ui.token}`)
  })

  it('refuses the API without the token (401), and with a wrong one', async () => {
    const none = await fetch(`${h.ui.origin}/api/collections`)
    expect(none.status).toBe(401)
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe('UI_ACCESS_DENIED')
    const wrong = await fetch(`${h.ui.origin}/api/collections`, { headers: { authorization: 'Bearer nope' } })
    expect(wrong.status).toBe(401)
    const wrongUrl = await fetch(`${h.ui.origin}/?token=${h.ui.token.slice(1)}x`, { redirect: 'manual' })
    expect(wrongUrl.status).toBe(401)
    expect(wrongUrl.headers.get('set-cookie')).toBeNull()
    // The page itself needs the token too.
    expect((await fetch(`${h.ui.origin}/`)).status).toBe(401)
  })

  it('trades the URL’s token for an HttpOnly, SameSite=Strict cookie and a redirect without it', async () => {
    const res = await fetch(h.ui.url, { redirect: 'manual' })
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/')
    const cookie = res.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(new RegExp(`^courier_session_${h.ui.port}=${h.ui.token};`))
    expect(cookie).toMatch(/; HttpOnly/i)
    expect(cookie).toMatch(/; SameSite=Strict/i)
    expect(cookie).toMatch(/; Path=\//i)
    const pair = cookie.split(';')[0] ?? ''
    const api = await fetch(`${h.ui.origin}/api/collections`, { headers: { cookie: pair } })
    expect(api.status).toBe(200)
    expect(api.headers.get('cache-control')).toBe('no-store')
    // Without a built client, the page says how to build it.
    const page = await fetch(`${h.ui.origin}/`, { headers: { cookie: pair } })
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('npm run build')
  })
})

describe('Host and Origin', () => {
  it('refuses a foreign Host even with the right token (403: DNS rebinding)', async () => {
    const res = await rawGet(`${h.ui.origin}/api/collections`, {
      host: `attacker.example:${h.ui.port}`,
      authorization: `Bearer ${h.ui.token}`,
    })
    expect(res.status).toBe(403)
    expect(JSON.parse(res.body).error.code).toBe('UI_ACCESS_DENIED')
    const localhost = await rawGet(`${h.ui.origin}/api/collections`, {
      host: `localhost:${h.ui.port}`,
      authorization: `Bearer ${h.ui.token}`,
    })
    expect(localhost.status).toBe(200)
  })

  it('refuses a foreign Origin with 403 and never sends CORS headers', async () => {
    const headers = { authorization: `Bearer ${h.ui.token}` }
    const foreign = await fetch(`${h.ui.origin}/api/collections`, {
      method: 'POST',
      headers: { ...headers, origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Planted' }),
    })
    expect(foreign.status).toBe(403)
    expect([...foreign.headers.keys()].filter((k) => k.startsWith('access-control-'))).toEqual([])
    expect((await fetch(`${h.ui.origin}/api/collections`, { headers })).status).toBe(200)
    expect(
      ((await (await fetch(`${h.ui.origin}/api/collections`, { headers })).json()) as unknown[]).length,
    ).toBe(0)
    const preflight = await fetch(`${h.ui.origin}/api/collections`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    })
    expect(preflight.status).toBe(403)
    expect([...preflight.headers.keys()].filter((k) => k.startsWith('access-control-'))).toEqual([])
    const own = await fetch(`${h.ui.origin}/api/collections`, {
      headers: { ...headers, origin: h.ui.origin },
    })
    expect(own.status).toBe(200)
  })

  it('lets the OAuth 2.0 callback in without the token but refuses an unknown state', async () => {
    const res = await fetch(`${h.ui.origin}/oauth2/callback?code=abc&state=forged`)
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('no sign-in is waiting')
  })
})
