import { describe, expect, it } from 'vitest'
import { authContext, preparedRequest } from '../../test/support/auth-fixtures.js'
import { hawkAuth, hawkHeader, hawkPayloadHash } from './hawk-auth.js'

const context = authContext({
  now: new Date(1_353_832_234_000),
  bytes: (n) => Uint8Array.from({ length: n }, (_, i) => i + 26),
})

const request = preparedRequest

// The Hawk README's usage example.
const credentials = {
  id: 'dh37fgj492je',
  key: 'werxhqb98rpaxn39848xrunpaw3489ruxnpa98w4rxn',
  algorithm: 'sha256' as const,
}
const readmeUrl = 'http://example.com:8000/resource/1?b=1&a=2'

describe('Hawk README vectors', () => {
  it('computes the GET header MAC', () => {
    expect(
      hawkHeader(credentials, {
        method: 'GET',
        url: readmeUrl,
        ts: '1353832234',
        nonce: 'j4h3g2',
        ext: 'some-app-ext-data',
      }),
    ).toBe(
      'Hawk id="dh37fgj492je", ts="1353832234", nonce="j4h3g2", ext="some-app-ext-data", ' +
        'mac="6R4rV5iE+NPoym+WwjeHzjAGXUtLNIxmo1vpMofpLAE="',
    )
  })

  it('computes the payload hash and the POST header MAC', () => {
    const hash = hawkPayloadHash(
      'sha256',
      'text/plain',
      new TextEncoder().encode('Thank you for flying Hawk'),
    )
    expect(hash).toBe('Yi9LfIIFRtBEPt74PVmbTF/xVAwPn7ub15ePICfgnuY=')
    expect(
      hawkHeader(credentials, {
        method: 'POST',
        url: readmeUrl,
        ts: '1353832234',
        nonce: 'j4h3g2',
        hash,
        ext: 'some-app-ext-data',
      }),
    ).toContain('mac="aSe1DERmZuRl3pI36/9BdZmnErTw3sNzOOAUlfeKjVw="')
  })
})

describe('hawkAuth', () => {
  it('takes ts and nonce from the context and replaces the Authorization header', async () => {
    const handler = hawkAuth(
      {
        type: 'hawk',
        params: { authId: credentials.id, authKey: credentials.key, extraData: 'some-app-ext-data' },
      },
      context,
    )
    const signed = await handler.sign(request(readmeUrl, { headers: [{ key: 'authorization', value: '' }] }))
    expect(signed.headers).toHaveLength(1)
    expect(signed.headers[0]?.value).toMatch(/^Hawk id="dh37fgj492je", ts="1353832234", nonce="ABCDEF", /)
  })

  it('hashes the payload with its media type when includePayloadHash is set, and adds app and dlg', async () => {
    const handler = hawkAuth(
      {
        type: 'hawk',
        params: {
          authId: credentials.id,
          authKey: credentials.key,
          nonce: 'j4h3g2',
          timestamp: '1353832234',
          extraData: 'some-app-ext-data',
          includePayloadHash: true,
          appId: 'app1',
          delegation: 'd1',
        },
      },
      context,
    )
    const signed = await handler.sign(
      request(readmeUrl, {
        method: 'POST',
        headers: [{ key: 'Content-Type', value: 'text/plain; charset=utf-8' }],
        body: { type: 'text', text: 'Thank you for flying Hawk' },
      }),
    )
    const value = signed.headers.find((h) => h.key === 'Authorization')?.value ?? ''
    expect(value).toContain('hash="Yi9LfIIFRtBEPt74PVmbTF/xVAwPn7ub15ePICfgnuY="')
    expect(value).toMatch(/, app="app1", dlg="d1"$/)
  })

  it('requires authId and authKey', () => {
    expect(() => hawkAuth({ type: 'hawk', params: { authId: 'x' } }, context)).toThrow(/authKey/)
  })
})
