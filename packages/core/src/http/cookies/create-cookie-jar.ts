import { CookieJar, MemoryCookieStore, type Cookie, type Store } from 'tough-cookie'
import type { Clock } from '../../ports/index.js'
import { systemClock } from '../../ports/index.js'
import type { CookieRecord, CookieStore } from './cookie-store.js'

/** Options for {@link createCookieJar}. */
export interface CookieJarOptions {
  /** Where cookies live: tough-cookie's memory store by default; storage passes a persistent one. */
  store?: Store
  clock?: Clock
}

/**
 * A cookie jar on tough-cookie (RFC 6265: domain and path matching, expiry, Secure, HttpOnly, SameSite, public
 * suffixes), behind the `CookieStore` port.
 * @example const jar = createCookieJar(); await jar.setCookies('http://127.0.0.1/', ['a=1; Path=/'])
 */
export function createCookieJar(options: CookieJarOptions = {}): CookieStore {
  const store = options.store ?? new MemoryCookieStore()
  // With its own memory store, the jar sees every cookie that enters it: until one does, a lookup (tough-cookie
  // costs about as much as the HTTP exchange itself on loopback) can be skipped. Another store may already hold
  // cookies from an earlier session, so it is always asked.
  let mayHoldCookies = options.store !== undefined
  const clock = options.clock ?? systemClock
  // Loopback APIs are what people test against: treat 127.0.0.1/localhost as secure origins, as browsers do.
  const jar = new CookieJar(store, { allowSecureOnLocal: true, rejectPublicSuffixes: true })
  // tough-cookie checks expiry against the real time on retrieval; filter by the injected clock instead.
  const isLive = (cookie: Cookie): boolean => {
    // Max-Age counts from when the cookie was received (RFC 6265 §5.2.2), not from its last use.
    const expires = cookie.expiryTime(cookie.creation instanceof Date ? cookie.creation : undefined)
    return expires === undefined || expires > clock.now().getTime()
  }
  const liveCookies = async (url: string): Promise<Cookie[]> =>
    (await jar.getCookies(url, { expire: false, sort: true })).filter(isLive)
  return {
    async cookieHeader(url) {
      if (!mayHoldCookies) return undefined
      const cookies = await liveCookies(url)
      return cookies.length === 0 ? undefined : cookies.map((cookie) => cookie.cookieString()).join('; ')
    },
    async setCookies(url, setCookieHeaders) {
      for (const header of setCookieHeaders) {
        const stored = await jar.setCookie(header, url, { now: clock.now(), ignoreError: true })
        if (stored !== undefined) mayHoldCookies = true
      }
    },
    async list(url) {
      const cookies = url === undefined ? (await allCookies(store)).filter(isLive) : await liveCookies(url)
      return cookies.map(toRecord)
    },
    async clear(domain) {
      if (domain === undefined) {
        await jar.removeAllCookies()
        return
      }
      for (const cookie of await allCookies(store)) {
        if (cookie.domain === domain && cookie.path !== null && cookie.key !== undefined) {
          await store.removeCookie(cookie.domain, cookie.path, cookie.key)
        }
      }
    },
  }
}

async function allCookies(store: Store): Promise<Cookie[]> {
  return store.getAllCookies()
}

function toRecord(cookie: Cookie): CookieRecord {
  const record: CookieRecord = {
    name: cookie.key,
    value: cookie.value,
    domain: cookie.domain ?? '',
    path: cookie.path ?? '/',
    secure: cookie.secure,
    httpOnly: cookie.httpOnly,
    hostOnly: cookie.hostOnly === true,
  }
  const expires = cookie.expiryDate(cookie.creation instanceof Date ? cookie.creation : undefined)
  if (expires !== undefined && Number.isFinite(expires.getTime())) record.expires = expires.toISOString()
  if (cookie.sameSite !== undefined && cookie.sameSite !== 'none') record.sameSite = cookie.sameSite
  return record
}
