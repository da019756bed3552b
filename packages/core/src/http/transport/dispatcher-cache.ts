import { rootCertificates } from 'node:tls'

import { Agent, Pool, ProxyAgent, type Dispatcher, type buildConnector } from 'undici'

import type { ConnectionTracker } from './connection-timings.js'
import type { ClientCertificate } from './match-client-certificate.js'

/** What picks a dispatcher: the proxy, the TLS configuration and the connect timeout. */
export interface DispatcherKey {
  proxy: string | undefined
  strictSSL: boolean
  /** Index into the transport's client certificates, or -1. */
  certificate: number
  connectTimeoutMs: number
}

/** Pool settings shared by every dispatcher of one cache. */
export interface DispatcherCacheOptions {
  tracker: ConnectionTracker
  extraCaCertificates: readonly Uint8Array[]
  clientCertificates: readonly ClientCertificate[]
  keepAlive: boolean
  /** Connections per origin; a session uses 1. */
  connections: number | undefined
}

/**
 * Keep-alive pools (undici Agents, ProxyAgents through a proxy), one per TLS configuration and proxy, created on
 * first use and closed together.
 */
export class DispatcherCache {
  readonly #dispatchers = new Map<string, Dispatcher>()
  readonly #options: DispatcherCacheOptions
  readonly #ca: string[] | undefined

  constructor(options: DispatcherCacheOptions) {
    this.#options = options
    // Node's `ca` replaces its bundled roots: keep them and add the extra ones (Newman's --ssl-extra-ca-certs).
    this.#ca =
      options.extraCaCertificates.length === 0
        ? undefined
        : [
            ...rootCertificates,
            ...options.extraCaCertificates.map((pem) => Buffer.from(pem).toString('utf8')),
          ]
  }

  /** The dispatcher for `key`, created on first use. */
  get(key: DispatcherKey): Dispatcher {
    const id = `${key.proxy ?? ''}|${key.strictSSL}|${key.certificate}|${key.connectTimeoutMs}`
    let dispatcher = this.#dispatchers.get(id)
    if (dispatcher === undefined) {
      dispatcher = this.#create(key)
      this.#dispatchers.set(id, dispatcher)
    }
    return dispatcher
  }

  /** Closes every connection. Exchanges still in flight fail: a graceful close would wait forever on a request
   * queued behind a connection that never completes (connectTimeoutMs 0), which the caller has already given up. */
  async close(): Promise<void> {
    const dispatchers = [...this.#dispatchers.values()]
    this.#dispatchers.clear()
    await Promise.all(dispatchers.map((dispatcher) => dispatcher.destroy()))
  }

  #create(key: DispatcherKey): Dispatcher {
    const { tracker, keepAlive, connections } = this.#options
    const tls = this.#tlsOptions(key)
    const pool = {
      // Whole-exchange limits are the transport's (timeoutMs); undici's own would fire first otherwise.
      headersTimeout: 0,
      bodyTimeout: 0,
      // undici's pipelining 0 means one request per connection, then close (keep-alive off).
      pipelining: keepAlive ? 1 : 0,
      ...(connections === undefined ? {} : { connections }),
    }
    if (key.proxy === undefined) return new Agent({ ...pool, connect: tracker.connector(tls) })
    return new ProxyAgent({
      ...pool,
      uri: key.proxy,
      requestTls: tls,
      proxyTls: { timeout: key.connectTimeoutMs, ...(this.#ca ? { ca: this.#ca } : {}) },
      // Plain http goes to the proxy in absolute form, as Newman does; https tunnels through CONNECT.
      proxyTunnel: false,
      // The ProxyAgent hands each pool the connector that opens the tunnel: time it as one connect phase.
      factory: (origin: string | URL, options: object) => {
        const { connect } = options as { connect?: buildConnector.connector }
        return new Pool(origin, { ...options, ...(connect ? { connect: tracker.timed(connect) } : {}) })
      },
    })
  }

  #tlsOptions(key: DispatcherKey): buildConnector.BuildOptions {
    const certificate = key.certificate === -1 ? undefined : this.#options.clientCertificates[key.certificate]
    return {
      timeout: key.connectTimeoutMs,
      rejectUnauthorized: key.strictSSL,
      ...(this.#ca ? { ca: this.#ca } : {}),
      ...(certificate?.cert ? { cert: Buffer.from(certificate.cert) } : {}),
      ...(certificate?.key ? { key: Buffer.from(certificate.key) } : {}),
      ...(certificate?.pfx ? { pfx: Buffer.from(certificate.pfx) } : {}),
      ...(certificate?.passphrase === undefined ? {} : { passphrase: certificate.passphrase }),
    }
  }
}
