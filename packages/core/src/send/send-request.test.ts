import { describe, expect, it } from 'vitest'
import type { AuthHandler } from '../auth/index.js'
import { isAppError } from '../errors/index.js'
import { createCookieJar } from '../http/cookies/index.js'
import type { PreparedRequest, Transport, TransportRequest, TransportResponse } from '../http/index.js'
import { defaultRequestSettings } from '../http/index.js'
import { originalRequest } from './follow-redirect.js'
import { sendRequest } from './send-request.js'

// A scripted transport: each call answers with the next response and records what it was asked to send.
function fakeTransport(answer: (request: TransportRequest, index: number) => Partial<TransportResponse>) {
  const sent: TransportRequest[] = []
  const sessions: TransportRequest[][] = []
  const respond = (request: TransportRequest): Promise<TransportResponse> => {
    sent.push(request)
    return Promise.resolve({
      status: 200,
      statusText: 'OK',
      httpVersion: '1.1',
      headers: [],
      body: new Uint8Array(),
      timings: { firstByteMs: 1, downloadMs: 0, totalMs: 1 },
      sizes: { headersBytes: 0, bodyBytes: 0, decodedBodyBytes: 0 },
      ...answer(request, sent.length - 1),
    })
  }
  const transport: Transport = {
    send: respond,
    session: () => {
      const own: TransportRequest[] = []
      sessions.push(own)
      return {
        send: (request) => {
          own.push(request)
          return respond(request)
        },
        close: () => Promise.resolve(),
      }
    },
    close: () => Promise.resolve(),
  }
  return { transport, sent, sessions }
}

const redirect = (status: number, location: string): Partial<TransportResponse> => ({
  status,
  statusText: 'Found',
  headers: [{ key: 'Location', value: location }],
})

function prepared(overrides: Partial<PreparedRequest> = {}): PreparedRequest {
  return {
    method: 'POST',
    url: 'http://127.0.0.1:8000/start',
    headers: [
      { key: 'Content-Type', value: 'text/plain' },
      { key: 'Authorization', value: 'Bearer t0ken' },
    ],
    body: { type: 'text', text: 'hello' },
    settings: { ...defaultRequestSettings },
    ...overrides,
  }
}

describe('sendRequest redirects', () => {
  it('turns a 302 after POST into a body-less GET and names the previous URL as Referer', async () => {
    const { transport, sent } = fakeTransport((_, i) => (i === 0 ? redirect(302, '/next') : {}))
    const exchange = await sendRequest({ request: prepared() }, { transport })
    expect(sent.map((r) => [r.method, r.url])).toEqual([
      ['POST', 'http://127.0.0.1:8000/start'],
      ['GET', 'http://127.0.0.1:8000/next'],
    ])
    expect(sent[1]?.body).toEqual({ type: 'none' })
    expect(sent[1]?.headers).toContainEqual({ key: 'Referer', value: 'http://127.0.0.1:8000/start' })
    expect(sent[1]?.headers.some((h) => h.key === 'Content-Type')).toBe(false)
    expect(exchange.hops).toHaveLength(2)
    expect(exchange.request.url).toBe('http://127.0.0.1:8000/next')
  })

  it('keeps method and body on 307 and 308, and on 302 with followOriginalHttpMethod', async () => {
    for (const [status, settings] of [
      [307, {}],
      [308, {}],
      [302, { followOriginalHttpMethod: true }],
    ] as const) {
      const { transport, sent } = fakeTransport((_, i) => (i === 0 ? redirect(status, '/next') : {}))
      const request = prepared({ settings: { ...defaultRequestSettings, ...settings } })
      await sendRequest({ request }, { transport })
      expect([status, sent[1]?.method, sent[1]?.body]).toEqual([
        status,
        'POST',
        { type: 'text', text: 'hello' },
      ])
    }
  })

  it('drops Authorization when the redirect leaves the host, unless followAuthorizationHeader', async () => {
    const elsewhere = (_: TransportRequest, i: number) =>
      i === 0 ? redirect(301, 'http://localhost:9/x') : {}
    const dropped = fakeTransport(elsewhere)
    await sendRequest({ request: prepared() }, { transport: dropped.transport })
    expect(dropped.sent[1]?.headers.some((h) => h.key === 'Authorization')).toBe(false)
    const kept = fakeTransport(elsewhere)
    const settings = { ...defaultRequestSettings, followAuthorizationHeader: true }
    await sendRequest({ request: prepared({ settings }) }, { transport: kept.transport })
    expect(kept.sent[1]?.headers).toContainEqual({ key: 'Authorization', value: 'Bearer t0ken' })
  })

  it('sets a Referer the request has to the previous URL in its place, or keeps it with removeRefererHeaderOnRedirect', async () => {
    const headers = [
      { key: 'referer', value: 'http://example.test/' },
      { key: 'X-After', value: '1' },
    ]
    const set = fakeTransport((_, i) => (i === 0 ? redirect(302, '/next') : {}))
    await sendRequest({ request: prepared({ method: 'GET', headers }) }, { transport: set.transport })
    expect(set.sent[1]?.headers).toEqual([
      { key: 'referer', value: 'http://127.0.0.1:8000/start' },
      { key: 'X-After', value: '1' },
    ])
    const kept = fakeTransport((_, i) => (i === 0 ? redirect(302, '/next') : {}))
    const settings = { ...defaultRequestSettings, removeRefererHeaderOnRedirect: true }
    await sendRequest(
      { request: prepared({ method: 'GET', headers, settings }) },
      { transport: kept.transport },
    )
    expect(kept.sent[1]?.headers).toEqual(headers)
    const none = fakeTransport((_, i) => (i === 0 ? redirect(302, '/next') : {}))
    await sendRequest(
      { request: prepared({ method: 'GET', headers: [], settings }) },
      { transport: none.transport },
    )
    expect(none.sent[1]?.headers).toEqual([])
  })

  it('keeps HEAD on a 302, and a Host header the request set unless the host changes', async () => {
    const host = { key: 'Host', value: 'named.test' }
    const same = fakeTransport((_, i) => (i === 0 ? redirect(302, '/next') : {}))
    await sendRequest(
      { request: prepared({ method: 'HEAD', headers: [host] }) },
      { transport: same.transport },
    )
    expect([same.sent[1]?.method, same.sent[1]?.headers[0]]).toEqual(['HEAD', host])
    const other = fakeTransport((_, i) => (i === 0 ? redirect(302, 'http://localhost:9/x') : {}))
    await sendRequest(
      { request: prepared({ method: 'GET', headers: [host] }) },
      { transport: other.transport },
    )
    expect(other.sent[1]?.headers.some((h) => h.key === 'Host')).toBe(false)
  })

  it("names the request before the redirects as the original one (Newman's request), after an auth challenge", async () => {
    const { transport } = fakeTransport((_, i) =>
      i === 1 ? redirect(302, '/next') : i === 0 ? { status: 401 } : {},
    )
    const handler: AuthHandler = {
      type: 'test',
      needsSession: false,
      sign: (request) => Promise.resolve(request),
      respond: (request, response) =>
        Promise.resolve(
          response.status === 401
            ? { ...request, headers: [{ key: 'Authorization', value: 'answer' }] }
            : undefined,
        ),
    }
    const exchange = await sendRequest(
      { request: prepared({ method: 'DELETE' }), auth: { type: 'test', params: {} } },
      {
        transport,
        authorize: {
          createHandler: () => handler,
          context: {
            clock: { now: () => new Date(0) },
            random: { bytes: (n: number) => new Uint8Array(n) },
            files: { read: () => Promise.reject(new Error('no files')) },
          },
        },
      },
    )
    expect(exchange.hops.map((hop) => hop.request.method)).toEqual(['DELETE', 'DELETE', 'GET'])
    const original = originalRequest(exchange)
    expect([original.method, original.url, original.headers]).toEqual([
      'DELETE',
      'http://127.0.0.1:8000/start',
      [{ key: 'Authorization', value: 'answer' }],
    ])
  })

  it('returns the redirect itself when following is off, and stops past maxRedirects', async () => {
    const loop = () => redirect(302, '/again')
    const off = fakeTransport(loop)
    const settings = { ...defaultRequestSettings, followRedirects: false }
    const exchange = await sendRequest({ request: prepared({ settings }) }, { transport: off.transport })
    expect(exchange.response.status).toBe(302)
    const endless = fakeTransport(loop)
    const limited = { ...defaultRequestSettings, maxRedirects: 3 }
    const error = await sendRequest(
      { request: prepared({ settings: limited }) },
      { transport: endless.transport },
    ).catch((e: unknown) => e)
    expect(isAppError(error, 'HTTP_TOO_MANY_REDIRECTS')).toBe(true)
    expect(endless.sent).toHaveLength(4)
  })
})

describe('sendRequest cookies', () => {
  it('stores Set-Cookie and sends it on the next hop after the cookie the user wrote', async () => {
    const { transport, sent } = fakeTransport((_, i) =>
      i === 0
        ? {
            ...redirect(302, '/home'),
            headers: [...redirect(302, '/home').headers!, { key: 'Set-Cookie', value: 'sid=42; Path=/' }],
          }
        : {},
    )
    const cookies = createCookieJar()
    const request = prepared({ method: 'GET', headers: [{ key: 'Cookie', value: 'mine=1' }] })
    await sendRequest({ request }, { transport, cookies })
    expect(sent[0]?.headers).toEqual([{ key: 'Cookie', value: 'mine=1' }])
    expect(sent[1]?.headers).toEqual([
      { key: 'Referer', value: 'http://127.0.0.1:8000/start' },
      { key: 'Cookie', value: 'mine=1; sid=42' },
    ])
  })

  it('neither sends nor stores cookies when the request disables them', async () => {
    const { transport, sent } = fakeTransport(() => ({ headers: [{ key: 'set-cookie', value: 'a=1' }] }))
    const cookies = createCookieJar()
    await cookies.setCookies('http://127.0.0.1:8000/', ['old=1'])
    const settings = { ...defaultRequestSettings, disableCookies: true }
    await sendRequest({ request: prepared({ method: 'GET', headers: [], settings }) }, { transport, cookies })
    expect(sent[0]?.headers).toEqual([])
    expect((await cookies.list()).map((c) => c.name)).toEqual(['old'])
  })
})

describe('sendRequest auth', () => {
  const context = {
    clock: { now: () => new Date(0) },
    random: { bytes: (n: number) => new Uint8Array(n) },
    files: { read: () => Promise.reject(new Error('no files')) },
  }

  it('signs the request, then answers a challenge once on a pinned session when the scheme needs it', async () => {
    const handler: AuthHandler = {
      type: 'test',
      needsSession: true,
      sign: (request) =>
        Promise.resolve({ ...request, headers: [{ key: 'Authorization', value: 'step-1' }] }),
      respond: (request, response) =>
        Promise.resolve(
          response.status === 401
            ? { ...request, headers: [{ key: 'Authorization', value: 'step-2' }] }
            : undefined,
        ),
    }
    const { transport, sent, sessions } = fakeTransport((_, i) => (i === 0 ? { status: 401 } : {}))
    const exchange = await sendRequest(
      { request: prepared({ method: 'GET', headers: [] }), auth: { type: 'test', params: {} } },
      { transport, authorize: { createHandler: () => handler, context } },
    )
    expect(sent.map((r) => r.headers)).toEqual([
      [{ key: 'Authorization', value: 'step-1' }],
      [{ key: 'Authorization', value: 'step-2' }],
    ])
    expect(sessions).toHaveLength(1)
    expect(sessions[0]).toHaveLength(2)
    expect(exchange.response.status).toBe(200)
  })
})
