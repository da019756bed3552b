import { describe, expect, it } from 'vitest'
import { authContext, preparedRequest } from '../../test/support/auth-fixtures.js'
import { type TransportResponse } from '../http/types.js'
import { digestAuth, digestHeader } from './digest-auth.js'

const context = authContext({
  now: new Date('2026-01-01T00:00:00Z'),
  bytes: (n) => new Uint8Array(n).fill(0xab),
})

const request = preparedRequest

function response(status: number, headers: [string, string][]): TransportResponse {
  return {
    status,
    statusText: '',
    httpVersion: '1.1',
    headers: headers.map(([key, value]) => ({ key, value })),
    body: new Uint8Array(0),
    timings: { firstByteMs: 0, downloadMs: 0, totalMs: 0 },
    sizes: { headersBytes: 0, bodyBytes: 0, decodedBodyBytes: 0 },
  }
}

// RFC 7616 §3.9.1: the published example.
const rfc = {
  username: 'Mufasa',
  password: 'Circle of Life',
  realm: 'http-auth@example.org',
  nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v',
  opaque: 'FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS',
  cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ',
  method: 'GET',
  uri: '/dir/index.html',
  qop: 'auth' as const,
  nc: '00000001',
}
const challenge = (algorithm: string): string =>
  `Digest realm="${rfc.realm}", qop="auth, auth-int", algorithm=${algorithm}, nonce="${rfc.nonce}", opaque="${rfc.opaque}"`

describe('digestHeader', () => {
  it('computes the RFC 7616 §3.9.1 MD5 response', () => {
    expect(digestHeader({ ...rfc, algorithm: 'MD5' })).toBe(
      'Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", algorithm=MD5, ' +
        'nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", nc=00000001, ' +
        'cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", qop=auth, ' +
        'response="8ca523f5e9506fed4657c9700eebdbec", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"',
    )
  })

  it('computes the RFC 7616 §3.9.1 SHA-256 response', () => {
    expect(digestHeader({ ...rfc, algorithm: 'SHA-256' })).toContain(
      'response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"',
    )
  })

  it('computes RFC 2617 §3.5 (no qop is the legacy form; with qop it is the published example)', () => {
    // RFC 2617 §3.5: Mufasa / testrealm@host.com, response 6629fae49393a05397450978507c4ef1.
    const header = digestHeader({
      username: 'Mufasa',
      password: 'Circle Of Life',
      realm: 'testrealm@host.com',
      nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093',
      cnonce: '0a4f113b',
      nc: '00000001',
      qop: 'auth',
      method: 'GET',
      uri: '/dir/index.html',
      algorithm: 'MD5',
    })
    expect(header).toContain('response="6629fae49393a05397450978507c4ef1"')
  })
})

describe('digestAuth', () => {
  const auth = (params: Record<string, unknown>) =>
    digestAuth(
      { type: 'digest', params: { username: rfc.username, password: rfc.password, ...params } },
      context,
    )

  it('sends nothing before the challenge', async () => {
    const req = request('http://example.org/dir/index.html')
    expect(await auth({}).sign(req)).toEqual(req)
  })

  it('answers a 401 Digest challenge with the RFC vector, replacing any Authorization header', async () => {
    const handler = auth({ clientNonce: rfc.cnonce })
    const req = request('http://example.org/dir/index.html', {
      headers: [{ key: 'authorization', value: 'x' }],
    })
    const retried = await handler.respond?.(req, response(401, [['WWW-Authenticate', challenge('MD5')]]))
    expect(retried?.headers).toHaveLength(1)
    expect(retried?.headers[0]?.key).toBe('Authorization')
    expect(retried?.headers[0]?.value).toContain('response="8ca523f5e9506fed4657c9700eebdbec"')
  })

  it('prefers the strongest of several challenges', async () => {
    const handler = auth({ clientNonce: rfc.cnonce })
    const retried = await handler.respond?.(
      request('http://example.org/dir/index.html'),
      response(401, [
        ['WWW-Authenticate', challenge('MD5')],
        ['WWW-Authenticate', challenge('SHA-256')],
      ]),
    )
    expect(retried?.headers[0]?.value).toContain(
      'response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"',
    )
  })

  it('answers only once, only a 401, only a Digest challenge, and not when retries are disabled', async () => {
    const req = request('http://example.org/dir/index.html')
    const handler = auth({})
    expect(
      await handler.respond?.(req, response(200, [['WWW-Authenticate', challenge('MD5')]])),
    ).toBeUndefined()
    expect(
      await handler.respond?.(req, response(401, [['WWW-Authenticate', 'Basic realm="x"']])),
    ).toBeUndefined()
    expect(
      await handler.respond?.(req, response(401, [['WWW-Authenticate', challenge('MD5')]])),
    ).toBeDefined()
    expect(
      await handler.respond?.(req, response(401, [['WWW-Authenticate', challenge('MD5')]])),
    ).toBeUndefined()
    const disabled = auth({ disableRetryRequest: true })
    expect(
      await disabled.respond?.(req, response(401, [['WWW-Authenticate', challenge('MD5')]])),
    ).toBeUndefined()
  })

  it('takes the cnonce from context.random and signs the path with its query', async () => {
    const retried = await auth({}).respond?.(
      request('http://example.org/a%20b?x=1&y=2#frag'),
      response(401, [['www-authenticate', challenge('MD5-sess')]]),
    )
    const value = retried?.headers[0]?.value ?? ''
    expect(value).toContain('cnonce="abababababababab"')
    expect(value).toContain('uri="/a%20b?x=1&y=2"')
    expect(value).toContain('algorithm=MD5-sess')
  })

  it('signs straight away with saved realm and nonce (Postman advanced fields)', async () => {
    const signed = await auth({
      realm: rfc.realm,
      nonce: rfc.nonce,
      opaque: rfc.opaque,
      qop: 'auth',
      clientNonce: rfc.cnonce,
      algorithm: 'SHA-256',
    }).sign(request('http://example.org/dir/index.html'))
    expect(signed.headers[0]?.value).toContain(
      'response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"',
    )
  })

  it('hashes the body for auth-int and supports SHA-512-256', async () => {
    const retried = await auth({}).respond?.(
      request('http://example.org/', { method: 'POST', body: { type: 'text', text: 'hello' } }),
      response(401, [
        ['WWW-Authenticate', `Digest realm="r", qop="auth-int", algorithm=SHA-512-256-sess, nonce="n"`],
      ]),
    )
    expect(retried?.headers[0]?.value).toMatch(/qop=auth-int, response="[0-9a-f]{64}"/)
  })

  it('requires a username', () => {
    expect(() => digestAuth({ type: 'digest', params: {} }, context)).toThrow(/username/)
  })
})
