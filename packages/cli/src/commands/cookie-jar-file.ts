import { readFile } from 'node:fs/promises'
import { AppError, type CookieRecord, type CookieStore } from '@courier/core'

/** A cookie as tough-cookie serializes it (`CookieJar#serialize()`), which is what Newman's `--cookie-jar` reads. */
interface SerializedCookie {
  key?: unknown
  value?: unknown
  domain?: unknown
  path?: unknown
  expires?: unknown
  maxAge?: unknown
  secure?: unknown
  httpOnly?: unknown
  hostOnly?: unknown
  sameSite?: unknown
  creation?: unknown
}

/**
 * Loads a serialized tough-cookie jar (Newman's `--cookie-jar` file: `{ cookies: [{ key, value, domain, path,
 * expires, maxAge, secure, httpOnly, hostOnly, sameSite }] }`) into the run's jar, through the CookieStore port.
 * Expired cookies are dropped, as tough-cookie does.
 * @throws AppError FILE_UNREADABLE for a missing file or one that is not such a jar.
 * @example await loadCookieJarFile('jar.json', jar)
 */
export async function loadCookieJarFile(path: string, jar: CookieStore): Promise<void> {
  let parsed: unknown
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'))
  } catch (error) {
    throw new AppError(
      'FILE_UNREADABLE',
      `${path}: not a readable cookie jar (${(error as Error).message})`,
      { source: path, reason: (error as Error).message },
      { cause: error },
    )
  }
  const cookies = (parsed as { cookies?: unknown } | null)?.cookies
  if (!Array.isArray(cookies)) {
    throw new AppError(
      'FILE_UNREADABLE',
      `${path}: expected a serialized tough-cookie jar ({ "cookies": [...] })`,
      {
        source: path,
        reason: 'no cookies array',
      },
    )
  }
  for (const cookie of cookies as SerializedCookie[]) {
    const entry = setCookieOf(cookie)
    if (entry !== undefined) await jar.setCookies(entry.url, [entry.header])
  }
}

/**
 * The run's jar in tough-cookie's serialized shape, for `--export-cookie-jar` (Newman and tough-cookie's
 * `CookieJar.deserialize` read it back).
 * @example await writeOutputFile('jar.json', JSON.stringify(await serializeCookieJar(jar, new Date()), null, 2))
 */
export async function serializeCookieJar(jar: CookieStore, now: Date): Promise<Record<string, unknown>> {
  const records = await jar.list()
  return {
    // The serialization format of tough-cookie 6, which core's jar is built on.
    version: 'tough-cookie@6.1.0',
    storeType: 'MemoryCookieStore',
    rejectPublicSuffixes: true,
    enableLooseMode: false,
    allowSpecialUseDomain: true,
    prefixSecurity: 'silent',
    cookies: records.map((record) => serializeCookie(record, now)),
  }
}

function serializeCookie(record: CookieRecord, now: Date): Record<string, unknown> {
  return {
    key: record.name,
    value: record.value,
    ...(record.expires === undefined ? {} : { expires: record.expires }),
    domain: record.domain,
    path: record.path,
    ...(record.secure ? { secure: true } : {}),
    ...(record.httpOnly ? { httpOnly: true } : {}),
    hostOnly: record.hostOnly,
    creation: now.toISOString(),
    lastAccessed: now.toISOString(),
    ...(record.sameSite === undefined || record.sameSite === 'none' ? {} : { sameSite: record.sameSite }),
  }
}

/** The `Set-Cookie` header and origin that recreate a serialized cookie, or undefined for an unusable entry. */
function setCookieOf(cookie: SerializedCookie): { url: string; header: string } | undefined {
  const { key, value } = cookie
  const domain = typeof cookie.domain === 'string' ? cookie.domain.replace(/^\./, '') : ''
  if (typeof key !== 'string' || domain === '' || /[;\s]/.test(domain)) return undefined
  const path = typeof cookie.path === 'string' && cookie.path.startsWith('/') ? cookie.path : '/'
  const secure = cookie.secure === true
  const parts = [`${key}=${typeof value === 'string' ? value : ''}`, `Path=${path}`]
  if (cookie.hostOnly !== true) parts.push(`Domain=${domain}`)
  const expires = expiryOf(cookie)
  if (expires !== undefined) parts.push(`Expires=${expires.toUTCString()}`)
  if (secure) parts.push('Secure')
  if (cookie.httpOnly === true) parts.push('HttpOnly')
  if (typeof cookie.sameSite === 'string' && cookie.sameSite !== 'none')
    parts.push(`SameSite=${cookie.sameSite}`)
  const host = domain.includes(':') ? `[${domain}]` : domain
  return { url: `${secure ? 'https' : 'http'}://${host}${path}`, header: parts.join('; ') }
}

/** `expires` (ISO or "Infinity"), else `maxAge` counted from `creation`, as tough-cookie computes expiry. */
function expiryOf(cookie: SerializedCookie): Date | undefined {
  if (typeof cookie.expires === 'string' && cookie.expires !== 'Infinity') {
    const date = new Date(cookie.expires)
    if (!Number.isNaN(date.getTime())) return date
  }
  if (typeof cookie.maxAge === 'number' && Number.isFinite(cookie.maxAge)) {
    const created = typeof cookie.creation === 'string' ? Date.parse(cookie.creation) : Number.NaN
    return new Date((Number.isNaN(created) ? Date.now() : created) + cookie.maxAge * 1000)
  }
  return undefined
}
