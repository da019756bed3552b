import type http from 'node:http'
import net from 'node:net'
import zlib from 'node:zlib'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { isAppError } from '../../src/errors/index.js'
import { createUndiciTransport } from '../../src/http/index.js'
import type { TransportRequest } from '../../src/http/index.js'
import { listen, readBody, startHttpServer, type LocalServer } from './local-servers.js'

const settings: TransportRequest['settings'] = {
  strictSSL: true,
  insecureHTTPParser: false,
  timeoutMs: 0,
  connectTimeoutMs: 5_000,
  maxResponseBytes: 1024 * 1024,
}

function get(url: string, extra: Partial<TransportRequest> = {}): TransportRequest {
  return { method: 'GET', url, headers: [], body: { type: 'none' }, settings, ...extra }
}

const big = Buffer.alloc(64 * 1024, 'courier ')

async function route(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://x')
  const body = await readBody(request)
  switch (url.pathname) {
    case '/echo':
      response.setHeader('content-type', 'application/json')
      response.end(
        JSON.stringify({
          method: request.method,
          rawHeaders: request.rawHeaders,
          body: body.toString('latin1'),
          remotePort: request.socket.remotePort,
        }),
      )
      return
    case '/teapot':
      response.writeHead(418, 'Short And Stout', [
        ['X-First', 'a'],
        ['set-cookie', 'a=1'],
        ['Set-Cookie', 'b=2'],
        ['x-last', 'z'],
      ] as unknown as http.OutgoingHttpHeaders)
      response.end('tea')
      return
    case '/gzip':
      response.writeHead(200, { 'content-encoding': 'gzip' }).end(zlib.gzipSync(big))
      return
    case '/x-gzip':
      response.writeHead(200, { 'content-encoding': 'x-gzip' }).end(zlib.gzipSync(big))
      return
    case '/deflate':
      response.writeHead(200, { 'content-encoding': 'deflate' }).end(zlib.deflateSync(big))
      return
    case '/deflate-raw':
      response.writeHead(200, { 'content-encoding': 'deflate' }).end(zlib.deflateRawSync(big))
      return
    case '/br':
      response.writeHead(200, { 'content-encoding': 'br' }).end(zlib.brotliCompressSync(big))
      return
    case '/stacked':
      response
        .writeHead(200, { 'content-encoding': 'gzip, br' })
        .end(zlib.brotliCompressSync(zlib.gzipSync(big)))
      return
    case '/empty-gzip':
      response.writeHead(204, { 'content-encoding': 'gzip' }).end()
      return
    case '/delay':
      setTimeout(() => response.end('late'), 300)
      return
    case '/reset':
      request.socket.destroy()
      return
    default:
      response.writeHead(404).end('no route')
  }
}

describe('createUndiciTransport().send over http', () => {
  let server: LocalServer
  const transport = createUndiciTransport({ proxy: 'none' })
  beforeAll(async () => {
    server = await startHttpServer((request, response) => void route(request, response))
  })
  afterAll(async () => {
    await transport.close()
    await server.close()
  })

  it.each(['GET', 'POSTMAN', 'COPY', 'get', 'PROPFIND'])('sends the method %s as given', async (method) => {
    // node:http rejects unknown and lower-case methods, so a raw TCP server echoes the request line.
    const raw = await listen(
      net.createServer((socket) => {
        socket.once('data', (data) => {
          const line = data.toString('latin1').split('\r\n')[0]!
          socket.end(`HTTP/1.1 200 OK\r\nContent-Length: ${line.length}\r\nConnection: close\r\n\r\n${line}`)
        })
      }),
    )
    const response = await transport.send(get(`${raw.url}/m`, { method }))
    await raw.close()
    expect(Buffer.from(response.body).toString()).toBe(`${method} /m HTTP/1.1`)
  })

  it('sends headers in order with their case and duplicates', async () => {
    const headers = [
      { key: 'X-Zeta', value: '1' },
      { key: 'x-alpha', value: '2' },
      { key: 'X-Dup', value: 'a' },
      { key: 'X-Dup', value: 'b' },
    ]
    const response = await transport.send(get(`${server.url}/echo`, { headers }))
    const raw = JSON.parse(Buffer.from(response.body).toString()).rawHeaders as string[]
    const sent = raw.filter((_, i) => i % 2 === 0 && /^x-/i.test(raw[i]!)).map((key) => key)
    expect(sent).toEqual(['X-Zeta', 'x-alpha', 'X-Dup', 'X-Dup'])
  })

  it('returns status, reason phrase and raw headers in order as received; a 4xx is not an error', async () => {
    const response = await transport.send(get(`${server.url}/teapot`))
    expect(response.status).toBe(418)
    expect(response.statusText).toBe('Short And Stout')
    expect(response.httpVersion).toBe('1.1')
    const keys = response.headers.map((h) => h.key)
    expect(keys.slice(0, 4)).toEqual(['X-First', 'set-cookie', 'Set-Cookie', 'x-last'])
    expect(Buffer.from(response.body).toString()).toBe('tea')
    expect(response.remoteAddress).toBe('127.0.0.1')
    expect(response.sizes.headersBytes).toBeGreaterThan(50)
    expect(response.sizes.bodyBytes).toBe(3)
  })

  it('writes text, bytes and no body', async () => {
    const text = await transport.send(
      get(`${server.url}/echo`, { method: 'POST', body: { type: 'text', text: 'héllo' } }),
    )
    expect(Buffer.from(JSON.parse(Buffer.from(text.body).toString()).body, 'latin1').toString()).toBe('héllo')
    const bytes = await transport.send(
      get(`${server.url}/echo`, {
        method: 'PUT',
        body: { type: 'bytes', bytes: new Uint8Array([0, 255, 7]) },
      }),
    )
    const echoed = Buffer.from(JSON.parse(Buffer.from(bytes.body).toString()).body, 'latin1')
    expect([...echoed]).toEqual([0, 255, 7])
    const none = JSON.parse(Buffer.from((await transport.send(get(`${server.url}/echo`))).body).toString())
    expect(none.body).toBe('')
  })

  it.each(['/gzip', '/x-gzip', '/deflate', '/deflate-raw', '/br', '/stacked'])(
    'decodes %s and reports wire and decoded sizes',
    async (path) => {
      const response = await transport.send(get(`${server.url}${path}`))
      expect(Buffer.from(response.body).equals(big)).toBe(true)
      expect(response.sizes.decodedBodyBytes).toBe(big.length)
      expect(response.sizes.bodyBytes).toBeLessThan(big.length / 10)
    },
  )

  it('reads no body for HEAD even with a Content-Length', async () => {
    const response = await transport.send(get(`${server.url}/teapot`, { method: 'HEAD' }))
    expect(response.status).toBe(418)
    expect(response.body.byteLength).toBe(0)
  })

  it('accepts an empty body labelled gzip', async () => {
    const response = await transport.send(get(`${server.url}/empty-gzip`))
    expect(response.status).toBe(204)
    expect(response.body.byteLength).toBe(0)
  })

  it('fails with HTTP_RESPONSE_TOO_LARGE on decoded bytes past maxResponseBytes', async () => {
    const request = get(`${server.url}/gzip`, { settings: { ...settings, maxResponseBytes: 10_000 } })
    const error = await transport.send(request).catch((e: unknown) => e)
    expect(isAppError(error, 'HTTP_RESPONSE_TOO_LARGE')).toBe(true)
    expect((error as Error).message).toBe(`GET ${server.url}/gzip: response body larger than 10000 bytes`)
  })

  it('times out the response with phase response', async () => {
    const request = get(`${server.url}/delay`, { settings: { ...settings, timeoutMs: 100 } })
    const error = await transport.send(request).catch((e: unknown) => e)
    expect(isAppError(error, 'HTTP_TIMEOUT')).toBe(true)
    expect((error as { details: { phase: string } }).details.phase).toBe('response')
  })

  it('passes an abort signal through', async () => {
    const controller = new AbortController()
    const pending = transport.send(get(`${server.url}/delay`, { signal: controller.signal }))
    controller.abort()
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
  })

  it('maps a socket destroyed by the server to HTTP_CONNECTION_RESET', async () => {
    const error = await transport.send(get(`${server.url}/reset`)).catch((e: unknown) => e)
    expect(isAppError(error, 'HTTP_CONNECTION_RESET')).toBe(true)
    expect((error as Error).message).toMatch(new RegExp(`^GET ${server.url}/reset: connection reset`))
  })

  it('reuses the connection and reports connection phases only for the first exchange', async () => {
    const fresh = createUndiciTransport({ proxy: 'none' })
    const before = server.connections()
    const first = await fresh.send(get(`${server.url}/echo`))
    const second = await fresh.send(get(`${server.url}/echo`))
    await fresh.close()
    expect(server.connections() - before).toBe(1)
    expect(first.timings.connectMs).toBeGreaterThanOrEqual(0)
    expect(first.timings.dnsMs).toBeGreaterThanOrEqual(0)
    expect(first.timings.tlsMs).toBeUndefined()
    expect(second.timings.connectMs).toBeUndefined()
    expect(second.timings.dnsMs).toBeUndefined()
    for (const { timings } of [first, second]) {
      expect(timings.firstByteMs).toBeGreaterThanOrEqual(0)
      expect(timings.downloadMs).toBeGreaterThanOrEqual(0)
      const phases =
        (timings.dnsMs ?? 0) + (timings.connectMs ?? 0) + timings.firstByteMs + timings.downloadMs
      expect(timings.totalMs).toBeGreaterThanOrEqual(phases - 1)
    }
  })

  it('opens one connection per concurrent exchange and times each', async () => {
    const fresh = createUndiciTransport({ proxy: 'none' })
    const responses = await Promise.all([1, 2, 3].map(() => fresh.send(get(`${server.url}/echo`))))
    await fresh.close()
    const ports = new Set(
      responses.map((r) => JSON.parse(Buffer.from(r.body).toString()).remotePort as number),
    )
    expect(ports.size).toBe(3)
    for (const response of responses) expect(response.timings.connectMs).toBeDefined()
  })

  it('sends Connection: close and reconnects when keepAlive is off', async () => {
    const fresh = createUndiciTransport({ proxy: 'none', keepAlive: false })
    const before = server.connections()
    await fresh.send(get(`${server.url}/echo`))
    await fresh.send(get(`${server.url}/echo`))
    await fresh.close()
    expect(server.connections() - before).toBe(2)
  })

  it('pins a session to one connection', async () => {
    const session = transport.session()
    const responses = await Promise.all([1, 2, 3].map(() => session.send(get(`${server.url}/echo`))))
    await session.close()
    const ports = new Set(
      responses.map((r) => JSON.parse(Buffer.from(r.body).toString()).remotePort as number),
    )
    expect(ports.size).toBe(1)
  })
})
