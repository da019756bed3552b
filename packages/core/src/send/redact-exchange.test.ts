import { describe, expect, it } from 'vitest'
import type { TransportResponse } from '../http/index.js'
import type { Exchange } from './exchange.js'
import { collectSecrets, maskSecrets, redactExchange } from './redact-exchange.js'

const response: TransportResponse = {
  status: 200,
  statusText: 'OK',
  httpVersion: '1.1',
  headers: [{ key: 'Set-Cookie', value: 'sid=abc' }],
  body: new TextEncoder().encode('{"echo":"k3y-k3y"}'),
  timings: { firstByteMs: 1, downloadMs: 0, totalMs: 1 },
  sizes: { headersBytes: 0, bodyBytes: 0, decodedBodyBytes: 0 },
}

describe('collectSecrets', () => {
  it('takes enabled secret variables and credential auth params, ignoring short and plain values', () => {
    const secrets = collectSecrets(
      {
        environment: [
          { key: 'clientSecret', value: 's3cr3t-value', type: 'secret' },
          { key: 'off', value: 'disabled-secret', type: 'secret', enabled: false },
          { key: 'host', value: 'api.example.com' },
          { key: 'pin', value: '123', type: 'secret' },
        ],
      },
      { type: 'basic', params: { username: 'ada', password: 'hunter2!' } },
    )
    expect(secrets).toEqual(['s3cr3t-value', 'hunter2!'])
  })
})

describe('redactExchange', () => {
  it('masks credential headers (keeping the scheme) and secret values in URLs, headers and bodies', () => {
    const sent = {
      method: 'POST',
      url: 'https://api.example.com/x?api_key=k3y-k3y&q=1',
      headers: [
        { key: 'Authorization', value: 'Bearer eyJ.token' },
        { key: 'Cookie', value: 'sid=abc' },
        { key: 'X-Custom', value: 'prefix k3y-k3y' },
      ],
      body: { type: 'text' as const, text: 'client_secret=s%2Fcret%2Bx&grant_type=client_credentials' },
    }
    const exchange: Exchange = { request: sent, response, hops: [{ request: sent, response }], totalMs: 3 }
    const redacted = redactExchange(exchange, ['k3y-k3y', 's/cret+x'])
    expect(redacted.request.url).toBe('https://api.example.com/x?api_key=••••&q=1')
    expect(redacted.request.headers).toEqual([
      { key: 'Authorization', value: 'Bearer ••••' },
      { key: 'Cookie', value: '••••' },
      { key: 'X-Custom', value: 'prefix ••••' },
    ])
    expect(redacted.request.body).toEqual({
      type: 'text',
      text: 'client_secret=••••&grant_type=client_credentials',
    })
    expect(redacted.response.headers).toEqual([{ key: 'Set-Cookie', value: '••••' }])
    expect(new TextDecoder().decode(redacted.response.body)).toBe('{"echo":"••••"}')
    expect(redacted.hops[0]?.request.headers[0]).toEqual({ key: 'Authorization', value: 'Bearer ••••' })
    // The original is untouched.
    expect(exchange.request.headers[0]?.value).toBe('Bearer eyJ.token')
  })

  it('masks a secret and its percent-encoded form', () => {
    expect(maskSecrets('a=p@ss word&b=p%40ss%20word', ['p@ss word'])).toBe('a=••••&b=••••')
  })
})
