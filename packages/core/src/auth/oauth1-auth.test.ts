import { generateKeyPairSync, verify } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { authContext, preparedRequest } from '../../test/support/auth-fixtures.js'
import { normalizeOAuth1Params, oauth1Auth, oauth1BaseString, oauth1Signature } from './oauth1-auth.js'

const context = authContext({
  now: new Date(1_700_000_000_500),
  bytes: (n) => Uint8Array.from({ length: n }, (_, i) => i),
})

const request = preparedRequest

// RFC 5849 §1.2: the photos example.
const photos = {
  consumerKey: 'dpf43f3p2l4k3l03',
  consumerSecret: 'kd94hf93k423kf44',
  token: 'nnch734d00sl2jdk',
  tokenSecret: 'pfkkdhi9sl3r4s00',
  timestamp: '137131202',
  nonce: 'chapoH',
  version: '',
  realm: 'Photos',
}
const photosUrl = 'http://photos.example.net/photos?file=vacation.jpg&size=original'

// RFC 5849 §3.4.1: the example request, its protocol params in the header.
const example = {
  request: request('http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b', {
    method: 'POST',
    headers: [{ key: 'Content-Type', value: 'application/x-www-form-urlencoded' }],
    body: { type: 'text', text: 'c2&a3=2+q' },
  }),
  protocol: [
    ['oauth_consumer_key', '9djdj82h48djs9d2'],
    ['oauth_token', 'kkk9d7dh3k39sjv7'],
    ['oauth_signature_method', 'HMAC-SHA1'],
    ['oauth_timestamp', '137131201'],
    ['oauth_nonce', '7d8f3e4a'],
  ] as [string, string][],
}

describe('RFC 5849 vectors', () => {
  it('builds the §3.4.1.1 signature base string', () => {
    expect(oauth1BaseString(example.request, example.protocol)).toBe(
      'POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26' +
        'c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1' +
        '%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7',
    )
  })

  it('normalises params as §3.4.1.3.2 shows', () => {
    const pairs: [string, string][] = [
      ['b5', '=%3D'],
      ['a3', 'a'],
      ['c@', ''],
      ['a2', 'r b'],
      ...example.protocol,
      ['c2', ''],
      ['a3', '2 q'],
    ]
    expect(normalizeOAuth1Params(pairs)).toBe(
      'a2=r%20b&a3=2%20q&a3=a&b5=%3D%253D&c%40=&c2=&oauth_consumer_key=9djdj82h48djs9d2&oauth_nonce=7d8f3e4a&' +
        'oauth_signature_method=HMAC-SHA1&oauth_timestamp=137131201&oauth_token=kkk9d7dh3k39sjv7',
    )
  })

  it('signs the §1.2 photos request: base string, signature and header', async () => {
    const base = oauth1BaseString(request(photosUrl), [
      ['oauth_consumer_key', photos.consumerKey],
      ['oauth_token', photos.token],
      ['oauth_signature_method', 'HMAC-SHA1'],
      ['oauth_timestamp', photos.timestamp],
      ['oauth_nonce', photos.nonce],
    ])
    expect(base).toBe(
      'GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg%26oauth_consumer_key%3Ddpf43f3p2l4k3l03%26' +
        'oauth_nonce%3DchapoH%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131202%26' +
        'oauth_token%3Dnnch734d00sl2jdk%26size%3Doriginal',
    )
    expect(oauth1Signature('HMAC-SHA1', base, photos)).toBe('MdpQcU8iPSUjWoN/UDMsK2sui9I=')
    const signed = await oauth1Auth({ type: 'oauth1', params: photos }, context).sign(request(photosUrl))
    expect(signed.headers).toEqual([
      {
        key: 'Authorization',
        value:
          'OAuth realm="Photos",oauth_consumer_key="dpf43f3p2l4k3l03",oauth_token="nnch734d00sl2jdk",' +
          'oauth_signature_method="HMAC-SHA1",oauth_timestamp="137131202",oauth_nonce="chapoH",' +
          'oauth_signature="MdpQcU8iPSUjWoN%2FUDMsK2sui9I%3D"',
      },
    ])
    expect(signed.url).toBe(photosUrl)
  })

  it('signs PLAINTEXT as the encoded secrets (§3.4.4)', () => {
    expect(oauth1Signature('PLAINTEXT', 'ignored', { consumerSecret: 'a&b', tokenSecret: 'c d' })).toBe(
      'a%26b&c%20d',
    )
  })
})

describe('oauth1Auth', () => {
  const auth = (params: Record<string, unknown>) =>
    oauth1Auth({ type: 'oauth1', params: { consumerKey: 'ck', consumerSecret: 'cs', ...params } }, context)

  it('takes timestamp and nonce from the context and adds oauth_version 1.0 by default', async () => {
    const signed = await auth({}).sign(request('https://api.test/x'))
    const value = signed.headers[0]?.value ?? ''
    expect(value).toContain('oauth_timestamp="1700000000"')
    expect(value).toContain('oauth_nonce="abcdefghijk"')
    expect(value).toContain('oauth_version="1.0"')
    expect(value).not.toContain('oauth_token')
  })

  it('puts the params in the query when not in the header, replacing stale ones', async () => {
    const signed = await auth({ addParamsToHeader: false, timestamp: '1', nonce: 'n' }).sign(
      request('https://api.test/x?a=1&oauth_nonce=old#top'),
    )
    expect(signed.headers).toEqual([])
    const base = oauth1BaseString(request('https://api.test/x?a=1'), [
      ['oauth_consumer_key', 'ck'],
      ['oauth_signature_method', 'HMAC-SHA1'],
      ['oauth_timestamp', '1'],
      ['oauth_nonce', 'n'],
      ['oauth_version', '1.0'],
    ])
    const signature = encodeURIComponent(
      oauth1Signature('HMAC-SHA1', base, { consumerSecret: 'cs', tokenSecret: '' }),
    )
    expect(signed.url).toBe(
      'https://api.test/x?a=1&oauth_consumer_key=ck&oauth_signature_method=HMAC-SHA1&oauth_timestamp=1&' +
        `oauth_nonce=n&oauth_version=1.0&oauth_signature=${signature}#top`,
    )
  })

  it('puts the params in a form-urlencoded POST body', async () => {
    const signed = await auth({ addParamsToHeader: false, nonce: 'n', timestamp: '1' }).sign(
      request('https://api.test/x', {
        method: 'POST',
        headers: [{ key: 'content-type', value: 'application/x-www-form-urlencoded; charset=utf-8' }],
        body: { type: 'text', text: 'a=1' },
      }),
    )
    expect(signed.url).toBe('https://api.test/x')
    expect(signed.body).toMatchObject({ type: 'text' })
    expect(signed.body.type === 'text' && signed.body.text).toMatch(
      /^a=1&oauth_consumer_key=ck&.*&oauth_signature=/,
    )
  })

  it('adds callback, verifier and a body hash, and signs them', async () => {
    const signed = await auth({ callback: 'http://cb.test/?x=1', verifier: 'v', includeBodyHash: true }).sign(
      request('https://api.test/x', { method: 'POST', body: { type: 'text', text: 'Hello World!' } }),
    )
    const value = signed.headers[0]?.value ?? ''
    expect(value).toContain('oauth_callback="http%3A%2F%2Fcb.test%2F%3Fx%3D1"')
    expect(value).toContain('oauth_verifier="v"')
    // SHA-1 of "Hello World!", base64.
    expect(value).toContain('oauth_body_hash="Lve95gjOVATpfV8EL5X4nxwjKHE%3D"')
  })

  it('leaves the signature unencoded when encodeOAuthSign is false', async () => {
    const signed = await auth({
      encodeOAuthSign: false,
      signatureMethod: 'PLAINTEXT',
      tokenSecret: 'a b',
    }).sign(request('https://api.test/'))
    expect(signed.headers[0]?.value).toContain('oauth_signature="cs&a%20b"')
  })

  it('signs with RSA-SHA256 keys that verify', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    const signed = await auth({
      signatureMethod: 'RSA-SHA256',
      privateKey: pem,
      nonce: 'n',
      timestamp: '1',
    }).sign(request('https://api.test/r'))
    const signature = decodeURIComponent(
      /oauth_signature="([^"]+)"/.exec(signed.headers[0]?.value ?? '')?.[1] ?? '',
    )
    const base = oauth1BaseString(request('https://api.test/r'), [
      ['oauth_consumer_key', 'ck'],
      ['oauth_signature_method', 'RSA-SHA256'],
      ['oauth_timestamp', '1'],
      ['oauth_nonce', 'n'],
      ['oauth_version', '1.0'],
    ])
    expect(verify('sha256', Buffer.from(base), publicKey, Buffer.from(signature, 'base64'))).toBe(true)
  })

  it('rejects a missing consumer key and an unknown method without echoing secrets', () => {
    expect(() => oauth1Auth({ type: 'oauth1', params: { consumerSecret: 'hush' } }, context)).toThrow(
      /consumerKey/,
    )
    expect(() => auth({ signatureMethod: 'MD5' })).toThrow(/MD5/)
    expect(() => auth({ signatureMethod: 'RSA-SHA1', privateKey: 'hush' })).toThrow(/^((?!hush).)*$/)
  })
})
