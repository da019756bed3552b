import { createServer } from 'node:net'
import { startEchoServer, type EchoServer } from '@courier/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Collection, Item } from '../collection/index.js'
import { createUndiciTransport } from '../http/index.js'
import { systemClock, systemRandom } from '../ports/index.js'
import type { ScriptEngine, ScriptInput, ScriptOutput } from '../sandbox/index.js'
import type { Transport } from '../http/index.js'
import { parseIterationData } from './parse-iteration-data.js'
import { runCollection } from './run-collection.js'
import type { RunOptions } from './run-options.js'
import type { RunEvent } from './types.js'

type Handler = (input: ScriptInput) => Partial<ScriptOutput>

/** A test double of the ScriptEngine port: a script's code names a handler; every run is recorded. */
function fakeEngine(handlers: Record<string, Handler> = {}): { engine: ScriptEngine; calls: string[] } {
  const calls: string[] = []
  const engine: ScriptEngine = {
    run: (input) => {
      calls.push(input.origin)
      const base: ScriptOutput = {
        tests: [],
        scopes: input.scopes,
        request: input.request,
        skipRequest: false,
        console: [],
      }
      return Promise.resolve({ ...base, ...handlers[input.code]?.(input) })
    },
    endRealm: () => undefined,
    close: () => Promise.resolve(),
  }
  return { engine, calls }
}

const script = (listen: 'prerequest' | 'test', code: string) => ({ listen, script: { exec: [code] } })
const get = (name: string, url: string, event: ReturnType<typeof script>[] = []): Item => ({
  name,
  request: { method: 'GET', url },
  event,
})
const collectionOf = (item: Item[], event: ReturnType<typeof script>[] = []): Collection => ({
  info: { name: 'Test', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
  item,
  event,
})
const pass =
  (name: string): Handler =>
  () => ({ tests: [{ name, passed: true, skipped: false }] })
const fail =
  (name: string): Handler =>
  () => ({
    tests: [
      {
        name,
        passed: false,
        skipped: false,
        error: { name: 'AssertionError', message: 'expected 1 to equal 2' },
      },
    ],
  })

let echo: EchoServer
let transport: Transport
let refusedUrl: string

beforeAll(async () => {
  echo = await startEchoServer()
  transport = createUndiciTransport({})
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  refusedUrl = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 1}/get`
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

afterAll(async () => {
  await transport.close()
  await echo.close()
})

async function run(collection: Collection, options: Partial<RunOptions> = {}): Promise<RunEvent[]> {
  const events: RunEvent[] = []
  const base: RunOptions = {
    scopes: { environment: [{ key: 'base', value: echo.url }] },
    transport,
    files: { read: () => Promise.reject(new Error('no files')) },
    clock: systemClock,
    random: systemRandom,
  }
  for await (const event of runCollection(collection, { ...base, ...options })) events.push(event)
  return events
}

const finished = (events: RunEvent[]) => events.filter((e) => e.type === 'request:finished')
const summary = (events: RunEvent[]) => {
  const last = events.at(-1)
  if (last?.type !== 'run:finished') throw new Error('no run:finished')
  return last
}

describe('runCollection', () => {
  it('runs scripts collection → folders (outer to inner) → request, prerequest before the send, tests after', async () => {
    const { engine, calls } = fakeEngine()
    const collection = collectionOf(
      [
        {
          name: 'Outer',
          event: [script('prerequest', 'x'), script('test', 'x')],
          item: [
            {
              name: 'Inner',
              event: [script('prerequest', 'x'), script('test', 'x')],
              item: [get('R', '{{base}}/get', [script('prerequest', 'x'), script('test', 'x')])],
            },
          ],
        },
      ],
      [script('prerequest', 'x'), script('test', 'x')],
    )
    const events = await run(collection, { scriptEngine: engine })
    expect(calls).toEqual([
      'collection › prerequest',
      'Outer › prerequest',
      'Outer/Inner › prerequest',
      'Outer/Inner/R › prerequest',
      'collection › test',
      'Outer › test',
      'Outer/Inner › test',
      'Outer/Inner/R › test',
    ])
    expect(events.map((e) => e.type)).toEqual([
      'run:started',
      'iteration:started',
      'request:started',
      ...Array<string>(4).fill('script:finished'),
      ...Array<string>(4).fill('script:finished'),
      'request:finished',
      'iteration:finished',
      'run:finished',
    ])
    const stats = summary(events).stats
    expect(stats.prerequestScripts).toEqual({ total: 4, failed: 0 })
    expect(stats.testScripts).toEqual({ total: 4, failed: 0 })
    expect(stats.requests).toEqual({ total: 1, failed: 0 })
  })

  it('runs one iteration per CSV row with the row as variables', async () => {
    const rows = parseIterationData('\uFEFFname,city\nada,"London, UK"\nbob,Paris\n', { source: 'data.csv' })
    const events = await run(collectionOf([get('R', '{{base}}/get?name={{name}}&city={{city}}')]), {
      iterationData: rows,
    })
    const urls = finished(events).map((e) => (e.type === 'request:finished' ? e.request.url : ''))
    expect(urls).toEqual([
      `${echo.url}/get?name=ada&city=London,%20UK`,
      `${echo.url}/get?name=bob&city=Paris`,
    ])
    expect(summary(events).stats.iterations).toEqual({ total: 2, failed: 0 })
  })

  it('exposes a JSON row as pm.iterationData and reuses the last row past the data', async () => {
    const seen: unknown[] = []
    const { engine } = fakeEngine({
      look: (input) => {
        seen.push(input.scopes.iterationData.find((v) => v.key === 'id')?.value)
        return {}
      },
    })
    const rows = parseIterationData('[{"id":1},{"id":2}]', { source: 'data.json' })
    await run(collectionOf([get('R', '{{base}}/get', [script('prerequest', 'look')])]), {
      iterationData: rows,
      iterationCount: 3,
      scriptEngine: engine,
    })
    expect(seen).toEqual([1, 2, 2])
  })

  it('jumps with setNextRequest and ends the iteration on setNextRequest(null)', async () => {
    const { engine } = fakeEngine({
      toC: () => ({ nextRequest: 'C' }),
      stop: () => ({ nextRequest: null }),
    })
    const collection = collectionOf([
      get('A', '{{base}}/get', [script('test', 'toC')]),
      get('B', '{{base}}/get'),
      get('C', '{{base}}/get', [script('test', 'stop')]),
      get('D', '{{base}}/get'),
    ])
    const events = await run(collection, { scriptEngine: engine, iterationCount: 2 })
    expect(finished(events).map((e) => (e.type === 'request:finished' ? e.item.name : ''))).toEqual([
      'A',
      'C',
      'A',
      'C',
    ])
  })

  it('records a run failure and ends the iteration when setNextRequest names nothing', async () => {
    const { engine } = fakeEngine({ lost: () => ({ nextRequest: 'Nowhere' }) })
    const events = await run(
      collectionOf([get('A', '{{base}}/get', [script('test', 'lost')]), get('B', '{{base}}/get')]),
      { scriptEngine: engine },
    )
    expect(finished(events)).toHaveLength(1)
    expect(summary(events).failures).toMatchObject([{ kind: 'run', name: 'setNextRequest' }])
  })

  it('skips the send and the tests when a pre-request script calls skipRequest', async () => {
    const { engine, calls } = fakeEngine({ skip: () => ({ skipRequest: true }) })
    const events = await run(
      collectionOf(
        [get('A', '{{base}}/get', [script('prerequest', 'x'), script('test', 'x')])],
        [script('prerequest', 'skip')],
      ),
      { scriptEngine: engine },
    )
    expect(calls).toEqual(['collection › prerequest'])
    expect(finished(events)).toMatchObject([{ skipped: true }])
    expect(summary(events).stats.requests.total).toBe(0)
  })

  it('stops at the first failure with bail', async () => {
    const { engine } = fakeEngine({ bad: fail('status is 200') })
    const collection = collectionOf([
      get('A', '{{base}}/get', [script('test', 'bad')]),
      get('B', '{{base}}/get'),
    ])
    const events = await run(collection, { scriptEngine: engine, bail: true, iterationCount: 2 })
    expect(finished(events)).toHaveLength(1)
    const { stats, failures } = summary(events)
    expect(stats.assertions).toEqual({ total: 1, failed: 1, skipped: 0 })
    expect(failures).toMatchObject([{ kind: 'assertion', name: 'status is 200', iteration: 0 }])
  })

  it('records a network fault as an outcome and goes on', async () => {
    const events = await run(collectionOf([get('Down', refusedUrl), get('Up', '{{base}}/get')]))
    const [down, up] = finished(events)
    expect(down).toMatchObject({ error: { code: 'HTTP_CONNECTION_REFUSED' } })
    expect(up).toMatchObject({ response: { code: 200 } })
    const { stats, failures } = summary(events)
    expect(stats.requests).toEqual({ total: 2, failed: 1 })
    expect(failures).toMatchObject([{ kind: 'request', name: 'HTTP_CONNECTION_REFUSED' }])
  })

  it('hands each sent request to onSent whole, before its test scripts run, and each fault with its AppError', async () => {
    const order: string[] = []
    const sent: Parameters<NonNullable<RunOptions['onSent']>>[0][] = []
    const { engine } = fakeEngine({
      test: () => {
        order.push('test script')
        return {}
      },
    })
    await run(
      collectionOf([get('Up', '{{base}}/get?q=1', [script('test', 'test')]), get('Down', refusedUrl)]),
      {
        scriptEngine: engine,
        onSent: (s) => {
          order.push(`sent ${s.item.name}`)
          sent.push(s)
        },
      },
    )
    expect(order).toEqual(['sent Up', 'test script', 'sent Down'])
    const [up, down] = sent
    expect(up?.prepared?.request.url).toBe(`${echo.url}/get?q=1`)
    expect(up?.exchange?.response.status).toBe(200)
    expect(new TextDecoder().decode(up?.exchange?.response.body)).toContain('"q":"1"')
    expect(up?.scopes.environment).toEqual([{ key: 'base', value: echo.url }])
    expect(down?.exchange).toBeUndefined()
    expect(down?.error?.code).toBe('HTTP_CONNECTION_REFUSED')
  })
  it('carries environment variables set by scripts to later requests, and local ones only within a request', async () => {
    const { engine } = fakeEngine({
      set: (input) => ({
        scopes: {
          ...input.scopes,
          environment: [...input.scopes.environment, { key: 'who', value: 'ada' }],
          local: [{ key: 'tmp', value: 'here' }],
        },
      }),
    })
    const events = await run(
      collectionOf([
        get('A', '{{base}}/get?tmp={{tmp}}', [script('prerequest', 'set')]),
        get('B', '{{base}}/get?who={{who}}'),
        get('C', '{{base}}/get?tmp={{tmp}}'),
      ]),
      { scriptEngine: engine },
    )
    const [a, b, c] = finished(events)
    expect(a).toMatchObject({ request: { url: `${echo.url}/get?tmp=here` } })
    expect(b).toMatchObject({ request: { url: `${echo.url}/get?who=ada` } })
    // The local variable is gone; like Newman, the run sends the unresolved token as written.
    expect(c).toMatchObject({ request: { url: `${echo.url}/get?tmp={{tmp}}` }, response: { code: 200 } })
    expect(c).not.toHaveProperty('error')
    expect(summary(events).environment).toContainEqual({ key: 'who', value: 'ada' })
  })

  it('sends the request as a pre-request script changed it', async () => {
    const { engine } = fakeEngine({
      edit: (input) => ({ request: { ...input.request, url: `${echo.url}/get?edited=1` } }),
    })
    const events = await run(collectionOf([get('A', '{{base}}/get', [script('prerequest', 'edit')])]), {
      scriptEngine: engine,
    })
    expect(finished(events)).toMatchObject([{ request: { url: `${echo.url}/get?edited=1` } }])
  })

  it('runs only the selected folders, by name or path', async () => {
    const collection = collectionOf([
      { name: 'One', item: [get('A', '{{base}}/get')] },
      { name: 'Two', item: [{ name: 'Deep', item: [get('B', '{{base}}/get')] }, get('C', '{{base}}/get')] },
    ])
    const byPath = await run(collection, { folders: ['Two/Deep'] })
    expect(finished(byPath).map((e) => (e.type === 'request:finished' ? e.item.path : ''))).toEqual([
      'Two/Deep/B',
    ])
    const byName = await run(collection, { folders: ['One', 'Two'] })
    expect(finished(byName)).toHaveLength(3)
    await expect(run(collection, { folders: ['Three'] })).rejects.toMatchObject({ code: 'REQUEST_NOT_FOUND' })
  })

  it('counts assertions, failures and response totals', async () => {
    const { engine } = fakeEngine({ ok: pass('ok'), bad: fail('bad') })
    const events = await run(
      collectionOf([
        get('A', '{{base}}/get', [script('test', 'ok')]),
        get('B', '{{base}}/status/404', [script('test', 'bad')]),
      ]),
      { scriptEngine: engine, iterationCount: 2, includeBodies: true },
    )
    const { stats, failures } = summary(events)
    expect(stats.iterations).toEqual({ total: 2, failed: 2 })
    expect(stats.requests).toEqual({ total: 4, failed: 0 })
    expect(stats.assertions).toEqual({ total: 4, failed: 2, skipped: 0 })
    expect(stats.transferredBytes).toBeGreaterThan(0)
    expect(stats.responseTime.max).toBeGreaterThanOrEqual(stats.responseTime.min)
    expect(failures.map((f) => [f.iteration, f.item?.name])).toEqual([
      [0, 'B'],
      [1, 'B'],
    ])
    expect(finished(events)[0]).toMatchObject({ response: { code: 200, body: expect.any(String) } })
  })

  it('reports scripts as unavailable, not failed, without an engine', async () => {
    const events = await run(collectionOf([get('A', '{{base}}/get', [script('test', 'x')])]))
    expect(events.find((e) => e.type === 'script:finished')).toMatchObject({ error: { kind: 'unavailable' } })
    expect(summary(events).failures).toEqual([])
  })

  it('records a script error as a failure and still sends the request', async () => {
    const { engine } = fakeEngine({
      boom: () => ({ error: { name: 'ReferenceError', message: 'x is not defined', kind: 'exception' } }),
    })
    const events = await run(collectionOf([get('A', '{{base}}/get', [script('prerequest', 'boom')])]), {
      scriptEngine: engine,
    })
    expect(finished(events)).toMatchObject([{ response: { code: 200 } }])
    const { stats, failures } = summary(events)
    expect(stats.prerequestScripts).toEqual({ total: 1, failed: 1 })
    expect(failures).toMatchObject([{ kind: 'script', message: 'ReferenceError: x is not defined' }])
  })

  it('waits delayRequestMs between requests, not before the first', async () => {
    const waits: number[] = []
    const sleep = (ms: number) => {
      waits.push(ms)
      return Promise.resolve()
    }
    await run(collectionOf([get('A', '{{base}}/get'), get('B', '{{base}}/get')]), {
      delayRequestMs: 25,
      sleep,
      iterationCount: 2,
    })
    expect(waits).toEqual([25, 25, 25])
  })

  it('stops between requests when the signal aborts, and still reports the totals', async () => {
    const controller = new AbortController()
    const { engine } = fakeEngine({
      abort: () => {
        controller.abort()
        return {}
      },
    })
    const events = await run(
      collectionOf([get('A', '{{base}}/get', [script('test', 'abort')]), get('B', '{{base}}/get')]),
      { scriptEngine: engine, signal: controller.signal },
    )
    expect(finished(events)).toHaveLength(1)
    expect(summary(events).stats.requests.total).toBe(1)
  })

  it('records an abort during a request as a run failure and stops', async () => {
    const controller = new AbortController()
    const { engine } = fakeEngine({
      abort: () => {
        controller.abort(new Error('timed out'))
        return {}
      },
    })
    const events = await run(
      collectionOf([get('A', '{{base}}/get', [script('prerequest', 'abort')]), get('B', '{{base}}/get')]),
      { scriptEngine: engine, signal: controller.signal },
    )
    expect(finished(events)).toMatchObject([{ error: { code: 'RUN_ABORTED' } }])
    expect(summary(events).failures).toMatchObject([{ kind: 'run', name: 'aborted' }])
  })
})
