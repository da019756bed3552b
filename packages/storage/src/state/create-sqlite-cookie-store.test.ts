import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCookieJar } from '@courier/core'
import { Cookie, CookieJar } from 'tough-cookie'
import { afterEach, describe, expect, it } from 'vitest'
import { createSqliteCookieStore } from './create-sqlite-cookie-store.js'
import { StateDatabase } from './state-database.js'

const clock = { current: new Date('2026-01-01T00:00:00Z') }
const options = { clock: { now: () => clock.current } }

const opened: StateDatabase[] = []
afterEach(() => {
  for (const db of opened.splice(0)) db.close()
  clock.current = new Date('2026-01-01T00:00:00Z')
})

function open(path: string): StateDatabase {
  const db = StateDatabase.open(path, options)
  opened.push(db)
  return db
}

function jarOn(db: StateDatabase) {
  return createCookieJar({ store: createSqliteCookieStore(db), ...options })
}

async function databasePath(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'courier-cookies-')), '.courier', 'state.db')
}

describe('createSqliteCookieStore', () => {
  it('sends a cookie stored in an earlier session after a restart', async () => {
    const path = await databasePath()
    const before = open(path)
    await jarOn(before).setCookies('http://127.0.0.1:8080/api/login', [
      'session=abc; Path=/api; HttpOnly',
      'theme=dark; Path=/; Max-Age=3600',
    ])
    before.close()

    const jar = jarOn(open(path))
    expect(await jar.cookieHeader('http://127.0.0.1:8080/api/users')).toBe('session=abc; theme=dark')
    expect(await jar.cookieHeader('http://127.0.0.1:8080/other')).toBe('theme=dark')
    expect(await jar.cookieHeader('http://localhost:8080/api/users')).toBeUndefined()
  })

  it('keeps every attribute across a restart, and Max-Age counts from when the cookie came', async () => {
    const path = await databasePath()
    await jarOn(open(path)).setCookies('https://api.example.com/', [
      'id=1; Domain=example.com; Secure; HttpOnly; SameSite=Lax; Max-Age=60',
    ])
    const jar = jarOn(open(path))
    expect(await jar.list()).toEqual([
      {
        name: 'id',
        value: '1',
        domain: 'example.com',
        path: '/',
        expires: '2026-01-01T00:01:00.000Z',
        secure: true,
        httpOnly: true,
        sameSite: 'lax',
        hostOnly: false,
      },
    ])
    expect(await jar.cookieHeader('https://www.example.com/')).toBe('id=1')
    expect(await jar.cookieHeader('http://www.example.com/')).toBeUndefined()
    clock.current = new Date('2026-01-01T00:02:00Z')
    expect(await jar.cookieHeader('https://www.example.com/')).toBeUndefined()
  })

  it('replaces a cookie of the same name, domain and path', async () => {
    const db = open(await databasePath())
    const jar = jarOn(db)
    await jar.setCookies('http://127.0.0.1/', ['a=1', 'b=2'])
    await jar.setCookies('http://127.0.0.1/', ['a=3'])
    expect(await jar.cookieHeader('http://127.0.0.1/')).toBe('a=3; b=2')
    expect(db.connection.prepare('SELECT count(*) FROM cookies').pluck().get()).toBe(2)
  })

  it('clears the cookies of one domain, or all of them', async () => {
    const jar = jarOn(open(await databasePath()))
    await jar.setCookies('http://a.test/', ['x=1'])
    await jar.setCookies('http://b.test/', ['y=2'])
    await jar.clear('a.test')
    expect((await jar.list()).map((cookie) => cookie.domain)).toEqual(['b.test'])
    await jar.clear()
    expect(await jar.list()).toEqual([])
  })

  it('shares cookies between two handles on one file (the CLI and the UI)', async () => {
    const path = await databasePath()
    const cli = jarOn(open(path))
    const ui = jarOn(open(path))
    await cli.setCookies('http://127.0.0.1/', ['from=cli'])
    expect(await ui.cookieHeader('http://127.0.0.1/')).toBe('from=cli')
  })

  it('serves tough-cookie directly, with promises and with the synchronous API', async () => {
    const store = createSqliteCookieStore(open(await databasePath()))
    const jar = new CookieJar(store)
    jar.setCookieSync('k=v; Path=/docs', 'http://example.com/docs/a')
    expect(jar.getCookieStringSync('http://example.com/docs/b')).toBe('k=v')
    const found = await store.findCookie('example.com', '/docs', 'k')
    expect(found?.value).toBe('v')
    expect(await store.findCookie('example.com', '/docs', 'missing')).toBeUndefined()
    expect(await store.findCookies('example.com', '/other')).toEqual([])
    expect((await store.findCookies('www.example.com', '/docs/x')).map((c) => c.key)).toEqual(['k'])
    await store.updateCookie(
      found ?? new Cookie(),
      new Cookie({ key: 'k', value: 'w', domain: 'example.com', path: '/docs' }),
    )
    expect((await store.getAllCookies()).map((c) => c.value)).toEqual(['w'])
    await store.removeCookies('example.com', '/docs')
    expect(await store.getAllCookies()).toEqual([])
  })
})
