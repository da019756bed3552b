import { verifyHawk } from '../hawk-auth.js'
import { verifyOAuth1 } from '../oauth1-signature.js'
import { postmanEchoCredentials } from '../postman-echo-credentials.js'
import { sendJson, sendText, type EchoContext } from './echo-context.js'
import type { EchoRoute } from './echo-routes.js'

function basicAuth(ctx: EchoContext): void {
  const [scheme, encoded] = (ctx.req.headers.authorization ?? '').split(' ')
  const decoded = Buffer.from(encoded ?? '', 'base64').toString('utf8')
  const { username, password } = postmanEchoCredentials.basic
  if (scheme?.toLowerCase() === 'basic' && decoded === `${username}:${password}`) {
    sendJson(ctx, 200, { authenticated: true })
  } else sendText(ctx, 401, 'Unauthorized', { 'www-authenticate': 'Basic realm="Users"' })
}

function digestAuth(ctx: EchoContext): void {
  const verdict = ctx.digest.verify(
    ctx.req.method ?? 'GET',
    ctx.req.url ?? '/',
    ctx.req.headers.authorization,
  )
  if (verdict.type === 'pass') sendJson(ctx, 200, { authenticated: true })
  else sendText(ctx, 401, 'Unauthorized', { 'www-authenticate': ctx.digest.challenge() })
}

function splitHost(ctx: EchoContext): { host: string; port: number } {
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(ctx.host)
  const defaultPort = ctx.protocol === 'https' ? 443 : 80
  return { host: match?.[1] ?? ctx.host, port: match?.[2] ? Number(match[2]) : defaultPort }
}

function hawkAuth(ctx: EchoContext): void {
  const { host, port } = splitHost(ctx)
  const verdict = verifyHawk(
    {
      method: ctx.req.method ?? 'GET',
      resource: ctx.req.url ?? '/',
      host,
      port,
      authorization: ctx.req.headers.authorization,
      payload: ctx.body,
      contentType: ctx.req.headers['content-type'],
    },
    { credentials: [postmanEchoCredentials.hawk], nowMs: ctx.nowMs() },
  )
  if (verdict.type === 'pass') sendJson(ctx, 200, { message: 'Hawk Authentication Successful' })
  else {
    const stale = verdict.reason === 'Stale timestamp' ? `ts="${Math.floor(ctx.nowMs() / 1000)}", ` : ''
    sendJson(
      ctx,
      401,
      { statusCode: 401, error: 'Unauthorized', message: verdict.reason },
      { 'www-authenticate': `Hawk ${stale}error="${verdict.reason}"` },
    )
  }
}

function oauth1(ctx: EchoContext): void {
  const { host, port } = splitHost(ctx)
  const defaultPort = ctx.protocol === 'https' ? 443 : 80
  // RFC 5849 section 3.4.1.2: lower-case scheme and host, no default port, the path without the query.
  const baseUri = `${ctx.protocol}://${host.toLowerCase()}${port === defaultPort ? '' : `:${port}`}${ctx.path}`
  const isForm = (ctx.req.headers['content-type'] ?? '')
    .toLowerCase()
    .startsWith('application/x-www-form-urlencoded')
  const { consumerKey, consumerSecret } = postmanEchoCredentials.oauth1
  const verdict = verifyOAuth1(
    {
      method: ctx.req.method ?? 'GET',
      baseUri,
      query: [...new URLSearchParams(ctx.query)],
      form: isForm ? [...new URLSearchParams(ctx.body.toString('utf8'))] : [],
      authorization: ctx.req.headers.authorization,
    },
    { consumers: { [consumerKey]: consumerSecret } },
  )
  if (verdict.type === 'pass') {
    sendJson(ctx, 200, { status: 'pass', message: 'OAuth-1.0a signature verification was successful' })
  } else {
    const { type: _, ...debug } = verdict
    sendJson(ctx, 401, { status: 'fail', ...debug })
  }
}

/** postman-echo's authentication routes, each a real verifier. */
export const authRoutes: readonly EchoRoute[] = [
  { pattern: /^\/basic-auth$/, methods: null, handle: basicAuth },
  { pattern: /^\/digest-auth$/, methods: null, handle: digestAuth },
  { pattern: /^\/auth\/hawk$/, methods: null, handle: hawkAuth },
  { pattern: /^\/oauth1$/, methods: null, handle: oauth1 },
]
