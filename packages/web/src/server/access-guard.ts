// Who may talk to the local server (DESIGN.md "Security model", ADR 0015): only this machine's browser, on the
// page Courier opened. A foreign Host (DNS rebinding) or Origin (another site's page: CSRF) is refused; every
// request needs the per-launch token, which the URL Courier printed carries once and a cookie carries after.
import { timingSafeEqual } from 'node:crypto'
import { AppError } from '@courier/core'
import type { MiddlewareHandler } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { errorBody, statusOf } from './api-error.js'

/** What the guard checks against. */
export interface AccessGuardOptions {
  token: string
  /** The port the server listens on (known once it listens). */
  port(): number
  /** Paths that need no token (the OAuth 2.0 callback: state-checked instead). */
  open: readonly string[]
}

/**
 * The cookie that carries the token: one per port, so two Courier servers on one machine do not log each other
 * out (cookies are not isolated by port).
 * @example sessionCookieName(4000) // 'courier_session_4000'
 */
export function sessionCookieName(port: number): string {
  return `courier_session_${port}`
}

/**
 * The middleware in front of every route.
 * @example app.use('*', accessGuard({ token, port: () => port, open: ['/oauth2/callback'] }))
 */
export function accessGuard(options: AccessGuardOptions): MiddlewareHandler {
  const expected = Buffer.from(options.token)
  const matches = (candidate: string | undefined) => {
    if (candidate === undefined) return false
    const given = Buffer.from(candidate)
    return given.length === expected.length && timingSafeEqual(given, expected)
  }
  return async (c, next) => {
    const port = options.port()
    const hosts = [`127.0.0.1:${port}`, `localhost:${port}`]
    const deny = (reason: 'token' | 'host' | 'origin', message: string) => {
      const error = new AppError('UI_ACCESS_DENIED', message, { reason })
      return c.json(errorBody(error), statusOf(error))
    }
    // Headers for every answer: no sniffing, no framing (clickjacking), no Referer (it could carry the token).
    c.header('X-Content-Type-Options', 'nosniff')
    c.header('X-Frame-Options', 'DENY')
    c.header('Referrer-Policy', 'no-referrer')
    const host = c.req.header('host')
    if (host === undefined || !hosts.includes(host.toLowerCase()))
      return deny('host', `Host "${host ?? ''}" is not this server (127.0.0.1:${port})`)
    const origin = c.req.header('origin')
    if (origin !== undefined && !hosts.some((h) => origin.toLowerCase() === `http://${h}`))
      return deny('origin', `Origin "${origin}" may not use this server`)
    const url = new URL(c.req.url)
    if (options.open.includes(url.pathname)) return next()
    const cookie = sessionCookieName(port)
    const fromQuery = url.searchParams.get('token')
    if (fromQuery !== null) {
      if (!matches(fromQuery)) return deny('token', 'wrong access token')
      setCookie(c, cookie, options.token, { httpOnly: true, sameSite: 'Strict', path: '/' })
      url.searchParams.delete('token')
      return c.redirect(`${url.pathname}${url.search}`, 302)
    }
    const bearer = /^Bearer (.+)$/i.exec(c.req.header('authorization') ?? '')?.[1]
    if (!matches(getCookie(c, cookie)) && !matches(bearer))
      return deny('token', 'no access token: open the URL `courier ui` printed')
    if (url.pathname.startsWith('/api/')) c.header('Cache-Control', 'no-store')
    return next()
  }
}
