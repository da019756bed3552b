import { randomBytes } from 'node:crypto'
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib'
import { sendJson, sendText, type EchoContext } from './echo-context.js'
import { parseEchoBody } from './parse-echo-body.js'

/** A route: the path pattern, the methods it answers (null: any) and the handler. */
export interface EchoRoute {
  pattern: RegExp
  methods: readonly string[] | null
  handle: (ctx: EchoContext, match: RegExpExecArray) => void
}

const echoGet = (ctx: EchoContext): void =>
  sendJson(ctx, 200, { args: ctx.args, headers: ctx.req.headers, url: ctx.url })

const echoBody = (ctx: EchoContext): void => {
  const parsed = parseEchoBody(ctx.body, ctx.req.headers['content-type'])
  sendJson(ctx, 200, { args: ctx.args, ...parsed, headers: ctx.req.headers, url: ctx.url })
}

function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {}
  for (const pair of (header ?? '').split(';')) {
    const eq = pair.indexOf('=')
    if (eq > 0) cookies[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim()
  }
  return cookies
}

/**
 * A Content-Type as postman-echo's Express sends it (`res.send` re-formats it with charset utf-8): type and parameter
 * names lower-cased, one `; ` between parts (`application/json;  charset=utf-8` → `application/json; charset=utf-8`).
 */
function withUtf8Charset(value: string): string {
  const [type = '', ...params] = value
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '')
  const kept = params
    .map((param) => {
      const eq = param.indexOf('=')
      return eq === -1
        ? param.toLowerCase()
        : `${param.slice(0, eq).trim().toLowerCase()}=${param.slice(eq + 1).trim()}`
    })
    .filter((param) => !param.startsWith('charset='))
  return [type.toLowerCase(), ...kept, 'charset=utf-8'].join('; ')
}

function redirect(ctx: EchoContext, location: string, status = 302): void {
  sendText(ctx, status, `Found. Redirecting to ${location}`, {
    location,
    'content-type': 'text/plain; charset=utf-8',
  })
}

function hops(ctx: EchoContext, n: number, route: string, absolute: boolean): void {
  const base = absolute ? `${ctx.protocol}://${ctx.host}` : ''
  redirect(ctx, n > 1 ? `${base}/${route}/${n - 1}` : `${base}/get`)
}

function compressed(ctx: EchoContext, encoding: 'gzip' | 'deflate' | 'br', flag: string): void {
  const json = Buffer.from(JSON.stringify({ [flag]: true, headers: ctx.req.headers, method: ctx.req.method }))
  const body =
    encoding === 'gzip'
      ? gzipSync(json)
      : encoding === 'deflate'
        ? deflateSync(json)
        : brotliCompressSync(json)
  ctx.res.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-encoding': encoding,
    'content-length': body.length,
  })
  ctx.res.end(body)
}

const utf8Page = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>UTF-8 encoded sample</title></head>
<body><h1>Unicode Demo</h1>
<p>∮ E⋅da = Q,  n → ∞, ∑ f(i) = ∏ g(i); Ελληνικά; Русский; 日本語; 한국어; ﻿ﭐﭑ; 🍪 ✓</p>
</body></html>
`

const maxStreamLines = 100
const maxBytes = 100 * 1024 * 1024

/** postman-echo's routes other than the authentication ones. */
export const echoRoutes: readonly EchoRoute[] = [
  { pattern: /^\/get$/, methods: ['GET', 'HEAD'], handle: echoGet },
  { pattern: /^\/(post|put|patch|delete)$/, methods: null, handle: echoBody },
  {
    pattern: /^\/anything(\/.*)?$/,
    methods: null,
    handle: (ctx) => {
      const parsed = parseEchoBody(ctx.body, ctx.req.headers['content-type'])
      sendJson(ctx, 200, {
        args: ctx.args,
        ...parsed,
        headers: ctx.req.headers,
        method: ctx.req.method,
        url: ctx.url,
      })
    },
  },
  {
    pattern: /^\/headers$/,
    methods: null,
    handle: (ctx) => sendJson(ctx, 200, { headers: ctx.req.headers }),
  },
  {
    pattern: /^\/response-headers$/,
    methods: null,
    handle: (ctx) => {
      const headers = Object.fromEntries(
        Object.entries(ctx.args).map(([name, value]) => [
          name,
          name.toLowerCase() === 'content-type' && typeof value === 'string' ? withUtf8Charset(value) : value,
        ]),
      )
      sendJson(ctx, 200, ctx.args, headers)
    },
  },
  {
    pattern: /^\/status\/(\d{3})$/,
    methods: null,
    handle: (ctx, match) => {
      const status = Number(match[1])
      if (status < 200 || status > 599) sendJson(ctx, 400, { error: `unsupported status ${status}` })
      // 204 and 304 carry no body (RFC 9110): no Content-Length either, or clients rightly refuse the answer.
      else if (status === 204 || status === 304) {
        ctx.res.writeHead(status)
        ctx.res.end()
      } else sendJson(ctx, status, { status })
    },
  },
  {
    pattern: /^\/delay\/(\d+(?:\.\d+)?)$/,
    methods: null,
    handle: (ctx, match) => {
      const seconds = Math.min(Number(match[1]), ctx.maxDelaySeconds)
      const timer = setTimeout(() => {
        ctx.timers.delete(timer)
        sendJson(ctx, 200, { delay: String(seconds) })
      }, seconds * 1000)
      ctx.timers.add(timer)
    },
  },
  {
    pattern: /^\/redirect-to$/,
    methods: null,
    handle: (ctx) => {
      const url = new URLSearchParams(ctx.query).get('url')
      const status = Number(new URLSearchParams(ctx.query).get('status_code') ?? 302)
      if (!url || !(status >= 300 && status < 400))
        sendJson(ctx, 400, { error: 'url and a 3xx status_code expected' })
      else redirect(ctx, url, status)
    },
  },
  {
    pattern: /^\/(redirect|relative-redirect)\/(\d+)$/,
    methods: null,
    handle: (ctx, m) => hops(ctx, Number(m[2]), m[1] ?? '', false),
  },
  {
    pattern: /^\/absolute-redirect\/(\d+)$/,
    methods: null,
    handle: (ctx, m) => hops(ctx, Number(m[1]), 'absolute-redirect', true),
  },
  {
    pattern: /^\/cookies$/,
    methods: null,
    handle: (ctx) => sendJson(ctx, 200, { cookies: parseCookies(ctx.req.headers.cookie) }),
  },
  {
    pattern: /^\/cookies\/set$/,
    methods: null,
    handle: (ctx) => {
      const cookies = [...new URLSearchParams(ctx.query)].map(([name, value]) => `${name}=${value}; Path=/`)
      ctx.res.setHeader('set-cookie', cookies)
      redirect(ctx, '/cookies')
    },
  },
  {
    pattern: /^\/cookies\/delete$/,
    methods: null,
    // Answers at once (no redirect to /cookies) with the cookies that remain: Newman's suites expect the deleted ones
    // gone from this very answer, and postman-request would resend them on a redirect (it keeps the Cookie header).
    handle: (ctx) => {
      const names = new Set(new URLSearchParams(ctx.query).keys())
      const expired = [...names].map(
        (name) => `${name}=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/`,
      )
      const remaining = Object.entries(parseCookies(ctx.req.headers.cookie)).filter(
        ([name]) => !names.has(name),
      )
      sendJson(ctx, 200, { cookies: Object.fromEntries(remaining) }, { 'set-cookie': expired })
    },
  },
  { pattern: /^\/gzip$/, methods: null, handle: (ctx) => compressed(ctx, 'gzip', 'gzipped') },
  { pattern: /^\/deflate$/, methods: null, handle: (ctx) => compressed(ctx, 'deflate', 'deflated') },
  { pattern: /^\/brotli$/, methods: null, handle: (ctx) => compressed(ctx, 'br', 'brotli') },
  {
    pattern: /^\/encoding\/utf8$/,
    methods: null,
    handle: (ctx) => sendText(ctx, 200, utf8Page, { 'content-type': 'text/html; charset=utf-8' }),
  },
  {
    pattern: /^\/stream\/(\d+)$/,
    methods: null,
    handle: (ctx, match) => {
      const lines = Math.min(Number(match[1]), maxStreamLines)
      // No content-length: Node answers with `Transfer-Encoding: chunked`, one chunk per line.
      ctx.res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
      for (let id = 0; id < lines; id++) {
        ctx.res.write(`${JSON.stringify({ id, args: ctx.args, headers: ctx.req.headers, url: ctx.url })}\n`)
      }
      ctx.res.end()
    },
  },
  {
    pattern: /^\/type\/html$/,
    methods: null,
    handle: (ctx) =>
      sendText(
        ctx,
        200,
        '<!DOCTYPE html><html><head><title>Echo</title></head><body><h1>Echo</h1></body></html>',
        {
          'content-type': 'text/html; charset=utf-8',
        },
      ),
  },
  {
    pattern: /^\/type\/xml$/,
    methods: null,
    handle: (ctx) =>
      sendText(
        ctx,
        200,
        '<?xml version="1.0" encoding="utf-8"?>\n<note><to>Courier</to><body>Echo</body></note>\n',
        {
          'content-type': 'application/xml; charset=utf-8',
        },
      ),
  },
  {
    pattern: /^\/ip$/,
    methods: null,
    handle: (ctx) => sendJson(ctx, 200, { ip: ctx.req.socket.remoteAddress }),
  },
  {
    pattern: /^\/time\/now$/,
    methods: null,
    handle: (ctx) => sendText(ctx, 200, new Date(ctx.nowMs()).toUTCString()),
  },
  {
    pattern: /^\/bytes\/(\d+)$/,
    methods: null,
    handle: (ctx, match) => {
      const size = Number(match[1])
      if (size > maxBytes) return sendJson(ctx, 400, { error: `at most ${maxBytes} bytes` })
      ctx.res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': size })
      for (let sent = 0; sent < size; sent += 65536) ctx.res.write(randomBytes(Math.min(65536, size - sent)))
      ctx.res.end()
    },
  },
]
