import { AppError } from '../../errors/index.js'
import type { Transport, TransportRequest, TransportResponse, TransportSession } from '../types.js'
import { ConnectionTracker } from './connection-timings.js'
import { DispatcherCache } from './dispatcher-cache.js'
import { matchClientCertificate, type ClientCertificate } from './match-client-certificate.js'
import { proxyFor, readProxyRules, type ProxyOption, type ProxyRules } from './resolve-proxy.js'
import { sendExchange } from './send-exchange.js'
import { redactUrl } from './to-transport-error.js'

/** How {@link createUndiciTransport} connects. */
export interface UndiciTransportOptions {
  /** `'env'` (default): HTTP_PROXY / HTTPS_PROXY / NO_PROXY and their lower-case forms, like curl and Newman. */
  proxy?: ProxyOption
  /** PEM certificates trusted in addition to Node's bundled roots (Newman's --ssl-extra-ca-certs). */
  extraCaCertificates?: Uint8Array[]
  /** Client certificates by host (Newman's --ssl-client-cert-list). */
  clientCertificates?: ClientCertificate[]
  /** Reuse connections (default true). */
  keepAlive?: boolean
  /** Connections per origin (default unlimited). */
  maxConnectionsPerOrigin?: number
  /** The environment read for `proxy: 'env'` (default `process.env`). */
  env?: Record<string, string | undefined>
}

/**
 * The undici implementation of the {@link Transport} port: one hop per `send` over keep-alive pools, one pool per
 * TLS configuration and proxy, created lazily; `session()` pins one connection per origin (NTLM). `close()` ends
 * every connection, failing exchanges still in flight.
 * @example
 * const transport = createUndiciTransport({ proxy: 'none' })
 * const response = await transport.send({ method: 'GET', url, headers: [], body: { type: 'none' }, settings })
 * await transport.close()
 */
export function createUndiciTransport(options: UndiciTransportOptions = {}): Transport {
  const tracker = new ConnectionTracker()
  const rules = readProxyRules(options.proxy ?? 'env', options.env ?? process.env)
  const certificates = options.clientCertificates ?? []
  const cacheOptions = {
    tracker,
    extraCaCertificates: options.extraCaCertificates ?? [],
    clientCertificates: certificates,
    keepAlive: options.keepAlive ?? true,
  }
  const shared = new DispatcherCache({ ...cacheOptions, connections: options.maxConnectionsPerOrigin })
  const sessions = new Set<DispatcherCache>()
  const sendOn = (cache: DispatcherCache) => (request: TransportRequest) =>
    sendThrough(cache, request, { rules, certificates, tracker })
  return {
    send: sendOn(shared),
    session(): TransportSession {
      // One connection per origin; undici reconnects if the server closes it between handshake legs.
      const cache = new DispatcherCache({ ...cacheOptions, keepAlive: true, connections: 1 })
      sessions.add(cache)
      return {
        send: sendOn(cache),
        close: async () => {
          sessions.delete(cache)
          await cache.close()
        },
      }
    },
    async close() {
      const all = [shared, ...sessions]
      sessions.clear()
      await Promise.all(all.map((cache) => cache.close()))
      tracker.close()
    },
  }
}

async function sendThrough(
  cache: DispatcherCache,
  request: TransportRequest,
  context: { rules: ProxyRules; certificates: readonly ClientCertificate[]; tracker: ConnectionTracker },
): Promise<TransportResponse> {
  let url: URL
  try {
    url = new URL(request.url)
  } catch (error) {
    const reason = 'not an absolute URL'
    throw new AppError(
      'HTTP_URL_INVALID',
      `${request.method} ${redactUrl(request.url)}: ${reason}`,
      {
        url: redactUrl(request.url),
        reason,
      },
      { cause: error },
    )
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    const reason = `unsupported protocol ${url.protocol}`
    throw new AppError('HTTP_URL_INVALID', `${request.method} ${redactUrl(request.url)}: ${reason}`, {
      url: redactUrl(request.url),
      reason,
    })
  }
  const proxy = proxyFor(url, context.rules)
  const dispatcher = cache.get({
    proxy,
    strictSSL: request.settings.strictSSL,
    certificate: url.protocol === 'https:' ? matchClientCertificate(url, context.certificates) : -1,
    connectTimeoutMs: request.settings.connectTimeoutMs,
  })
  return sendExchange(request, { dispatcher, tracker: context.tracker, proxy })
}
