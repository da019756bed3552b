import { describe, expect, it } from 'vitest'
import { isAppError } from '../errors/index.js'
import { defaultRequestSettings, type PreparedRequest } from '../http/types.js'
import { createAuthHandler } from './create-auth-handler.js'
import type { AuthContext } from './types.js'

const context: AuthContext = {
  clock: { now: () => new Date(0) },
  random: { bytes: (n) => new Uint8Array(n) },
  files: { read: () => Promise.reject(new Error('no files')) },
}

function request(url: string, headers: [string, string][] = []): PreparedRequest {
  return {
    method: 'GET',
    url,
    headers: headers.map(([key, value]) => ({ key, value })),
    body: { type: 'none' },
    settings: defaultRequestSettings,
  }
}

const sign = (type: string, params: Record<string, unknown>, req: PreparedRequest) =>
  createAuthHandler({ type, params }, context).sign(req)

describe('basic', () => {
  it('sends base64 of UTF-8 user:pass, replacing an Authorization header of any case in place', async () => {
    const signed = await sign(
      'basic',
      { username: 'Aladdin', password: 'open sesame' },
      request('https://h.test/', [
        ['Accept', '*/*'],
        ['authorization', 'old'],
        ['AUTHORIZATION', 'older'],
      ]),
    )
    expect(signed.headers).toEqual([
      { key: 'Accept', value: '*/*' },
      { key: 'Authorization', value: 'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==' }, // RFC 7617 §2
    ])
  })

  it('encodes non-ASCII as UTF-8 (RFC 7617 §2.1 example)', async () => {
    const signed = await sign('basic', { username: 'test', password: '123£' }, request('https://h.test/'))
    expect(signed.headers[0]?.value).toBe('Basic dGVzdDoxMjPCow==')
  })
})

describe('bearer', () => {
  it('sends the token', async () => {
    const signed = await sign('bearer', { token: 'wkjehbxoqnunc2k3' }, request('https://h.test/'))
    expect(signed.headers).toEqual([{ key: 'Authorization', value: 'Bearer wkjehbxoqnunc2k3' }])
  })

  it('fails with AUTH_INVALID naming the param when the token is empty', () => {
    try {
      createAuthHandler({ type: 'bearer', params: { token: '' } }, context)
      expect.unreachable()
    } catch (error) {
      expect(isAppError(error, 'AUTH_INVALID') && error.details).toEqual({
        type: 'bearer',
        reason: 'the token param is missing or empty',
      })
    }
  })
})

describe('apikey', () => {
  it('adds a header by default, replacing one of the same name', async () => {
    const signed = await sign(
      'apikey',
      { key: 'X-Api-Key', value: 'k' },
      request('https://h.test/', [['x-api-key', 'old']]),
    )
    expect(signed.headers).toEqual([{ key: 'X-Api-Key', value: 'k' }])
  })

  it('adds a query param, keeping the rest of the URL as it was', async () => {
    const signed = await sign(
      'apikey',
      { key: 'api key', value: 'a/b&c', in: 'query' },
      request('https://h.test/p%20q?x=%2F&api%20key=old&y#frag'),
    )
    expect(signed.url).toBe('https://h.test/p%20q?x=%2F&y&api%20key=a%2Fb%26c#frag')
  })
})

describe('oauth2 (token only)', () => {
  it('sends the token with the Bearer prefix by default, or a custom one', async () => {
    expect((await sign('oauth2', { accessToken: 't' }, request('https://h.test/'))).headers).toEqual([
      { key: 'Authorization', value: 'Bearer t' },
    ])
    const custom = await sign(
      'oauth2',
      { accessToken: 't', headerPrefix: 'Token' },
      request('https://h.test/'),
    )
    expect(custom.headers[0]?.value).toBe('Token t')
  })

  it('puts the token in the access_token query param', async () => {
    const signed = await sign(
      'oauth2',
      { accessToken: 't', addTokenTo: 'queryParams' },
      request('https://h.test/?a'),
    )
    expect(signed.url).toBe('https://h.test/?a&access_token=t')
  })

  it('needs a token', () => {
    expect(() => createAuthHandler({ type: 'oauth2', params: { grant_type: 'implicit' } }, context)).toThrow(
      /accessToken/,
    )
  })
})

describe('createAuthHandler', () => {
  it('passes noauth requests through', async () => {
    const req = request('https://h.test/', [['Authorization', 'mine']])
    expect(await sign('noauth', {}, req)).toBe(req)
  })

  it('throws AUTH_UNSUPPORTED for unknown types, including prototype names', () => {
    for (const type of ['asap', 'toString', '__proto__']) {
      expect(() => createAuthHandler({ type, params: {} }, context)).toThrow(
        expect.objectContaining({ code: 'AUTH_UNSUPPORTED', details: { type } }),
      )
    }
  })
})
