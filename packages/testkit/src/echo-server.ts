import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http'
import { DigestVerifier } from './digest-auth.js'
import { authRoutes } from './internal/auth-routes.js'
import { createEchoContext, sendJson, type EchoContext } from './internal/echo-context.js'
import { echoRoutes, type EchoRoute } from './internal/echo-routes.js'
import { listen, type ListenOptions, type RunningServer } from './internal/listen.js'
import { readBody } from './internal/read-body.js'
import { postmanEchoCredentials } from './postman-echo-credentials.js'

/** Options of {@link startEchoServer}. */
export interface EchoServerOptions extends ListenOptions {
  /** The server's clock (Hawk's timestamp check, `/time/now`); defaults to `Date.now`. */
  nowMs?: () => number
  /** `/delay/:seconds` waits at most this long (default 10). */
  maxDelaySeconds?: number
}

/** A running echo server. */
export type EchoServer = RunningServer

/** An echo request handler plus the timers it must clear when its server closes. */
export interface EchoHandler {
  listener: RequestListener
  /** Cancels delayed answers still pending. */
  close(): void
}

const routes: readonly EchoRoute[] = [...echoRoutes, ...authRoutes]

/** Builds the postman-echo compatible request handler shared by the HTTP and HTTPS echo servers. */
export function createEchoHandler(
  options: EchoServerOptions & { protocol: 'http' | 'https'; extraRoutes?: readonly EchoRoute[] },
): EchoHandler {
  const timers = new Set<NodeJS.Timeout>()
  const digest = new DigestVerifier({ ...postmanEchoCredentials.digest, nonces: 'any' })
  const all = [...(options.extraRoutes ?? []), ...routes]
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readBody(req)
    const ctx: EchoContext = createEchoContext(req, res, {
      protocol: options.protocol,
      body,
      nowMs: options.nowMs ?? Date.now,
      maxDelaySeconds: options.maxDelaySeconds ?? 10,
      digest,
      timers,
      fallbackHost: `${req.socket.localAddress ?? '127.0.0.1'}:${req.socket.localPort ?? 0}`,
    })
    for (const route of all) {
      const match = route.pattern.exec(ctx.path)
      if (match && (route.methods === null || route.methods.includes(req.method ?? ''))) {
        route.handle(ctx, match)
        return
      }
    }
    sendJson(ctx, 404, { error: 'Not Found', message: `no route for ${req.method ?? ''} ${ctx.path}` })
  }
  return {
    listener: (req, res) => {
      handle(req, res).catch((error: unknown) => {
        // A handler failure (such as an invalid header name in /response-headers) is the client's 400.
        if (!res.headersSent) {
          res.writeHead(400, { 'content-type': 'application/json; charset=utf-8' })
          res.end(JSON.stringify({ error: 'Bad Request', message: String(error) }))
        } else res.destroy()
      })
    },
    close: () => {
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
    },
  }
}

/**
 * Starts a postman-echo compatible HTTP server on 127.0.0.1 (port 0 by default).
 * @example
 * await using echo = await startEchoServer()
 * const res = await fetch(`${echo.url}/get?a=1`)
 */
export async function startEchoServer(options: EchoServerOptions = {}): Promise<EchoServer> {
  const handler = createEchoHandler({ ...options, protocol: 'http' })
  return listen(createServer(handler.listener), 'http', { ...options, onClose: () => handler.close() })
}
