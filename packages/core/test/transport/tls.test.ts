import type http from 'node:http'
import net from 'node:net'
import type { TLSSocket } from 'node:tls'

import { createTestCertificates, type TestCertificates } from '@courier/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { isAppError } from '../../src/errors/index.js'
import { createUndiciTransport } from '../../src/http/index.js'
import type { TransportRequest } from '../../src/http/index.js'
import { listen, startHttpsServer, type LocalServer } from './local-servers.js'

const settings: TransportRequest['settings'] = {
  strictSSL: true,
  insecureHTTPParser: false,
  timeoutMs: 0,
  connectTimeoutMs: 5_000,
  maxResponseBytes: 1024 * 1024,
}

function get(url: string, extra: Partial<TransportRequest['settings']> = {}): TransportRequest {
  return { method: 'GET', url, headers: [], body: { type: 'none' }, settings: { ...settings, ...extra } }
}

// Answers with the subject CN of the client certificate, or an empty body.
const whoAmI: http.RequestListener = (request, response) => {
  const peer = (request.socket as TLSSocket).getPeerCertificate()
  response.end(typeof peer.subject?.CN === 'string' ? peer.subject.CN : '')
}

async function failure(
  promise: Promise<unknown>,
): Promise<{ code: string; details: Record<string, unknown> }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`)
  return error
}

describe('createUndiciTransport over TLS', () => {
  let pki: TestCertificates
  let trusted: LocalServer
  let selfSigned: LocalServer
  let expired: LocalServer
  let wrongHost: LocalServer
  let withClientAuth: LocalServer
  let otherWithClientAuth: LocalServer
  let silent: LocalServer
  const servers: LocalServer[] = []

  beforeAll(async () => {
    pki = await createTestCertificates()
    const clientAuth = { ca: pki.ca.cert, requestCert: true, rejectUnauthorized: false }
    ;[trusted, selfSigned, expired, wrongHost, withClientAuth, otherWithClientAuth] = await Promise.all([
      startHttpsServer(pki.server, whoAmI),
      startHttpsServer(pki.ca, whoAmI),
      startHttpsServer(pki.expired, whoAmI),
      startHttpsServer(pki.wrongHost, whoAmI),
      startHttpsServer({ ...pki.server, ...clientAuth }, whoAmI),
      startHttpsServer({ ...pki.server, ...clientAuth }, whoAmI),
    ])
    // Accepts TCP but never answers the TLS ClientHello: the connect phase cannot finish.
    silent = await listen(net.createServer(() => undefined))
    servers.push(trusted, selfSigned, expired, wrongHost, withClientAuth, otherWithClientAuth, silent)
  })
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()))
  })

  const ca = (): Uint8Array[] => [Buffer.from(pki.ca.cert)]

  it('trusts a server signed by an extra CA and times the TLS handshake', async () => {
    const transport = createUndiciTransport({ proxy: 'none', extraCaCertificates: ca() })
    const first = await transport.send(get(`${trusted.url}/`))
    const second = await transport.send(get(`${trusted.url}/`))
    await transport.close()
    expect(first.status).toBe(200)
    expect(first.timings.tlsMs).toBeGreaterThan(0)
    expect(second.timings.tlsMs).toBeUndefined()
  })

  it('rejects an issuer it does not trust with check untrusted-issuer', async () => {
    const transport = createUndiciTransport({ proxy: 'none' })
    const error = await failure(transport.send(get(`${trusted.url}/`)))
    await transport.close()
    expect(error.code).toBe('HTTP_TLS_FAILED')
    expect(error.details.check).toBe('untrusted-issuer')
  })

  it('rejects a self-signed certificate with check self-signed', async () => {
    const transport = createUndiciTransport({ proxy: 'none' })
    const error = await failure(transport.send(get(`${selfSigned.url}/`)))
    await transport.close()
    expect(error.code).toBe('HTTP_TLS_FAILED')
    expect(error.details.check).toBe('self-signed')
  })

  it.each([
    ['certificate-expired', () => expired],
    ['hostname', () => wrongHost],
  ])('names the failed check %s', async (check, server) => {
    const transport = createUndiciTransport({ proxy: 'none', extraCaCertificates: ca() })
    const error = await failure(transport.send(get(`${server().url}/`)))
    await transport.close()
    expect(error.code).toBe('HTTP_TLS_FAILED')
    expect(error.details.check).toBe(check)
  })

  it('accepts any certificate with strictSSL off, and still checks with it on', async () => {
    const transport = createUndiciTransport({ proxy: 'none' })
    const lax = await transport.send(get(`${expired.url}/`, { strictSSL: false }))
    const strict = await failure(transport.send(get(`${expired.url}/`)))
    await transport.close()
    expect(lax.status).toBe(200)
    expect(strict.code).toBe('HTTP_TLS_FAILED')
  })

  it('sends a client certificate only to the hosts it matches', async () => {
    const transport = createUndiciTransport({
      proxy: 'none',
      extraCaCertificates: ca(),
      clientCertificates: [
        {
          matches: [`https://127.0.0.1:${withClientAuth.port}/*`],
          cert: Buffer.from(pki.client.cert),
          key: Buffer.from(pki.client.key),
        },
      ],
    })
    const matching = await transport.send(get(`${withClientAuth.url}/`))
    const other = await transport.send(get(`${otherWithClientAuth.url}/`))
    await transport.close()
    expect(Buffer.from(matching.body).toString()).toBe('courier-test-client')
    expect(Buffer.from(other.body).toString()).toBe('')
  })

  it('times out the response while still connecting, and closes without waiting for that connection', async () => {
    const transport = createUndiciTransport({ proxy: 'none' })
    const url = `https://127.0.0.1:${silent.port}/x`
    const error = await failure(transport.send(get(url, { connectTimeoutMs: 0, timeoutMs: 100 })))
    await transport.close()
    expect(error.code).toBe('HTTP_TIMEOUT')
    expect(error.details.phase).toBe('response')
  })

  it('times out a TLS handshake that never completes with phase connect', async () => {
    const transport = createUndiciTransport({ proxy: 'none' })
    const url = `https://127.0.0.1:${silent.port}/x`
    const error = await failure(transport.send(get(url, { connectTimeoutMs: 150 })))
    await transport.close()
    expect(error.code).toBe('HTTP_TIMEOUT')
    expect(error.details).toEqual({ method: 'GET', url, timeoutMs: 150, phase: 'connect' })
  })
})
