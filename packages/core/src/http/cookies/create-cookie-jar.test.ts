import { describe, expect, it } from 'vitest'
import { createCookieJar } from './create-cookie-jar.js'

const at = (iso: string) => ({ now: () => new Date(iso) })

describe('createCookieJar', () => {
  it('sends a stored cookie back to the same host and path only', async () => {
    const jar = createCookieJar()
    await jar.setCookies('http://127.0.0.1:8080/api/login', ['session=abc; Path=/api', 'theme=dark'])
    expect(await jar.cookieHeader('http://127.0.0.1:8080/api/users')).toBe('session=abc; theme=dark')
    expect(await jar.cookieHeader('http://127.0.0.1:8080/other')).toBeUndefined()
    expect(await jar.cookieHeader('http://localhost:8080/api/users')).toBeUndefined()
  })

  it('forgets a cookie once it expires, by the injected clock', async () => {
    const clock = { current: new Date('2026-01-01T00:00:00Z') }
    const jar = createCookieJar({ clock: { now: () => clock.current } })
    await jar.setCookies('http://127.0.0.1/', ['short=1; Max-Age=60'])
    expect(await jar.cookieHeader('http://127.0.0.1/')).toBe('short=1')
    clock.current = new Date('2026-01-01T00:02:00Z')
    expect(await jar.cookieHeader('http://127.0.0.1/')).toBeUndefined()
  })

  it('ignores malformed Set-Cookie values and cookies for a foreign domain', async () => {
    const jar = createCookieJar({ clock: at('2026-01-01T00:00:00Z') })
    await jar.setCookies('http://api.example.com/', ['=novalue', 'x=1; Domain=other.org', 'ok=yes'])
    expect(await jar.cookieHeader('http://api.example.com/')).toBe('ok=yes')
  })

  it('lists cookies as plain data and clears them by domain', async () => {
    const jar = createCookieJar({ clock: at('2026-01-01T00:00:00Z') })
    await jar.setCookies('https://a.example.com/', [
      'id=1; Secure; HttpOnly; SameSite=Lax; Expires=Wed, 01 Jan 2031 00:00:00 GMT',
    ])
    await jar.setCookies('https://b.example.com/', ['id=2'])
    expect(await jar.list('https://a.example.com/')).toEqual([
      {
        name: 'id',
        value: '1',
        domain: 'a.example.com',
        path: '/',
        expires: '2031-01-01T00:00:00.000Z',
        secure: true,
        httpOnly: true,
        sameSite: 'lax',
        hostOnly: true,
      },
    ])
    await jar.clear('a.example.com')
    expect((await jar.list()).map((cookie) => cookie.domain)).toEqual(['b.example.com'])
    await jar.clear()
    expect(await jar.list()).toEqual([])
  })
})
