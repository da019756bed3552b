import { describe, expect, it } from 'vitest'

import { rewriteRequestHead } from './rewrite-request-head.js'

const head = (...lines: string[]) => `${lines.join('\r\n')}\r\n\r\n`
const list = (...keys: string[]) =>
  keys.map((key) => ({ key, value: key === 'Connection' ? 'keep-alive' : 'v' }))

describe('rewriteRequestHead', () => {
  it('capitalises Host before the trailing Accept-Encoding / Connection and Content-Length last', () => {
    const written = head(
      'POST /p HTTP/1.1',
      'host: a.test:81',
      'connection: keep-alive',
      'X-One: v',
      'Accept-Encoding: v',
      'content-length: 7',
    )
    expect(rewriteRequestHead(written, list('X-One', 'Accept-Encoding', 'Connection'), 'POST')).toBe(
      head(
        'POST /p HTTP/1.1',
        'X-One: v',
        'Host: a.test:81',
        'Accept-Encoding: v',
        'Connection: keep-alive',
        'Content-Length: 7',
      ),
    )
  })

  it('writes listed Host, Connection and Content-Length where the list has them, in their case, with undici values', () => {
    const written = head('GET / HTTP/1.1', 'host: h', 'connection: close', 'X-A: v', 'content-length: 2')
    expect(rewriteRequestHead(written, list('content-length', 'X-A', 'host', 'Connection'), 'GET')).toBe(
      head('GET / HTTP/1.1', 'content-length: 2', 'X-A: v', 'host: h', 'Connection: close'),
    )
  })

  it('adds Content-Length: 0 to a bodiless POST or custom method, and to a GET that lists one, not to a bare GET', () => {
    const bare = (method: string) => head(`${method} / HTTP/1.1`, 'host: h', 'connection: keep-alive')
    expect(rewriteRequestHead(bare('POSTMAN'), [], 'POSTMAN')).toContain('\r\nContent-Length: 0\r\n')
    expect(rewriteRequestHead(bare('DELETE'), [], 'DELETE')).not.toContain('Content-Length')
    expect(rewriteRequestHead(bare('GET'), [], 'GET')).not.toContain('Content-Length')
    expect(rewriteRequestHead(bare('GET'), list('Content-Length'), 'GET')).toContain(
      '\r\nContent-Length: 0\r\n',
    )
  })

  it('leaves a head of another method (a proxy CONNECT) as it is', () => {
    const connect = head('CONNECT a:443 HTTP/1.1', 'host: a:443', 'connection: close')
    expect(rewriteRequestHead(connect, list('X-A'), 'GET')).toBe(connect)
  })
})
