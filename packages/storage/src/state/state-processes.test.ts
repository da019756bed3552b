import { spawn } from 'node:child_process'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createHistoryStore } from './create-history-store.js'
import { StateDatabase } from './state-database.js'

// Separate Node processes on the same state.db, as the CLI and the UI are: each runs a small script against this
// package's sources (tsx, and the `@courier/source` condition so @courier/core resolves to its sources too).
// Starting Node with tsx takes seconds on a busy machine: these tests get a longer timeout, not a time assertion.
const packageDir = fileURLToPath(new URL('../..', import.meta.url))
const storageSource = new URL('./index.ts', import.meta.url).href

interface Child {
  /** Resolves with stdout once the process exits 0; rejects with its stderr otherwise. */
  exited: Promise<string>
  /** Resolves when the process prints `ready`. */
  ready: Promise<void>
  /** Lets a process that waits for it go on. */
  go(): void
}

function startNode(script: string, env: Record<string, string>): Child {
  const child = spawn(
    process.execPath,
    ['--conditions=@courier/source', '--import', 'tsx', '--input-type=module', '--eval', script],
    { cwd: packageDir, env: { ...process.env, ...env, COURIER_STORAGE: storageSource } },
  )
  let stdout = ''
  let stderr = ''
  let markReady = (): void => undefined
  const ready = new Promise<void>((resolve) => (markReady = resolve))
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk
    if (stdout.includes('ready\n')) markReady()
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const exited = new Promise<string>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => {
      if (code === 0) resolve(stdout.replace('ready\n', ''))
      else reject(new Error(`node exited with ${String(code)}: ${stderr}`))
    })
  })
  return { exited, ready, go: () => child.stdin.end('go\n') }
}

const writeScript = `
  const { StateDatabase, createHistoryStore, createSqliteTokenStore } = await import(process.env.COURIER_STORAGE)
  const db = StateDatabase.open(process.env.STATE_DB)
  const history = createHistoryStore(db)
  const timings = { firstByteMs: 1, downloadMs: 1, totalMs: 2 }
  const body = new TextEncoder().encode('{"ok":true}')
  const request = { method: 'GET', url: 'http://127.0.0.1:1/first', headers: [], body: { type: 'none' } }
  const response = {
    status: 200, statusText: 'OK', httpVersion: '1.1', headers: [], body, timings,
    sizes: { headersBytes: 10, bodyBytes: body.length, decodedBodyBytes: body.length },
  }
  const exchange = { request, response, hops: [{ request, response }], totalMs: 2 }
  const id = await history.record({ source: 'cli', exchange, secrets: [], environment: 'local' })
  await createSqliteTokenStore(db).put({
    name: 'restart', accessToken: 'at-restart', tokenType: 'Bearer', obtainedAt: '2026-01-01T00:00:00.000Z',
    fields: {}, grant: { grantType: 'client_credentials', tokenUrl: 'http://127.0.0.1:1/token', clientId: 'c',
    clientAuthentication: 'header' },
  })
  db.close()
  process.stdout.write(JSON.stringify({ id }))
`

const readScript = `
  const { StateDatabase, createHistoryStore, createSqliteTokenStore } = await import(process.env.COURIER_STORAGE)
  const db = StateDatabase.open(process.env.STATE_DB)
  const history = createHistoryStore(db)
  const [summary] = await history.list({ limit: 10 })
  const entry = await history.get(summary.id)
  const token = await createSqliteTokenStore(db).get('restart')
  db.close()
  process.stdout.write(JSON.stringify({
    summary, body: new TextDecoder().decode(entry.response.body.bytes), accessToken: token?.accessToken,
  }))
`

// Waits for the parent's go, so that both processes open the (new) database and write at the same moment.
const concurrentScript = `
  const { StateDatabase, createHistoryStore } = await import(process.env.COURIER_STORAGE)
  process.stdout.write('ready\\n')
  await new Promise((resolve) => process.stdin.once('data', resolve))
  const db = StateDatabase.open(process.env.STATE_DB)
  const history = createHistoryStore(db)
  const ids = []
  for (let i = 0; i < Number(process.env.COUNT); i++) {
    const url = 'http://127.0.0.1:1/' + process.env.WRITER + '/' + i
    const request = { method: 'GET', url, headers: [], body: { type: 'none' } }
    ids.push(await history.record({ source: 'run', request, error: new Error('x'), secrets: [] }))
  }
  db.close()
  process.stdout.write(JSON.stringify(ids))
`

async function temporaryDatabase(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'courier-processes-')), 'state.db')
}

describe('local state across processes', () => {
  it('keeps history and a token written by one process for the next one', async () => {
    const path = await temporaryDatabase()
    const written = JSON.parse(await startNode(writeScript, { STATE_DB: path }).exited) as { id: number }
    const read = JSON.parse(await startNode(readScript, { STATE_DB: path }).exited) as unknown
    expect(read).toEqual({
      summary: {
        id: written.id,
        sentAt: expect.any(String) as unknown,
        source: 'cli',
        method: 'GET',
        url: 'http://127.0.0.1:1/first',
        status: 200,
        totalMs: 2,
        responseSizeBytes: 11,
        environment: 'local',
      },
      body: '{"ok":true}',
      accessToken: 'at-restart',
    })
  }, 120_000)

  it('loses no entry and lets no SQLITE_BUSY escape when two processes write at once', async () => {
    const path = await temporaryDatabase()
    const count = 300
    const writers = ['a', 'b'].map((name) =>
      startNode(concurrentScript, { STATE_DB: path, WRITER: name, COUNT: String(count) }),
    )
    await Promise.all(writers.map((writer) => writer.ready))
    for (const writer of writers) writer.go()
    const [idsA, idsB] = (await Promise.all(writers.map((writer) => writer.exited))).map(
      (stdout) => JSON.parse(stdout) as number[],
    )

    const db = StateDatabase.open(path)
    try {
      const all = await createHistoryStore(db).list({ limit: 10 * count })
      expect(all).toHaveLength(2 * count)
      expect(new Set([...(idsA ?? []), ...(idsB ?? [])]).size).toBe(2 * count)
      for (const writer of ['a', 'b']) {
        const urls = all
          .filter((summary) => summary.url.startsWith(`http://127.0.0.1:1/${writer}/`))
          .map((summary) => summary.url)
          .reverse()
        expect(urls).toEqual(
          Array.from({ length: count }, (_, i) => `http://127.0.0.1:1/${writer}/${String(i)}`),
        )
      }
    } finally {
      db.close()
    }
  }, 120_000)
})
