import { mkdtemp, readFile, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  AppError,
  collectSecrets,
  createUndiciTransport,
  defaultRequestSettings,
  sendRequest,
  type Exchange,
  type HistoryRecord,
  type PreparedRequest,
  type Transport,
} from '@courier/core'
import { startEchoServer, type EchoServer } from '@courier/testkit'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createHistoryStore } from './create-history-store.js'
import { StateDatabase } from './state-database.js'

let echo: EchoServer
let transport: Transport
beforeAll(async () => {
  echo = await startEchoServer()
  transport = createUndiciTransport()
})
afterAll(async () => {
  await transport.close()
  await echo.close()
})

const opened: StateDatabase[] = []
afterEach(() => {
  for (const db of opened.splice(0)) db.close()
})

async function openDatabase(): Promise<StateDatabase> {
  const folder = await mkdtemp(join(tmpdir(), 'courier-history-'))
  const db = StateDatabase.open(join(folder, 'state.db'), {
    clock: { now: () => new Date('2026-03-01T10:00:00Z') },
  })
  opened.push(db)
  return db
}

function request(overrides: Partial<PreparedRequest> = {}): PreparedRequest {
  return {
    method: 'GET',
    url: `${echo.url}/get?a=1`,
    headers: [],
    body: { type: 'none' },
    settings: { ...defaultRequestSettings },
    ...overrides,
  }
}

async function send(overrides: Partial<PreparedRequest> = {}): Promise<Exchange> {
  return sendRequest({ request: request(overrides) }, { transport })
}

const bearerToken = 'eyBearerToken0123456789abcdef'
const secretEnvValue = 'env-secret-5f9a7c31'

// Everything SQLite wrote: the database and, when a connection is still open, its WAL.
async function databaseBytes(db: StateDatabase): Promise<Buffer> {
  const folder = join(db.path, '..')
  const files = (await readdir(folder)).filter((name) => name.startsWith('state.db'))
  return Buffer.concat(await Promise.all(files.map((name) => readFile(join(folder, name)))))
}

describe('createHistoryStore', () => {
  it('records an exchange and reads it back whole', async () => {
    const db = await openDatabase()
    const history = createHistoryStore(db)
    const exchange = await send({
      method: 'POST',
      url: `${echo.url}/post`,
      headers: [{ key: 'Content-Type', value: 'text/plain' }],
      body: { type: 'text', text: 'hello history' },
    })
    const id = await history.record({
      source: 'ui',
      exchange,
      secrets: [],
      collection: { id: 'c-1', name: 'Echo' },
      item: { id: 'i-1', name: 'Post it', path: 'Folder/Post it' },
      environment: 'local',
    })
    const entry = await history.get(id)
    expect(entry).toMatchObject({
      id,
      sentAt: '2026-03-01T10:00:00.000Z',
      source: 'ui',
      method: 'POST',
      url: `${echo.url}/post`,
      status: 200,
      collection: { id: 'c-1', name: 'Echo' },
      item: { id: 'i-1', name: 'Post it', path: 'Folder/Post it' },
      environment: 'local',
      request: {
        body: { type: 'text', text: 'hello history', sizeBytes: 13, truncated: false },
      },
      response: { status: 200, statusText: 'OK', sizes: exchange.response.sizes },
    })
    expect(entry?.request.headers).toEqual(exchange.request.headers)
    expect(entry?.response?.timings).toEqual(exchange.response.timings)
    expect(entry?.response?.body.bytes).toEqual(exchange.response.body)
    expect(entry?.response?.body.truncated).toBe(false)
    expect(entry?.totalMs).toBe(exchange.totalMs)
    expect(entry?.responseSizeBytes).toBe(exchange.response.body.byteLength)
    expect(JSON.parse(Buffer.from(entry?.response?.body.bytes ?? []).toString('utf8'))).toMatchObject({
      data: 'hello history',
    })
    expect(entry?.hops).toHaveLength(1)
  })

  it('keeps response bodies up to maxBodyBytes and flags the cut', async () => {
    const db = await openDatabase()
    const history = createHistoryStore(db, { maxBodyBytes: 1000 })
    const exchange = await send({ url: `${echo.url}/bytes/5000` })
    const entry = await history.get(await history.record({ source: 'cli', exchange, secrets: [] }))
    expect(entry?.response?.body).toEqual({
      bytes: exchange.response.body.slice(0, 1000),
      sizeBytes: 5000,
      truncated: true,
    })
    expect(entry?.responseSizeBytes).toBe(5000)
  })

  it('keeps 1 MiB of a body by default', async () => {
    const db = await openDatabase()
    const history = createHistoryStore(db)
    const exchange = await send({ url: `${echo.url}/bytes/${String(1024 * 1024 + 10)}` })
    const entry = await history.get(await history.record({ source: 'cli', exchange, secrets: [] }))
    expect(entry?.response?.body.bytes.byteLength).toBe(1024 * 1024)
    expect(entry?.response?.body.truncated).toBe(true)
  })

  it('records a send that failed, with its error code and no response', async () => {
    const db = await openDatabase()
    const history = createHistoryStore(db)
    const failed = request({ url: 'http://127.0.0.1:9/unreachable' })
    const error = await sendRequest({ request: failed }, { transport }).then(
      () => new Error('expected a failure'),
      (reason: unknown) => reason,
    )
    const id = await history.record({ source: 'run', request: failed, error, secrets: [] })
    const [summary] = await history.list({ limit: 1 })
    expect(summary).toMatchObject({ id, method: 'GET', url: 'http://127.0.0.1:9/unreachable' })
    expect(summary?.errorCode).toMatch(/^HTTP_/)
    expect(summary?.status).toBeUndefined()
    const entry = await history.get(id)
    expect(entry?.response).toBeUndefined()
    expect(entry?.error?.code).toBe(summary?.errorCode)
    expect(entry?.error?.message).toContain('127.0.0.1:9')
  })

  it('lists summaries newest first, a page at a time, filtered by collection and item', async () => {
    const db = await openDatabase()
    const history = createHistoryStore(db)
    const exchange = await send()
    const base: HistoryRecord = { source: 'run', exchange, secrets: [] }
    const ids: number[] = []
    for (const [collection, item] of [
      ['a', 'a1'],
      ['a', 'a2'],
      ['b', 'b1'],
      ['a', 'a1'],
      ['b', 'b1'],
    ] as const) {
      ids.push(
        await history.record({
          ...base,
          collection: { id: collection, name: collection.toUpperCase() },
          item: { id: item, name: item, path: item },
        }),
      )
    }
    const newestFirst = [...ids].reverse()
    const page1 = await history.list({ limit: 2 })
    expect(page1.map((s) => s.id)).toEqual(newestFirst.slice(0, 2))
    const page2 = await history.list({ limit: 2, before: page1.at(-1)?.id ?? 0 })
    expect(page2.map((s) => s.id)).toEqual(newestFirst.slice(2, 4))
    const inA = await history.list({ limit: 10, collection: 'a' })
    expect(inA.map((s) => s.id)).toEqual([ids[3], ids[1], ids[0]])
    expect(inA[0]).toMatchObject({ collection: { id: 'a', name: 'A' }, item: { id: 'a1' } })
    const ofA1 = await history.list({ limit: 10, collection: 'a', item: 'a1' })
    expect(ofA1.map((s) => s.id)).toEqual([ids[3], ids[0]])
    // A summary carries no headers or bodies: the list stays light.
    expect(Object.keys(page1[0] ?? {})).not.toContain('request')
  })

  it('deletes one entry and clears all', async () => {
    const db = await openDatabase()
    const history = createHistoryStore(db)
    const exchange = await send()
    const first = await history.record({ source: 'cli', exchange, secrets: [] })
    const second = await history.record({ source: 'cli', exchange, secrets: [] })
    expect(await history.delete(first)).toBe(true)
    expect(await history.delete(first)).toBe(false)
    expect(await history.get(first)).toBeUndefined()
    expect((await history.list({ limit: 10 })).map((s) => s.id)).toEqual([second])
    await history.clear()
    expect(await history.list({ limit: 10 })).toEqual([])
  })

  it('keeps only the newest maxEntries, pruning as it records', async () => {
    const db = await openDatabase()
    const history = createHistoryStore(db, { maxEntries: 3 })
    const exchange = await send()
    const ids: number[] = []
    for (let i = 0; i < 5; i++) ids.push(await history.record({ source: 'run', exchange, secrets: [] }))
    expect((await history.list({ limit: 10 })).map((s) => s.id)).toEqual(ids.slice(2).reverse())
    expect(await history.get(ids[1] ?? 0)).toBeUndefined()
    expect(db.connection.prepare('SELECT count(*) FROM history').pluck().get()).toBe(3)
  })

  it('keeps 10 000 entries by default', async () => {
    const db = await openDatabase()
    const history = createHistoryStore(db)
    // Rows as `record` writes them, without sending 10 000 requests.
    db.connection.exec(`
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)
      INSERT INTO history (sent_at, source, method, url, entry)
      SELECT 't', 'run', 'GET', 'http://127.0.0.1/' || i, '{"hops":[]}' FROM n
    `)
    await history.record({ source: 'cli', exchange: await send(), secrets: [] })
    expect(db.connection.prepare('SELECT count(*) FROM history').pluck().get()).toBe(10_000)
    expect(db.connection.prepare('SELECT min(url) FROM history').pluck().get()).not.toBe('http://127.0.0.1/1')
    expect(await history.list({ limit: 1 })).toMatchObject([{ source: 'cli' }])
  })

  it('never writes a bearer token or a secret variable value to the database file', async () => {
    const db = await openDatabase()
    const history = createHistoryStore(db)
    const scopes = { environment: [{ key: 'apiKey', value: secretEnvValue, type: 'secret' }] }
    const auth = { type: 'bearer', params: { token: bearerToken } }
    // The echo server sends both back in its body: the response must be masked as well as the request.
    const exchange = await send({
      method: 'POST',
      url: `${echo.url}/post?key=${secretEnvValue}`,
      headers: [
        { key: 'Authorization', value: `Bearer ${bearerToken}` },
        { key: 'X-Key', value: secretEnvValue },
        { key: 'Content-Type', value: 'application/json' },
      ],
      body: { type: 'text', text: JSON.stringify({ apiKey: secretEnvValue }) },
    })
    expect(Buffer.from(exchange.response.body).toString()).toContain(bearerToken)
    const id = await history.record({ source: 'cli', exchange, secrets: collectSecrets(scopes, auth) })
    // A failed send records its request: masked too, and its error message as well.
    const failed = request({
      url: `http://127.0.0.1:9/?key=${secretEnvValue}`,
      headers: [{ key: 'Authorization', value: `Bearer ${bearerToken}` }],
    })
    const error = new AppError('HTTP_CONNECTION_REFUSED', `GET ${failed.url}: connection refused`, {
      method: 'GET',
      url: failed.url,
      address: '127.0.0.1:9',
    })
    await history.record({ source: 'cli', request: failed, error, secrets: [bearerToken, secretEnvValue] })

    const entry = await history.get(id)
    expect(entry?.request.headers).toContainEqual({ key: 'Authorization', value: 'Bearer ••••' })
    expect(entry?.url).toBe(`${echo.url}/post?key=••••`)
    const bytes = await databaseBytes(db)
    expect(bytes.includes(bearerToken)).toBe(false)
    expect(bytes.includes(secretEnvValue)).toBe(false)
    db.close()
    const afterCheckpoint = await databaseBytes(db)
    expect(afterCheckpoint.includes('Bearer ••••')).toBe(true)
    expect(afterCheckpoint.includes(bearerToken)).toBe(false)
    expect(afterCheckpoint.includes(secretEnvValue)).toBe(false)
  })

  it('masks a secret inside a binary request or response body', async () => {
    const db = await openDatabase()
    const history = createHistoryStore(db)
    const binary = Buffer.concat([Buffer.from([0xff, 0xfe, 0x00]), Buffer.from(secretEnvValue)])
    const exchange = await send({
      method: 'PUT',
      url: `${echo.url}/put`,
      headers: [{ key: 'Content-Type', value: 'application/octet-stream' }],
      body: { type: 'bytes', bytes: new Uint8Array(binary) },
    })
    const withBinaryResponse: Exchange = {
      ...exchange,
      response: { ...exchange.response, body: new Uint8Array(binary) },
    }
    const entry = await history.get(
      await history.record({ source: 'ui', exchange: withBinaryResponse, secrets: [secretEnvValue] }),
    )
    const masked = Buffer.concat([Buffer.from([0xff, 0xfe, 0x00]), Buffer.from('••••')])
    expect(entry?.request.body).toEqual({
      type: 'bytes',
      bytes: new Uint8Array(masked),
      sizeBytes: binary.byteLength,
      truncated: false,
    })
    expect(Buffer.from(entry?.response?.body.bytes ?? []).equals(masked)).toBe(true)
    db.close()
    expect((await databaseBytes(db)).includes(secretEnvValue)).toBe(false)
  })

  it('rejects a record with neither an exchange nor a request', async () => {
    const history = createHistoryStore(await openDatabase())
    await expect(history.record({ source: 'cli', secrets: [] })).rejects.toThrow(TypeError)
    await expect(history.list({ limit: 0 })).rejects.toThrow(TypeError)
  })
})
