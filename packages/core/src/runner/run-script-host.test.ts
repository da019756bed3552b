// The runner as the scripts' host: pm.sendRequest through the one send pipeline (transport, cookie jar,
// settings), pm.cookies after a response, and pm.cookies.jar() on the run's jar. Real QuickJS, real echo server.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { startEchoServer, type EchoServer } from '@courier/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseDocument, type Collection, type Item } from '../collection/index.js'
import { createCookieJar, createUndiciTransport, type Transport } from '../http/index.js'
import { systemClock, systemRandom } from '../ports/index.js'
import { createQuickJsScriptEngine, type ScriptEngine } from '../sandbox/index.js'
import { runCollection } from './run-collection.js'
import type { RunOptions } from './run-options.js'
import type { RunEvent } from './types.js'

let echo: EchoServer
let transport: Transport
let engine: ScriptEngine
let refusedUrl: string

beforeAll(async () => {
  echo = await startEchoServer()
  const closed = await startEchoServer()
  refusedUrl = `${closed.url}/get`
  await closed.close()
  transport = createUndiciTransport({})
  engine = createQuickJsScriptEngine()
})

afterAll(async () => {
  await engine.close()
  await transport.close()
  await echo.close()
})

const request = (name: string, path: string, scripts: { prerequest?: string; test?: string }): Item => ({
  name,
  request: { method: 'GET', url: `${echo.url}${path}` },
  event: Object.entries(scripts).map(([listen, code]) => ({
    listen,
    script: { exec: [code.replaceAll('ECHO', echo.url)] },
  })),
})

async function run(items: Item[], options: Partial<RunOptions> = {}) {
  const collection: Collection = {
    info: { name: 'Host', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    item: items,
  }
  const events: RunEvent[] = []
  for await (const event of runCollection(collection, {
    scopes: { environment: [{ key: 'v', value: 'resolved' }] },
    scriptEngine: engine,
    transport,
    files: { read: () => Promise.reject(new Error('no files here')) },
    clock: systemClock,
    random: systemRandom,
    ...options,
  })) {
    events.push(event)
  }
  const finished = events.find((event) => event.type === 'run:finished')
  if (finished?.type !== 'run:finished') throw new Error('the run did not finish')
  const assertions = events.flatMap((event) => (event.type === 'request:finished' ? event.assertions : []))
  return {
    events,
    finished,
    assertions: assertions.map((test) => [test.name, test.passed, test.error?.message]),
  }
}

describe('pm.sendRequest in a run', () => {
  it('sends through the run, resolves no {{variables}}, and counts the request as Newman does', async () => {
    const { finished, assertions } = await run(
      [
        request('main', '/get', {
          test: `pm.sendRequest('ECHO/get?x={{v}}', (err, res) => {
          pm.test('sent as written', () => pm.expect(res.json().args.x).to.equal('{{v}}'))
          pm.test('with the run user agent', () => pm.expect(res.json().headers['user-agent']).to.equal('Courier-test'))
        })`,
        }),
      ],
      { userAgent: 'Courier-test' },
    )
    expect(assertions).toEqual([
      ['sent as written', true, undefined],
      ['with the run user agent', true, undefined],
    ])
    expect(finished.stats.requests).toEqual({ total: 2, failed: 0 })
    expect(finished.failures).toEqual([])
  })

  it('passes a network fault to the callback and records it as a failed request, as Newman does', async () => {
    const { finished, assertions } = await run([
      request('main', '/get', {
        prerequest: `pm.sendRequest('${refusedUrl}', (err) => pm.test('err', () => pm.expect(err).to.be.an('error')))`,
      }),
    ])
    expect(assertions).toEqual([['err', true, undefined]])
    expect(finished.stats.requests).toEqual({ total: 2, failed: 1 })
    expect(finished.failures).toMatchObject([{ kind: 'request', item: { name: 'main' } }])
  })

  it('reports each pm.sendRequest as a script:request event of its script, before that script ends', async () => {
    const { events } = await run([
      request('main', '/get?main=1', {
        prerequest: `pm.sendRequest('ECHO/status/201', () => pm.sendRequest('${refusedUrl}', () => {}))`,
        test: `pm.sendRequest({ url: 'ECHO/post', method: 'POST' }, () => {})`,
      }),
    ])
    const sequence = events
      .filter(
        (e) => e.type === 'script:request' || e.type === 'script:finished' || e.type === 'request:finished',
      )
      .map((e) => {
        if (e.type === 'script:request')
          return `${e.event} sent ${e.request.method} ${e.request.url.replace(echo.url, 'ECHO')} → ${e.response?.code ?? e.error?.code}`
        if (e.type === 'script:finished') return `${e.event} finished`
        return `request ${e.request.url.replace(echo.url, 'ECHO')}`
      })
    expect(sequence).toEqual([
      'prerequest sent GET ECHO/status/201 → 201',
      `prerequest sent GET ${refusedUrl} → HTTP_CONNECTION_REFUSED`,
      'prerequest finished',
      'test sent POST ECHO/post → 200',
      'test finished',
      'request ECHO/get?main=1',
    ])
    const sent = events.find((e) => e.type === 'script:request')
    expect(sent).toMatchObject({ item: { name: 'main' }, owner: 'main', iteration: 0 })
  })

  it("shares the run's cookie jar both ways", async () => {
    const { assertions, finished } = await run([
      request('set by script', '/cookies', {
        prerequest: `pm.sendRequest('ECHO/cookies/set?fromScript=1', () => {})`,
        test: `pm.test('sent by the main request', () => pm.expect(pm.response.json().cookies).to.deep.equal({ fromScript: '1' }))`,
      }),
    ])
    expect(finished.failures).toEqual([])
    expect(assertions).toEqual([['sent by the main request', true, undefined]])
  })
})

describe('pm.cookies in a run', () => {
  it("shows the jar's cookies for the URL after the response, and keeps them without a jar passed in", async () => {
    const { assertions, finished } = await run([
      request('set', '/cookies/set?foo=bar', {
        test: `pm.test('pm.cookies', () => pm.expect(pm.cookies.get('foo')).to.equal('bar'))
          tests['legacy'] = postman.getResponseCookie('foo').value === 'bar'`,
      }),
      request('later', '/cookies', {
        test: `pm.test('sent again', () => pm.expect(pm.response.json().cookies).to.deep.equal({ foo: 'bar' }))
          pm.test('listed', () => pm.expect(pm.cookies.toObject()).to.deep.equal({ foo: 'bar' }))`,
      }),
    ])
    expect(finished.failures).toEqual([])
    expect(assertions).toEqual([
      ['pm.cookies', true, undefined],
      ['legacy', true, undefined],
      ['sent again', true, undefined],
      ['listed', true, undefined],
    ])
  })

  it('lets a pre-request script set and unset cookies in the jar the request then uses', async () => {
    const cookies = createCookieJar()
    await cookies.setCookies(`${echo.url}/`, ['old=1; Path=/'])
    const { assertions } = await run(
      [
        request('jar', '/cookies', {
          prerequest: `const jar = pm.cookies.jar()
            jar.unset('ECHO/', 'old', () => jar.set('ECHO/', 'fresh', 'yes', () => {}))`,
          test: `pm.test('jar applied', () => pm.expect(pm.response.json().cookies).to.deep.equal({ fresh: 'yes' }))`,
        }),
      ],
      { cookies },
    )
    expect(assertions).toEqual([['jar applied', true, undefined]])
    expect((await cookies.list(`${echo.url}/`)).map((cookie) => cookie.name)).toEqual(['fresh'])
  })
})

describe("Newman's nested-request fixture", () => {
  it('counts the assertions of a pm.sendRequest callback for the request', async () => {
    // ../shared/corpus/newman/fixtures/run (MANIFEST.md §2); postman-echo.com is sent to the loopback echo server.
    const file = path.resolve(
      import.meta.dirname,
      '../../../../../shared/corpus/newman/fixtures/run/nested-requests-report-test.json',
    )
    const parsed = parseDocument(readFileSync(file), { source: file })
    if (parsed.type !== 'collection') throw new Error('not a collection')
    const toEcho: Transport = {
      send: (sent) =>
        transport.send({ ...sent, url: sent.url.replace(/^https:\/\/postman-echo\.com/, echo.url) }),
      session: () => transport.session(),
      close: () => Promise.resolve(),
    }
    const collection = parsed.collection
    const events: RunEvent[] = []
    for await (const event of runCollection(collection, {
      scopes: {},
      scriptEngine: engine,
      transport: toEcho,
      files: { read: () => Promise.reject(new Error('no files here')) },
      clock: systemClock,
      random: systemRandom,
    })) {
      events.push(event)
    }
    const finished = events.find((event) => event.type === 'run:finished')
    expect(finished).toMatchObject({
      failures: [],
      stats: { requests: { total: 2, failed: 0 }, assertions: { total: 2, failed: 0 } },
    })
  })
})
