import { request } from 'node:http'
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRawEchoServer, type RawEchoServer } from './raw-echo-server.js'

let raw: RawEchoServer
beforeAll(async () => {
  raw = await startRawEchoServer()
})
afterAll(() => raw.close())

/** Sends `text` over a socket and returns the whole answer. */
function exchange(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(raw.port, '127.0.0.1', () => socket.write(text))
    let answer = ''
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')))
    socket.on('end', () => resolve(answer))
    socket.on('error', reject)
  })
}

describe('startRawEchoServer', () => {
  it('echoes a custom method request verbatim as body and raw-request header', async () => {
    const sent = 'POSTMAN /x?y=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\n\r\nhello'
    const answer = await exchange(sent)
    const [head] = answer.split('\r\n\r\n')
    expect(head).toMatch(/^HTTP\/1\.1 200 OK/)
    expect(JSON.parse(/raw-request: (.*)/.exec(head ?? '')?.[1] ?? '')).toBe(sent)
    expect(answer.slice(answer.indexOf('\r\n\r\n') + 4)).toBe(sent)
    expect(raw.requests).toContain(sent)
  })

  it('reads chunked bodies to their end, and lower-case methods', async () => {
    const sent = 'get / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n'
    expect(await exchange(sent)).toContain(`raw-request: ${JSON.stringify(sent)}`)
  })

  it('answers HEAD without a body', async () => {
    const answer = await exchange('HEAD / HTTP/1.1\r\nHost: a\r\n\r\n')
    expect(answer.endsWith('\r\n\r\n')).toBe(true)
  })

  it('works with node:http and a GET with a body; escapes non-ASCII in the header', async () => {
    const text = await new Promise<{ header: string; body: string }>((resolve, reject) => {
      const req = request(
        `${raw.url}/🍪`,
        { method: 'GET', headers: { 'content-type': 'text/plain', 'content-length': 2 } },
        (res) => {
          let body = ''
          res.on('data', (c: Buffer) => (body += c.toString('utf8')))
          res.on('end', () => resolve({ header: String(res.headers['raw-request']), body }))
        },
      )
      req.on('error', reject)
      req.end('ü')
    })
    expect(text.body).toMatch(/^GET \/%F0%9F%8D%AA HTTP\/1\.1\r\n/)
    expect(text.body.endsWith('\r\n\r\nü')).toBe(true)
    expect(JSON.parse(text.header)).toBe(text.body)
  })

  it('waits delayMs before answering', async () => {
    const slow = await startRawEchoServer({ delayMs: 20 })
    try {
      const started = performance.now()
      const res = await fetch(slow.url, { method: 'NONE' })
      expect(res.status).toBe(200)
      expect(await res.text()).toMatch(/^NONE \/ HTTP\/1\.1/)
      expect(performance.now() - started).toBeGreaterThanOrEqual(15)
    } finally {
      await slow.close()
    }
  })
})
