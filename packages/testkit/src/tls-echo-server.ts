import { createServer } from 'node:https'
import type { TLSSocket } from 'node:tls'
import { createEchoHandler, type EchoServerOptions } from './echo-server.js'
import { sendJson, type EchoContext } from './internal/echo-context.js'
import type { EchoRoute } from './internal/echo-routes.js'
import { listen, type RunningServer } from './internal/listen.js'

/** Options of {@link startTlsEchoServer}: the server's PEM certificate and key, plus the echo options. */
export interface TlsEchoServerOptions extends EchoServerOptions {
  cert: string
  key: string
  /** CA(s) client certificates are checked against. */
  ca?: string | string[]
  /** Ask clients for a certificate; an absent or untrusted one is reported, not refused. */
  requestCert?: boolean
}

/** A running HTTPS echo server. */
export type TlsEchoServer = RunningServer

/** What the server learnt of the client certificate on this connection. */
function clientCertificate(ctx: EchoContext): {
  authorized: boolean
  subject: string | null
  error: string | null
} {
  const socket = ctx.req.socket as TLSSocket
  const peer = socket.getPeerCertificate()
  const subject = peer.subject ? String(peer.subject.CN ?? '') : null
  const error = socket.authorizationError
  return { authorized: socket.authorized, subject, error: error ? String(error) : null }
}

const clientCertRoute: EchoRoute = {
  pattern: /^\/client-cert$/,
  methods: null,
  handle: (ctx) => sendJson(ctx, 200, clientCertificate(ctx)),
}

/**
 * Starts the echo routes over HTTPS; with `requestCert`, `/client-cert` answers `{ authorized, subject, error }`
 * and every answer carries the client certificate's CN in `x-client-cert-subject`.
 * @example
 * const pki = await createTestCertificates()
 * await using tls = await startTlsEchoServer({ ...pki.server, ca: pki.ca.cert, requestCert: true })
 */
export async function startTlsEchoServer(options: TlsEchoServerOptions): Promise<TlsEchoServer> {
  const handler = createEchoHandler({ ...options, protocol: 'https', extraRoutes: [clientCertRoute] })
  const server = createServer(
    {
      cert: options.cert,
      key: options.key,
      ...(options.ca !== undefined && { ca: options.ca }),
      requestCert: options.requestCert ?? false,
      // Report an untrusted client certificate instead of failing the handshake, so tests can assert on it.
      rejectUnauthorized: false,
    },
    (req, res) => {
      const cn = (req.socket as TLSSocket).getPeerCertificate().subject?.CN
      if (cn !== undefined) res.setHeader('x-client-cert-subject', String(cn))
      handler.listener(req, res)
    },
  )
  return listen(server, 'https', { ...options, onClose: () => handler.close() })
}
