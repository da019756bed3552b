import { request } from 'node:http'
import type { Socket } from 'node:net'
import { connect } from 'node:tls'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEchoServer, type EchoServer } from './echo-server.js'
import { startForwardProxy, type ForwardProxy } from './forward-proxy.js'
import { createTestCertificates, type TestCertificates } from './test-certificates.js'
import { startTlsEchoServer, type TlsEchoServer } from './tls-echo-server.js'

let echo: EchoServer
let tls: TlsEchoServer
let pki: TestCertificates
let proxy: ForwardProxy
let guarded: ForwardProxy
beforeAll(async () => {
  pki = await createTestCertificates()
  ;[echo, tls, proxy, guarded] = await Promise.all([
    startEchoServer(),
    startTlsEchoServer(pki.server),
    startForwardProxy(),
    startForwardProxy({ auth: { username: 'user', password: 'pass' } }),
  ])
})
afterAll(() => Promise.all([echo, tls, proxy, guarded].map((s) => s.close())))

const basic = (credentials: string) => `Basic ${Buffer.from(credentials).toString('base64')}`

/** Sends an absolute-form GET to `via` the way an HTTP client configured with a proxy does. */
function getThrough(via: ForwardProxy, url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: via.port, path: url, headers }, (res) => {
      let body = ''
      res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

/** Opens a CONNECT tunnel through `via` and resolves with the status line and, on 200, the raw socket. */
function tunnel(via: ForwardProxy, authority: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; socket: Socket }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: via.port, method: 'CONNECT', path: authority, headers })
    req.on('connect', (res, socket) => resolve({ status: res.statusCode ?? 0, socket }))
    req.on('error', reject)
    req.end()
  })
}

describe('startForwardProxy', () => {
  it('forwards an absolute-form GET and records the target', async () => {
    const target = `${echo.url}/get?via=proxy`
    const answer = await getThrough(proxy, target, { 'proxy-connection': 'keep-alive' })
    expect(answer.status).toBe(200)
    const body = JSON.parse(answer.body) as { args: unknown; headers: Record<string, string> }
    expect(body.args).toEqual({ via: 'proxy' })
    expect(body.headers).not.toHaveProperty('proxy-connection')
    expect(proxy.requests).toContain(target)
  })

  it('tunnels TLS to the HTTPS echo server through CONNECT', async () => {
    const { status, socket } = await tunnel(proxy, `127.0.0.1:${tls.port}`)
    expect(status).toBe(200)
    const text = await new Promise<string>((resolve, reject) => {
      const secure = connect({ socket, ca: pki.ca.cert, servername: 'localhost' }, () => {
        secure.write(`GET /get?t=1 HTTP/1.1\r\nHost: 127.0.0.1:${tls.port}\r\nConnection: close\r\n\r\n`)
      })
      let received = ''
      secure.on('data', (chunk: Buffer) => (received += chunk.toString('utf8')))
      secure.on('end', () => resolve(received))
      secure.on('error', reject)
    })
    expect(text).toMatch(/^HTTP\/1\.1 200 OK/)
    expect(text).toContain(`"url":"https://127.0.0.1:${tls.port}/get?t=1"`)
    expect(proxy.requests).toContain(`127.0.0.1:${tls.port}`)
  })

  it('requires Proxy-Authorization when configured, for plain requests and tunnels', async () => {
    expect((await getThrough(guarded, `${echo.url}/get`)).status).toBe(407)
    expect(
      (await getThrough(guarded, `${echo.url}/get`, { 'proxy-authorization': basic('user:nope') })).status,
    ).toBe(407)
    const ok = await getThrough(guarded, `${echo.url}/headers`, { 'proxy-authorization': basic('user:pass') })
    expect(ok.status).toBe(200)
    expect(JSON.parse(ok.body)).not.toHaveProperty('headers.proxy-authorization')
    const refused = await tunnel(guarded, `127.0.0.1:${tls.port}`)
    expect(refused.status).toBe(407)
    refused.socket.destroy()
    const allowed = await tunnel(guarded, `127.0.0.1:${tls.port}`, {
      'proxy-authorization': basic('user:pass'),
    })
    expect(allowed.status).toBe(200)
    allowed.socket.destroy()
  })

  it('answers 502 when the target is unreachable', async () => {
    const closed = await startEchoServer()
    await closed.close()
    expect((await getThrough(proxy, `${closed.url}/get`)).status).toBe(502)
  })
})
