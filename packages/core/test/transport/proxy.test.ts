import { createServer } from 'node:net'

import { createTestCertificates, startForwardProxy, type ForwardProxy } from '@courier/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { isAppError } from '../../src/errors/index.js'
import { createUndiciTransport } from '../../src/http/index.js'
import type { TransportRequest } from '../../src/http/index.js'
import { listen, startHttpServer, startHttpsServer, type LocalServer } from './local-servers.js'

const settings: TransportRequest['settings'] = {
  strictSSL: true,
  insecureHTTPParser: false,
  timeoutMs: 0,
  connectTimeoutMs: 5_000,
  maxResponseBytes: 1024 * 1024,
}

function get(url: string, headers: TransportRequest['headers'] = []): TransportRequest {
  return { method: 'GET', url, headers, body: { type: 'none' }, settings }
}

const text = (body: Uint8Array): string => Buffer.from(body).toString()

describe('createUndiciTransport through a forward proxy', () => {
  let proxy: ForwardProxy
  let guarded: ForwardProxy
  let plain: LocalServer
  let secure: LocalServer
  let ca: Uint8Array[]

  beforeAll(async () => {
    const pki = await createTestCertificates()
    ca = [Buffer.from(pki.ca.cert)]
    proxy = await startForwardProxy()
    guarded = await startForwardProxy({ auth: { username: 'user', password: 'p@ss' } })
    const answer = (request: { rawHeaders: string[] }, response: { end: (body: string) => void }): void =>
      response.end(JSON.stringify(request.rawHeaders))
    plain = await startHttpServer(answer)
    secure = await startHttpsServer(pki.server, answer)
  })
  afterAll(async () => {
    await Promise.all([proxy.close(), guarded.close(), plain.close(), secure.close()])
  })

  it('sends http requests to the proxy in absolute form, keeping duplicate headers', async () => {
    const transport = createUndiciTransport({ proxy: { url: proxy.url } })
    const headers = [
      { key: 'X-Dup', value: '1' },
      { key: 'X-Dup', value: '2' },
    ]
    const response = await transport.send(get(`${plain.url}/via`, headers))
    await transport.close()
    expect(response.status).toBe(200)
    expect(proxy.requests).toContain(`${plain.url}/via`)
    // node:http joins duplicates when the proxy re-sends them; both values arrive.
    expect(text(response.body)).toMatch(/"x-dup","1, 2"/i)
  })

  it('sends the system headers Postman sends (Connection: keep-alive) through the proxy', async () => {
    const transport = createUndiciTransport({ proxy: { url: proxy.url } })
    const headers = [
      { key: 'Connection', value: 'keep-alive' },
      { key: 'Accept', value: '*/*' },
    ]
    const response = await transport.send(get(`${plain.url}/system-headers`, headers))
    await transport.close()
    expect(response.status).toBe(200)
    expect(proxy.requests).toContain(`${plain.url}/system-headers`)
  })

  it('tunnels https requests through CONNECT', async () => {
    const transport = createUndiciTransport({ proxy: { url: proxy.url }, extraCaCertificates: ca })
    const response = await transport.send(get(`${secure.url}/tunnel`))
    const again = await transport.send(get(`${secure.url}/tunnel`))
    await transport.close()
    expect(response.status).toBe(200)
    // Through a proxy the tunnel and its TLS handshake are timed as one connect phase.
    expect(response.timings.connectMs).toBeGreaterThan(0)
    expect(again.timings.connectMs).toBeUndefined()
    expect(proxy.requests).toContain(`127.0.0.1:${secure.port}`)
  })

  it('bypasses the proxy for NO_PROXY hosts read from the environment', async () => {
    const before = proxy.requests.length
    const env = { HTTP_PROXY: proxy.url, NO_PROXY: 'example.com, 127.0.0.1' }
    const transport = createUndiciTransport({ proxy: 'env', env })
    const response = await transport.send(get(`${plain.url}/direct`))
    await transport.close()
    expect(response.status).toBe(200)
    expect(proxy.requests.length).toBe(before)
  })

  it('uses http_proxy from the environment when no NO_PROXY entry matches', async () => {
    const transport = createUndiciTransport({
      proxy: 'env',
      env: { http_proxy: proxy.url, no_proxy: '.example.com' },
    })
    await transport.send(get(`${plain.url}/from-env`))
    await transport.close()
    expect(proxy.requests).toContain(`${plain.url}/from-env`)
  })

  it('authenticates to the proxy with the userinfo of its URL', async () => {
    const url = new URL(guarded.url)
    url.username = 'user'
    url.password = encodeURIComponent('p@ss')
    const transport = createUndiciTransport({ proxy: { url: url.href }, extraCaCertificates: ca })
    const viaHttp = await transport.send(get(`${plain.url}/auth`))
    const viaConnect = await transport.send(get(`${secure.url}/auth`))
    await transport.close()
    expect([viaHttp.status, viaConnect.status]).toEqual([200, 200])
  })

  it.each([
    ['http', () => plain],
    ['https', () => secure],
  ])('fails with HTTP_PROXY_FAILED when the proxy answers 407 to an %s request', async (_, target) => {
    const transport = createUndiciTransport({ proxy: { url: guarded.url }, extraCaCertificates: ca })
    const error = await transport.send(get(`${target().url}/denied`)).catch((e: unknown) => e)
    await transport.close()
    expect(isAppError(error, 'HTTP_PROXY_FAILED')).toBe(true)
    expect((error as Error).message).toContain('407')
  })

  it('fails with HTTP_PROXY_FAILED when the proxy refuses connections, without its credentials', async () => {
    const closed = await listen(createServer())
    await closed.close()
    const transport = createUndiciTransport({ proxy: { url: `http://user:secret@127.0.0.1:${closed.port}` } })
    const error = await transport.send(get(`${plain.url}/`)).catch((e: unknown) => e)
    await transport.close()
    expect(isAppError(error, 'HTTP_PROXY_FAILED')).toBe(true)
    expect((error as Error).message).not.toContain('secret')
    expect((error as { details: { proxy: string } }).details.proxy).toBe(`http://127.0.0.1:${closed.port}/`)
  })
})
