import { createServer } from 'node:net'

import { describe, expect, it } from 'vitest'

import { isAppError } from '../../src/errors/index.js'
import { createUndiciTransport } from '../../src/http/index.js'
import type { TransportRequest } from '../../src/http/index.js'
import { listen } from './local-servers.js'

const settings: TransportRequest['settings'] = {
  strictSSL: true,
  insecureHTTPParser: false,
  timeoutMs: 0,
  connectTimeoutMs: 5_000,
  maxResponseBytes: 1024,
}

function get(url: string, headers: TransportRequest['headers'] = []): TransportRequest {
  return { method: 'GET', url, headers, body: { type: 'none' }, settings }
}

describe('createUndiciTransport faults', () => {
  it('maps a closed port to HTTP_CONNECTION_REFUSED with the address, never a header value', async () => {
    const server = await listen(createServer())
    await server.close()
    const transport = createUndiciTransport({ proxy: 'none' })
    const url = `http://127.0.0.1:${server.port}/x`
    const error = await transport
      .send(get(url, [{ key: 'Authorization', value: 'Bearer s3cret' }]))
      .catch((e: unknown) => e)
    await transport.close()
    expect(isAppError(error, 'HTTP_CONNECTION_REFUSED')).toBe(true)
    expect((error as Error).message).toBe(`GET ${url}: connection refused (127.0.0.1:${server.port})`)
    expect(JSON.stringify(error)).not.toContain('s3cret')
  })

  it('maps an unknown host (RFC 6761 .invalid) to HTTP_DNS_FAILED', async () => {
    const transport = createUndiciTransport({ proxy: 'none' })
    const error = await transport.send(get('http://courier-test.invalid/')).catch((e: unknown) => e)
    await transport.close()
    expect(isAppError(error, 'HTTP_DNS_FAILED')).toBe(true)
    expect((error as { details: { host: string } }).details.host).toBe('courier-test.invalid')
  })

  it('rejects a URL that is not absolute http(s) with HTTP_URL_INVALID', async () => {
    const transport = createUndiciTransport({ proxy: 'none' })
    const relative = await transport.send(get('/relative')).catch((e: unknown) => e)
    const ftp = await transport.send(get('ftp://127.0.0.1/')).catch((e: unknown) => e)
    await transport.close()
    expect(isAppError(relative, 'HTTP_URL_INVALID')).toBe(true)
    expect(isAppError(ftp, 'HTTP_URL_INVALID')).toBe(true)
  })

  it.each([
    ['Expect', '100-continue', 'expect header not supported'],
    ['Transfer-Encoding', 'chunked', 'invalid transfer-encoding header'],
  ])(
    'maps a %s header undici will not send to HTTP_REQUEST_FAILED without its value',
    async (key, value, reason) => {
      const transport = createUndiciTransport({ proxy: 'none' })
      const error = await transport
        .send(get('http://127.0.0.1:9/', [{ key, value }]))
        .catch((e: unknown) => e)
      await transport.close()
      expect(isAppError(error, 'HTTP_REQUEST_FAILED')).toBe(true)
      expect((error as Error).message).toBe(`GET http://127.0.0.1:9/: ${reason}`)
    },
  )

  it('maps what undici refuses to send (an invalid method) to HTTP_REQUEST_FAILED', async () => {
    const transport = createUndiciTransport({ proxy: 'none' })
    const error = await transport
      .send({ ...get('http://127.0.0.1:9/'), method: 'BAD METHOD' })
      .catch((e: unknown) => e)
    await transport.close()
    expect(isAppError(error, 'HTTP_REQUEST_FAILED')).toBe(true)
    expect((error as Error).message).toBe('BAD METHOD http://127.0.0.1:9/: invalid request method')
  })
})
