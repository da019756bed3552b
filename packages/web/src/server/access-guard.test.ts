// DESIGN.md "Security model", in memory: the guard in front of every route of `courier ui`.
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { accessGuard, sessionCookieName } from './access-guard.js'

const token = 'T'.repeat(43)
const app = new Hono()
app.use('*', accessGuard({ token, port: () => 4000, open: ['/oauth2/callback'] }))
app.get('*', (c) => c.text('ok'))
const call = (path: string, headers: Record<string, string> = {}) =>
  app.request(`http://127.0.0.1:4000${path}`, { headers: { host: '127.0.0.1:4000', ...headers } })

describe('accessGuard', () => {
  it('needs the token: from the URL once (then a cookie), the cookie, or a bearer header', async () => {
    expect((await call('/api/x')).status).toBe(401)
    const entry = await call(`/app?tab=2&token=${token}`)
    expect(entry.status).toBe(302)
    expect(entry.headers.get('location')).toBe('/app?tab=2')
    expect(entry.headers.get('set-cookie')).toBe(
      `${sessionCookieName(4000)}=${token}; Path=/; HttpOnly; SameSite=Strict`,
    )
    expect((await call('/api/x', { cookie: `${sessionCookieName(4000)}=${token}` })).status).toBe(200)
    expect((await call('/api/x', { cookie: `${sessionCookieName(4001)}=${token}` })).status).toBe(401)
    expect((await call('/api/x', { authorization: `Bearer ${token}` })).status).toBe(200)
  })

  it('refuses other hosts and origins before looking at the token', async () => {
    const auth = { authorization: `Bearer ${token}` }
    expect((await call('/api/x', { ...auth, host: 'rebound.example:4000' })).status).toBe(403)
    expect((await call('/api/x', { ...auth, host: '127.0.0.1:4001' })).status).toBe(403)
    expect((await call('/api/x', { ...auth, origin: 'http://127.0.0.1:4001' })).status).toBe(403)
    expect((await call('/api/x', { ...auth, origin: 'null' })).status).toBe(403)
    expect((await call('/api/x', { ...auth, origin: 'http://localhost:4000' })).status).toBe(200)
  })

  it('lets the OAuth callback through without the token, but not from another host', async () => {
    expect((await call('/oauth2/callback?state=s')).status).toBe(200)
    expect((await call('/oauth2/callback?state=s', { host: 'evil.example' })).status).toBe(403)
  })
})
