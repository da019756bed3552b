import { createServer, request, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http'
import { connect, type Socket } from 'node:net'
import { listen, type ListenOptions, type RunningServer } from './internal/listen.js'

/** Options of {@link startForwardProxy}. */
export interface ForwardProxyOptions extends ListenOptions {
  /** Require `Proxy-Authorization: Basic …` with these credentials (407 otherwise). */
  auth?: { username: string; password: string }
}

/** A running forward proxy; `requests` lists what it forwarded: absolute URLs, and `host:port` for CONNECT. */
export interface ForwardProxy extends RunningServer {
  readonly requests: readonly string[]
}

// Hop-by-hop fields (RFC 9110 section 7.6.1) and the proxy's own credentials stay with the proxy.
const hopByHop = new Set([
  'connection',
  'keep-alive',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'upgrade',
])

function isAuthorized(req: IncomingMessage, auth: ForwardProxyOptions['auth']): boolean {
  if (!auth) return true
  const [scheme, encoded] = (req.headers['proxy-authorization'] ?? '').split(' ')
  const decoded = Buffer.from(encoded ?? '', 'base64').toString('utf8')
  return scheme?.toLowerCase() === 'basic' && decoded === `${auth.username}:${auth.password}`
}

/**
 * Starts an HTTP forward proxy: absolute-form requests for `http:` targets and CONNECT tunnels for `https:`.
 * @example
 * await using proxy = await startForwardProxy({ auth: { username: 'u', password: 'p' } })
 * // undici: new ProxyAgent({ uri: proxy.url, token: `Basic ${btoa('u:p')}` })
 */
export async function startForwardProxy(options: ForwardProxyOptions = {}): Promise<ForwardProxy> {
  const requests: string[] = []
  const server = createServer((req, res) => {
    if (!isAuthorized(req, options.auth)) {
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="proxy"' }).end('Proxy Authentication Required')
      return
    }
    let target: URL
    try {
      target = new URL(req.url ?? '')
    } catch {
      res.writeHead(400).end('A forward proxy expects an absolute-form request target')
      return
    }
    requests.push(target.href)
    const headers: OutgoingHttpHeaders = {}
    for (const [name, value] of Object.entries(req.headers)) if (!hopByHop.has(name)) headers[name] = value
    const upstream = request(target, { method: req.method ?? 'GET', headers }, (answer) => {
      const answerHeaders: OutgoingHttpHeaders = {}
      for (const [name, value] of Object.entries(answer.headers))
        if (!hopByHop.has(name)) answerHeaders[name] = value
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, answerHeaders)
      answer.pipe(res)
    })
    upstream.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502).end(`Bad Gateway: ${error.message}`)
      else res.destroy()
    })
    req.pipe(upstream)
  })
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    client.on('error', () => client.destroy())
    if (!isAuthorized(req, options.auth)) {
      client.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="proxy"\r\nContent-Length: 0\r\n\r\n',
      )
      return
    }
    const match = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(req.url ?? '')
    if (!match) {
      client.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n')
      return
    }
    requests.push(req.url ?? '')
    const host = (match[1] ?? '').replace(/^\[|\]$/g, '')
    const upstream = connect(Number(match[2]), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length > 0) upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    upstream.on('error', () => {
      if (client.writable) client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n')
    })
    client.on('close', () => upstream.destroy())
  })
  const running = await listen(server, 'http', options)
  return { ...running, requests }
}
