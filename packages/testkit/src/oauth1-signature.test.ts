import { createHmac } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEchoServer, type EchoServer } from './echo-server.js'
import { oauth1BaseString, oauth1Signature } from './oauth1-signature.js'

describe('oauth1BaseString / oauth1Signature', () => {
  it('reproduces the signature base string of RFC 5849 section 3.4.1.1', () => {
    // Query b5=%3D%253D&a3=a&c%40=&a2=r%20b, form body c2&a3=2+q, and the Authorization header's oauth_* params.
    const params: [string, string][] = [
      ['b5', '=%3D'],
      ['a3', 'a'],
      ['c@', ''],
      ['a2', 'r b'],
      ['oauth_consumer_key', '9djdj82h48djs9d2'],
      ['oauth_token', 'kkk9d7dh3k39sjv7'],
      ['oauth_signature_method', 'HMAC-SHA1'],
      ['oauth_timestamp', '137131201'],
      ['oauth_nonce', '7d8f3e4a'],
      ['c2', ''],
      ['a3', '2 q'],
    ]
    expect(oauth1BaseString({ method: 'POST', baseUri: 'http://example.com/request', params })).toBe(
      'POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7',
    )
  })

  it('reproduces the HMAC-SHA1 signature of RFC 5849 section 1.2', () => {
    const baseString = oauth1BaseString({
      method: 'GET',
      baseUri: 'http://photos.example.net/photos',
      params: [
        ['file', 'vacation.jpg'],
        ['size', 'original'],
        ['oauth_consumer_key', 'dpf43f3p2l4k3l03'],
        ['oauth_token', 'nnch734d00sl2jdk'],
        ['oauth_signature_method', 'HMAC-SHA1'],
        ['oauth_timestamp', '137131202'],
        ['oauth_nonce', 'chapoH'],
      ],
    })
    const signature = oauth1Signature(baseString, {
      consumerSecret: 'kd94hf93k423kf44',
      tokenSecret: 'pfkkdhi9sl3r4s00',
    })
    // The RFC's Authorization header carries it percent-encoded: MdpQcU8iPSUjWoN%2FUDMsK2sui9I%3D.
    expect(signature).toBe('MdpQcU8iPSUjWoN/UDMsK2sui9I=')
  })
})

let echo: EchoServer
beforeAll(async () => {
  echo = await startEchoServer()
})
afterAll(() => echo.close())

const encode = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

/** A client signature computed in the test from the RFC's steps, not with the module under test. */
function sign(
  method: string,
  url: string,
  oauth: Record<string, string>,
  extra: [string, string][],
  secret: string,
): string {
  const { origin, pathname, searchParams } = new URL(url)
  const pairs = [...searchParams, ...extra, ...Object.entries(oauth)]
    .map(([k, v]) => `${encode(k)}=${encode(v)}`)
    .sort()
    .join('&')
  const base = `${method}&${encode(origin + pathname)}&${encode(pairs)}`
  return createHmac('sha1', `${encode(secret)}&`)
    .update(base)
    .digest('base64')
}

const oauth = {
  oauth_consumer_key: 'RKCGzna7bv9YD57c',
  oauth_signature_method: 'HMAC-SHA1',
  oauth_timestamp: '1461319769',
  oauth_nonce: 'ik3oT5',
  oauth_version: '1.0',
}
const secret = 'D+EdQ-gs$-%@2Nu7'

describe('/oauth1', () => {
  it('accepts a correct HMAC-SHA1 signature in the Authorization header', async () => {
    const url = `${echo.url}/oauth1?a=b%20c&z=1`
    const signature = sign('GET', url, oauth, [], secret)
    const header = Object.entries({ ...oauth, oauth_signature: signature })
      .map(([k, v]) => `${k}="${encode(v)}"`)
      .join(',')
    const res = await fetch(url, { headers: { authorization: `OAuth realm="x",${header}` } })
    expect([res.status, await res.json()]).toEqual([
      200,
      { status: 'pass', message: 'OAuth-1.0a signature verification was successful' },
    ])
  })

  it('accepts the parameters in a form body', async () => {
    const url = `${echo.url}/oauth1`
    const signature = sign('POST', url, oauth, [['k', 'v w']], secret)
    const body = new URLSearchParams({ ...oauth, k: 'v w', oauth_signature: signature })
    expect((await fetch(url, { method: 'POST', body })).status).toBe(200)
  })

  it('accepts the parameters in the query', async () => {
    const url = `${echo.url}/oauth1`
    const signature = sign('GET', url, oauth, [], secret)
    const query = new URLSearchParams({ ...oauth, oauth_signature: signature })
    expect((await fetch(`${url}?${query.toString()}`)).status).toBe(200)
  })

  it('refuses a wrong signature with the debug values', async () => {
    const url = `${echo.url}/oauth1`
    const signature = sign('GET', url, oauth, [], 'wrong secret')
    const query = new URLSearchParams({ ...oauth, oauth_signature: signature })
    const res = await fetch(`${url}?${query.toString()}`)
    expect(res.status).toBe(401)
    const body = (await res.json()) as Record<string, string>
    expect(body).toMatchObject({ status: 'fail', base_uri: url, signing_key: 'D%2BEdQ-gs%24-%25%402Nu7&' })
    expect(body.base_string).toBe(`GET&${encode(url)}&${encode(body.normalized_param_string ?? '')}`)
  })
})
