// The whole pipeline on real loopback servers: prepareRequest → sendRequest → createUndiciTransport, with the
// testkit's independent verifiers deciding whether the signatures are right.
import {
  startEchoServer,
  startRawEchoServer,
  startRedirectServer,
  type EchoServer,
  type RawEchoServer,
  type RedirectServer,
} from '@courier/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAuthHandler } from '../../src/auth/index.js'
import type { Collection, Item } from '../../src/collection/index.js'
import { createCookieJar, createUndiciTransport, findRequest, prepareRequest } from '../../src/http/index.js'
import type { Transport } from '../../src/http/index.js'
import { systemClock, systemRandom } from '../../src/ports/index.js'
import { sendRequest } from '../../src/send/index.js'

let echo: EchoServer
let raw: RawEchoServer
let redirects: RedirectServer
let transport: Transport

beforeAll(async () => {
  ;[echo, raw, redirects] = await Promise.all([
    startEchoServer(),
    startRawEchoServer(),
    startRedirectServer(),
  ])
  transport = createUndiciTransport({ proxy: 'none' })
})

afterAll(async () => {
  await transport.close()
  await Promise.all([echo.close(), raw.close(), redirects.close()])
})

const files = { read: () => Promise.reject(new Error('no files in this test')) }

async function send(
  item: Item,
  options: { auth?: Collection['auth']; variables?: Record<string, string> } = {},
) {
  const collection: Collection = {
    info: {
      name: 'pipeline',
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    },
    item: [item],
    ...(options.auth === undefined ? {} : { auth: options.auth }),
  }
  const variables = Object.entries({
    echo: echo.url,
    raw: raw.url,
    redirects: redirects.url,
    ...options.variables,
  })
  const prepared = await prepareRequest(findRequest(collection, item.name ?? '', { source: 'test' }), {
    scopes: { environment: variables.map(([key, value]) => ({ key, value })) },
    files,
  })
  const exchange = await sendRequest(prepared, {
    transport,
    cookies: createCookieJar(),
    authorize: {
      createHandler: createAuthHandler,
      context: { clock: systemClock, random: systemRandom, files },
    },
  })
  const text = new TextDecoder().decode(exchange.response.body)
  return { exchange, text, json: () => JSON.parse(text) as Record<string, unknown> }
}

const params = (entries: Record<string, string>) =>
  Object.entries(entries).map(([key, value]) => ({ key, value, type: 'string' }))

describe('send pipeline on real servers', () => {
  it('answers a digest challenge with a second request that the server accepts', async () => {
    const { exchange, json } = await send({
      name: 'digest',
      request: {
        method: 'GET',
        url: '{{echo}}/digest-auth',
        auth: { type: 'digest', digest: params({ username: 'postman', password: 'password' }) },
      },
    })
    expect(exchange.hops.map((hop) => hop.response.status)).toEqual([401, 200])
    expect(json()).toEqual({ authenticated: true })
  })

  it('signs hawk and OAuth 1.0 requests that the verifiers accept', async () => {
    const hawk = await send({
      name: 'hawk',
      request: {
        method: 'GET',
        url: '{{echo}}/auth/hawk',
        auth: {
          type: 'hawk',
          hawk: params({
            authId: 'dh37fgj492je',
            authKey: 'werxhqb98rpaxn39848xrunpaw3489ruxnpa98w4rxn',
            algorithm: 'sha256',
          }),
        },
      },
    })
    expect(hawk.exchange.response.status).toBe(200)
    const oauth1 = await send({
      name: 'oauth1',
      request: {
        method: 'GET',
        url: '{{echo}}/oauth1?a=1',
        auth: {
          type: 'oauth1',
          oauth1: params({
            consumerKey: 'RKCGzna7bv9YD57c',
            consumerSecret: 'D+EdQ-gs$-%@2Nu7',
            signatureMethod: 'HMAC-SHA1',
            addParamsToHeader: 'true',
          }),
        },
      },
    })
    expect([oauth1.exchange.response.status, oauth1.json().status]).toEqual([200, 'pass'])
  })

  it('inherits basic auth from the collection and is refused with a wrong password', async () => {
    const basic = (password: string) => ({ type: 'basic', basic: params({ username: 'postman', password }) })
    const item = { name: 'basic', request: { method: 'GET', url: '{{echo}}/basic-auth' } }
    expect((await send(item, { auth: basic('password') })).exchange.response.status).toBe(200)
    expect((await send(item, { auth: basic('wrong') })).exchange.response.status).toBe(401)
  })

  it('follows the redirect server hop by hop and keeps the method on 307', async () => {
    const hops = await send({ name: 'hops', request: { method: 'GET', url: '{{redirects}}/3' } })
    expect(hops.exchange.hops.map((hop) => hop.response.status)).toEqual([302, 302, 302, 200])
    const kept = await send({
      name: 'kept',
      request: { method: 'POST', url: '{{redirects}}/status/307', body: { mode: 'raw', raw: 'payload' } },
    })
    expect(kept.json()).toMatchObject({ method: 'POST', data: 'payload' })
  })

  it('stops following redirects when the request says so', async () => {
    const { exchange } = await send({
      name: 'no-follow',
      request: { method: 'GET', url: '{{redirects}}/2' },
      protocolProfileBehavior: { followRedirects: false },
    })
    expect(exchange.response.status).toBe(302)
  })

  it('sends a custom method exactly as written and the body Postman prunes only from GET-like methods', async () => {
    const custom = await send({
      name: 'custom',
      request: { method: 'POSTMAN', url: '{{raw}}/x', body: { mode: 'raw', raw: 'hello' } },
    })
    expect(custom.text).toMatch(/^POSTMAN \/x HTTP\/1\.1\r\n/)
    expect(custom.text).toMatch(/\r\n\r\nhello$/)
    const pruned = await send({
      name: 'pruned',
      request: { method: 'GET', url: '{{raw}}/y', body: { mode: 'raw', raw: 'dropped' } },
    })
    expect(pruned.text).not.toContain('dropped')
  })

  it('stores cookies from one hop and sends them on the next', async () => {
    const { json } = await send({
      name: 'cookies',
      request: { method: 'GET', url: '{{echo}}/cookies/set?a=1&b=two' },
    })
    expect(json()).toEqual({ cookies: { a: '1', b: 'two' } })
  })

  it('decodes compressed bodies and reports wire and decoded sizes', async () => {
    const { exchange, json } = await send({ name: 'gzip', request: { method: 'GET', url: '{{echo}}/gzip' } })
    expect(json()).toMatchObject({ gzipped: true })
    expect(exchange.response.sizes.decodedBodyBytes).toBe(exchange.response.body.length)
    expect(exchange.response.sizes.bodyBytes).toBeGreaterThan(0)
  })
})
