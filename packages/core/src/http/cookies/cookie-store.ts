/** A cookie as plain data, for `pm.cookies`, the UI and reports. */
export interface CookieRecord {
  name: string
  value: string
  domain: string
  path: string
  /** ISO 8601, absent for a session cookie. */
  expires?: string
  secure: boolean
  httpOnly: boolean
  sameSite?: string
  hostOnly: boolean
}

/**
 * The cookie jar port: cookies stored from `Set-Cookie` and sent on later requests. The memory jar
 * (`createCookieJar`) serves runs and tests; storage provides one persisted in SQLite.
 */
export interface CookieStore {
  /** The `Cookie` header value for a request to `url`, or undefined when no cookie applies. */
  cookieHeader(url: string): Promise<string | undefined>
  /** Stores the `Set-Cookie` header values of a response from `url`; invalid ones are ignored, as browsers do. */
  setCookies(url: string, setCookieHeaders: readonly string[]): Promise<void>
  /** The cookies that apply to `url`, or every cookie when no URL is given. */
  list(url?: string): Promise<CookieRecord[]>
  /** Deletes the cookies of `domain`, or every cookie. */
  clear(domain?: string): Promise<void>
}
