import { startRawEchoServer, type RawEchoServer } from '@courier/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createUndiciTransport } from '../../src/http/index.js'
import type { TransportRequest } from '../../src/http/index.js'

const settings: TransportRequest['settings'] = {
  strictSSL: true,
  insecureHTTPParser: false,
  timeoutMs: 0,
  connectTimeoutMs: 5_000,
  maxResponseBytes: 1024 * 1024,
}

describe('the request head on the wire', () => {
  let raw: RawEchoServer
  const transport = createUndiciTransport({ proxy: 'none' })
  beforeAll(async () => {
    raw = await startRawEchoServer()
  })
  afterAll(async () => {
    await transport.close()
    await raw.close()
  })

  const sent = async (request: Partial<TransportRequest>): Promise<string> => {
    const response = await transport.send({
      method: 'GET',
      url: `${raw.url}/p`,
      headers: [],
      body: { type: 'none' },
      settings,
      ...request,
    })
    return Buffer.from(response.body).toString('utf8')
  }

  it('writes Host, Connection and Content-Length capitalised, in the places Newman writes them', async () => {
    const text = await sent({
      method: 'POST',
      headers: [
        { key: 'Content-Type', value: 'text/plain' },
        { key: 'Accept', value: '*/*' },
        { key: 'Accept-Encoding', value: 'gzip' },
        { key: 'Connection', value: 'keep-alive' },
      ],
      body: { type: 'text', text: 'hello' },
    })
    expect(text).toBe(
      [
        'POST /p HTTP/1.1',
        'Content-Type: text/plain',
        'Accept: */*',
        `Host: 127.0.0.1:${raw.port}`,
        'Accept-Encoding: gzip',
        'Connection: keep-alive',
        'Content-Length: 5',
        '',
        'hello',
      ].join('\r\n'),
    )
  })

  it('keeps a Host header the request sets, in its case and place', async () => {
    const text = await sent({
      headers: [
        { key: 'X-A', value: '1' },
        { key: 'host', value: 'example.test' },
      ],
    })
    expect(text.split('\r\n').slice(0, 4)).toEqual([
      'GET /p HTTP/1.1',
      'X-A: 1',
      'host: example.test',
      'Connection: keep-alive',
    ])
  })

  it("sends the URL's userinfo as Basic credentials unless the request has an Authorization header", async () => {
    const url = `http://us%40r:p%40ss:word@127.0.0.1:${raw.port}/p`
    const basic = `Basic ${Buffer.from('us@r:p@ss:word').toString('base64')}`
    expect(await sent({ url })).toContain(`\r\nAuthorization: ${basic}\r\n`)
    const own = await sent({ url, headers: [{ key: 'authorization', value: 'Bearer t' }] })
    expect(own.match(/authorization:/gi)).toEqual(['authorization:'])
    expect(await sent({})).not.toMatch(/authorization/i)
  })

  it('sends Content-Length: 0 for a custom method without a body, as Node does', async () => {
    expect(await sent({ method: 'POSTMAN' })).toContain('\r\nContent-Length: 0\r\n\r\n')
    expect(await sent({ method: 'DELETE' })).not.toMatch(/content-length/i)
  })
})
