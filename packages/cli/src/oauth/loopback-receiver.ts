import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { AppError, type AuthorizationCodeReceiver, type AuthorizationRequest } from '@courier/core'

/** What the loopback receiver tells the user before and while it waits. */
export interface LoopbackReceiverOptions {
  /** Opens the authorization URL (the system browser); false when it could not. */
  open: (url: string) => Promise<boolean>
  /** Prints a line for the user (stderr). */
  say: (line: string) => void
}

const page = (title: string, text: string) =>
  `<!doctype html><html lang="en"><meta charset="utf-8"><title>${title}</title>` +
  `<body style="font-family:system-ui;margin:4rem auto;max-width:32rem"><h1>${title}</h1><p>${text}</p></body></html>`

/**
 * Tells whether Courier can listen on a redirect URI itself: `http://127.0.0.1:PORT/…` or `http://localhost:PORT/…`
 * (RFC 8252 §7.3 loopback redirection). Others (the provider's own page, Postman's callback) need the manual way.
 * @example isLoopbackRedirect('http://127.0.0.1:5017/callback') // true
 */
export function isLoopbackRedirect(redirectUri: string): boolean {
  try {
    const url = new URL(redirectUri)
    return (
      url.protocol === 'http:' &&
      ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) &&
      url.port !== ''
    )
  } catch {
    return false
  }
}

/**
 * The CLI's way to get an authorization code back (RFC 8252): listen on 127.0.0.1 at the redirect URI's exact port
 * and path, open the browser on the authorization URL, and resolve with the first matching callback. Gives up
 * after `timeoutMs` (OAUTH2_CONSENT_TIMEOUT). Other paths get 404; only 127.0.0.1 is bound.
 * @example const code = await createLoopbackReceiver({ open, say }).receive(request)
 */
export function createLoopbackReceiver(options: LoopbackReceiverOptions): AuthorizationCodeReceiver {
  return {
    receive: (request) => receiveOnLoopback(request, options),
  }
}

async function receiveOnLoopback(
  request: AuthorizationRequest,
  options: LoopbackReceiverOptions,
): Promise<{ callbackUrl: string }> {
  const redirect = new URL(request.redirectUri)
  let settle: (result: { callbackUrl: string } | Error) => void = () => undefined
  const outcome = new Promise<{ callbackUrl: string } | Error>((resolve) => (settle = resolve))
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', request.redirectUri)
    if (req.method !== 'GET' || url.pathname !== redirect.pathname) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found')
      return
    }
    const denied = url.searchParams.get('error')
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      .end(
        denied === null
          ? page('Courier is signed in', 'You can close this window and go back to the terminal.')
          : page('Access was not granted', 'You can close this window; the terminal says what happened.'),
      )
    settle({ callbackUrl: url.href })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new AppError(
          'OAUTH2_CONFIG_INVALID',
          `cannot listen on ${redirect.host} for the redirect URI: ${error.code ?? error.message}`,
          { field: 'redirect_uri', reason: `port ${redirect.port} is not free` },
        ),
      ),
    )
    server.listen(Number(redirect.port), '127.0.0.1', resolve)
  })
  const timer = setTimeout(() => {
    settle(
      new AppError(
        'OAUTH2_CONSENT_TIMEOUT',
        `no answer on ${request.redirectUri} within ${request.timeoutMs} ms`,
        {
          authUrl: new URL(request.authorizationUrl).origin + new URL(request.authorizationUrl).pathname,
          timeoutMs: request.timeoutMs,
        },
      ),
    )
  }, request.timeoutMs)
  try {
    options.say(`Opening your browser to sign in. If it does not open, visit:\n  ${request.authorizationUrl}`)
    if (!(await options.open(request.authorizationUrl)))
      options.say('(Could not start a browser: open the URL above.)')
    options.say(`Waiting for the redirect on ${request.redirectUri} …`)
    const result = await outcome
    if (result instanceof Error) throw result
    return result
  } finally {
    clearTimeout(timer)
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
}
