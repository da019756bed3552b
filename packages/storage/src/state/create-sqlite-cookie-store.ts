import {
  Cookie,
  Store,
  pathMatch,
  permuteDomain,
  type Callback,
  type ErrorCallback,
  type Nullable,
} from 'tough-cookie'
import type { StateDatabase } from './state-database.js'

/**
 * A tough-cookie store on the local state database, for `createCookieJar({ store })`: cookies survive restarts
 * and are shared by the CLI and the UI, as Postman's cookie jar is.
 * @example const jar = createCookieJar({ store: createSqliteCookieStore(db) })
 */
export function createSqliteCookieStore(db: StateDatabase): Store {
  return new SqliteCookieStore(db)
}

interface CookieRow {
  cookie: string
}

// tough-cookie's Store is a class to extend; the database it sits on owns the lifecycle.
class SqliteCookieStore extends Store {
  readonly #db: StateDatabase
  readonly #select
  readonly #selectDomains
  readonly #selectAll
  readonly #upsert
  readonly #remove
  readonly #removePath
  readonly #removeDomain
  readonly #removeAll

  constructor(db: StateDatabase) {
    super()
    // better-sqlite3 answers at once, so callbacks run before the call returns: the jar's *Sync methods work.
    this.synchronous = true
    this.#db = db
    const connection = db.connection
    this.#select = connection.prepare<[string, string, string], CookieRow>(
      'SELECT cookie FROM cookies WHERE domain = ? AND path = ? AND name = ?',
    )
    this.#selectDomains = connection.prepare<[string], CookieRow & { path: string }>(
      'SELECT path, cookie FROM cookies WHERE domain IN (SELECT value FROM json_each(?)) ORDER BY rowid',
    )
    this.#selectAll = connection.prepare<[], CookieRow>('SELECT cookie FROM cookies ORDER BY rowid')
    // An update keeps the row (and its rowid), so cookies list in the order they were first set, as in memory.
    this.#upsert = connection.prepare<[string, string, string, string, string | null, string]>(`
      INSERT INTO cookies (domain, path, name, cookie, expires_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (domain, path, name) DO UPDATE SET
        cookie = excluded.cookie,
        expires_at = excluded.expires_at,
        updated_at = excluded.updated_at
    `)
    this.#remove = connection.prepare<[string, string, string]>(
      'DELETE FROM cookies WHERE domain = ? AND path = ? AND name = ?',
    )
    this.#removePath = connection.prepare<[string, string]>(
      'DELETE FROM cookies WHERE domain = ? AND path = ?',
    )
    this.#removeDomain = connection.prepare<[string]>('DELETE FROM cookies WHERE domain = ?')
    this.#removeAll = connection.prepare('DELETE FROM cookies')
  }

  override findCookie(
    domain: Nullable<string>,
    path: Nullable<string>,
    key: Nullable<string>,
  ): Promise<Cookie | undefined>
  override findCookie(
    domain: Nullable<string>,
    path: Nullable<string>,
    key: Nullable<string>,
    callback: Callback<Cookie | undefined>,
  ): void
  override findCookie(
    domain: Nullable<string>,
    path: Nullable<string>,
    key: Nullable<string>,
    callback?: Callback<Cookie | undefined>,
  ): unknown {
    return answer(callback, () => {
      if (domain == null || path == null || key == null) return undefined
      const row = this.#select.get(domain, path, key)
      return row === undefined ? undefined : parseCookie(row)
    })
  }

  override findCookies(
    domain: Nullable<string>,
    path: Nullable<string>,
    allowSpecialUseDomain?: boolean,
  ): Promise<Cookie[]>
  override findCookies(
    domain: Nullable<string>,
    path: Nullable<string>,
    allowSpecialUseDomain?: boolean,
    callback?: Callback<Cookie[]>,
  ): void
  override findCookies(
    domain: Nullable<string>,
    path: Nullable<string>,
    allowSpecialUseDomain: boolean | Callback<Cookie[]> = false,
    callback?: Callback<Cookie[]>,
  ): unknown {
    // As MemoryCookieStore: a callback in third place means special-use domains are allowed.
    const [allowSpecial, reply] =
      typeof allowSpecialUseDomain === 'function'
        ? [true, allowSpecialUseDomain]
        : [allowSpecialUseDomain, callback]
    return answer(reply, () => {
      if (domain == null || domain === '') return []
      // The request's domain and each parent up to the public suffix: the domains whose cookies may apply.
      const domains = permuteDomain(domain, allowSpecial) ?? [domain]
      return this.#selectDomains
        .all(JSON.stringify(domains))
        .filter((row) => path == null || path === '' || pathMatch(path, row.path))
        .map(parseCookie)
    })
  }

  override putCookie(cookie: Cookie): Promise<void>
  override putCookie(cookie: Cookie, callback: ErrorCallback): void
  override putCookie(cookie: Cookie, callback?: ErrorCallback): unknown {
    return settle(callback, () => this.#put(cookie))
  }

  override updateCookie(oldCookie: Cookie, newCookie: Cookie): Promise<void>
  override updateCookie(oldCookie: Cookie, newCookie: Cookie, callback: ErrorCallback): void
  override updateCookie(_oldCookie: Cookie, newCookie: Cookie, callback?: ErrorCallback): unknown {
    return settle(callback, () => this.#put(newCookie))
  }

  override removeCookie(
    domain: Nullable<string>,
    path: Nullable<string>,
    key: Nullable<string>,
  ): Promise<void>
  override removeCookie(
    domain: Nullable<string>,
    path: Nullable<string>,
    key: Nullable<string>,
    callback: ErrorCallback,
  ): void
  override removeCookie(
    domain: Nullable<string>,
    path: Nullable<string>,
    key: Nullable<string>,
    callback?: ErrorCallback,
  ): unknown {
    return settle(callback, () => {
      if (domain != null && path != null && key != null) this.#remove.run(domain, path, key)
    })
  }

  override removeCookies(domain: string, path: Nullable<string>): Promise<void>
  override removeCookies(domain: string, path: Nullable<string>, callback: ErrorCallback): void
  override removeCookies(domain: string, path: Nullable<string>, callback?: ErrorCallback): unknown {
    return settle(callback, () => {
      if (path == null || path === '') this.#removeDomain.run(domain)
      else this.#removePath.run(domain, path)
    })
  }

  override removeAllCookies(): Promise<void>
  override removeAllCookies(callback: ErrorCallback): void
  override removeAllCookies(callback?: ErrorCallback): unknown {
    return settle(callback, () => {
      this.#removeAll.run()
    })
  }

  override getAllCookies(): Promise<Cookie[]>
  override getAllCookies(callback: Callback<Cookie[]>): void
  override getAllCookies(callback?: Callback<Cookie[]>): unknown {
    return answer(callback, () => this.#selectAll.all().map(parseCookie))
  }

  #put(cookie: Cookie): void {
    const { domain, path, key } = cookie
    if (domain == null || path == null) return
    const creation = cookie.creation instanceof Date ? cookie.creation : undefined
    const expires = cookie.expiryTime(creation)
    const expiresAt =
      expires !== undefined && Number.isFinite(expires) ? new Date(expires).toISOString() : null
    const json = JSON.stringify(cookie.toJSON())
    this.#upsert.run(domain, path, key, json, expiresAt, this.#db.clock.now().toISOString())
  }
}

// The column holds only tough-cookie's own serialisation (a CHECK keeps it valid JSON).
function parseCookie(row: CookieRow): Cookie {
  const cookie = Cookie.fromJSON(row.cookie)
  if (cookie === undefined)
    throw new TypeError(`unreadable cookie in local state: ${row.cookie.slice(0, 80)}`)
  return cookie
}

// tough-cookie calls a store with a callback (CookieJar) or without (direct use): answer both ways.
function answer<T>(callback: Callback<T> | undefined, run: () => T): Promise<T> | undefined {
  let result: T
  try {
    result = run()
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error))
    if (callback === undefined) return Promise.reject(failure)
    callback(failure)
    return undefined
  }
  if (callback === undefined) return Promise.resolve(result)
  callback(null, result)
  return undefined
}

function settle(callback: ErrorCallback | undefined, run: () => void): Promise<void> | undefined {
  try {
    run()
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error))
    if (callback === undefined) return Promise.reject(failure)
    callback(failure)
    return undefined
  }
  if (callback === undefined) return Promise.resolve()
  callback(null)
  return undefined
}
