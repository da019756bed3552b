import type { CookieRecord, CookieStore } from '../http/index.js'
import type { ScriptCookieInit, ScriptCookieJar } from './types.js'

/**
 * `pm.cookies.jar()` over the run's CookieStore. As in Newman, every domain is reachable (Postman's app limits
 * scripts to allow-listed domains). The port only stores `Set-Cookie` values, so a cookie is removed by storing
 * it again already expired, with its own domain and path: the jar no longer shows it.
 * @example const host: ScriptHost = { sendRequest, cookies: createScriptCookieJar(createCookieJar()) }
 */
export function createScriptCookieJar(store: CookieStore): ScriptCookieJar {
  return {
    list: (url) => store.list(url),
    async set(url, cookie) {
      const header = typeof cookie === 'string' ? cookie : setCookieHeader(cookie)
      await store.setCookies(url, [header])
      const name = header.slice(0, header.indexOf('=')).trim()
      return (await store.list(url)).find((stored) => stored.name === name)
    },
    async unset(url, name) {
      for (const cookie of await store.list(url)) if (cookie.name === name) await expire(store, cookie)
    },
    async clear(url) {
      for (const cookie of await store.list(url)) await expire(store, cookie)
    },
  }
}

// Control characters would end the header line; the script only ever writes into its own jar, so nothing else is
// refused.
const clean = (text: string): string => text.replace(/[\r\n\0]/g, '')

function setCookieHeader(cookie: ScriptCookieInit): string {
  const parts = [`${clean(cookie.name)}=${clean(cookie.value)}`]
  if (cookie.domain !== undefined) parts.push(`Domain=${clean(cookie.domain)}`)
  if (cookie.path !== undefined) parts.push(`Path=${clean(cookie.path)}`)
  if (cookie.expires !== undefined) {
    const expires = new Date(cookie.expires)
    if (Number.isFinite(expires.getTime())) parts.push(`Expires=${expires.toUTCString()}`)
  }
  if (cookie.maxAge !== undefined && Number.isFinite(cookie.maxAge))
    parts.push(`Max-Age=${Math.trunc(cookie.maxAge)}`)
  if (cookie.secure === true) parts.push('Secure')
  if (cookie.httpOnly === true) parts.push('HttpOnly')
  return parts.join('; ')
}

async function expire(store: CookieStore, cookie: CookieRecord): Promise<void> {
  const origin = `${cookie.secure ? 'https' : 'http'}://${cookie.domain}${cookie.path}`
  const parts = [`${cookie.name}=`, `Path=${cookie.path}`, 'Expires=Thu, 01 Jan 1970 00:00:00 GMT']
  if (!cookie.hostOnly) parts.push(`Domain=${cookie.domain}`)
  if (cookie.secure) parts.push('Secure')
  if (cookie.httpOnly) parts.push('HttpOnly')
  await store.setCookies(origin, [parts.join('; ')])
}
