// A process killed at any moment (SIGKILL, no chance to clean up) leaves the previous or the next state of the
// workspace, never a mix: every file parses, and nothing a save acknowledged is lost. The writer runs from dist
// (`npm test` builds first), as users run it.
import { spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Collection } from '@courier/core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Workspace } from '../src/index.js'

const writer = join(import.meta.dirname, 'fixtures', 'workspace-writer.mjs')
const requestCount = 12
let root: string

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'courier-crash-'))
  const ws = await Workspace.init(root)
  const collection: Collection = {
    info: { name: 'Crash', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    item: Array.from({ length: requestCount }, (_, i) => ({
      name: `Request ${i}`,
      request: { method: 'GET', url: `https://api.example.test/items/${i}?n=0` },
    })),
  }
  await ws.addCollection(collection)
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

/** Runs the writer, kills it with SIGKILL after `afterMs`, and returns the last save it acknowledged. */
async function killWriterAfter(mode: 'edit' | 'rename', afterMs: number): Promise<number> {
  const child = spawn(process.execPath, [writer, root, mode], { stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  // Wait for the first acknowledged save, so the kill lands while writes are happening.
  const started = Date.now()
  while (!out.includes('ack ') && child.exitCode === null && Date.now() - started < 20_000)
    await new Promise((resolve) => setTimeout(resolve, 5))
  await new Promise((resolve) => setTimeout(resolve, afterMs))
  child.kill('SIGKILL')
  await exited
  if (!out.includes('ack ')) throw new Error(`the writer never saved: ${err}`)
  const acks = [...out.matchAll(/ack (\d+)\n/g)].map((m) => Number(m[1]))
  return Math.max(...acks)
}

/** Runs the writer to the end in `edit-one` mode and returns its exit code and output. */
interface WriterResult {
  code: number | null
  out: string
  err: string
}

/** Runs the writer to the end in `edit-one` mode; with `go`, it waits for that file after reading (`ready`). */
function startWriter(
  index: number,
  count: number,
  go?: string,
): { ready: Promise<void>; done: Promise<WriterResult> } {
  const child = spawn(process.execPath, [writer, root, 'edit-one', String(index), String(count)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...(go === undefined ? {} : { COURIER_TEST_GO: go }) },
  })
  let out = ''
  let err = ''
  let markReady = () => {}
  const ready = new Promise<void>((resolve) => (markReady = resolve))
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString()
    if (out.includes('ready\n')) markReady()
  })
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
  const done = new Promise<WriterResult>((resolve) =>
    child.on('exit', (code) => {
      markReady()
      resolve({ code, out, err })
    }),
  )
  return { ready, done }
}

function runWriter(index: number, count: number): Promise<WriterResult> {
  return startWriter(index, count).done
}

// Deterministic "random" kill points, spread over the writer's save loop.
const killPoints = [3, 17, 41, 8, 66, 29, 90, 12, 55, 1, 73, 35]

describe('a writer killed with SIGKILL', () => {
  it('leaves every multi-file save whole: all requests carry the same counter, acknowledged or next', async () => {
    for (const afterMs of killPoints) {
      const acked = await killWriterAfter('edit', afterMs)
      const ws = await Workspace.open(root)
      expect(ws.problems).toEqual([])
      const { collection } = ws.collection('Crash')
      expect(collection.item).toHaveLength(requestCount)
      const counters = collection.item.map((item) => {
        const url = (item as { request: { url: string | { raw?: string } } }).request.url
        const raw = typeof url === 'string' ? url : (url.raw ?? '')
        return Number(/n=(\d+)/.exec(raw)?.[1])
      })
      // One transaction: never some files from save n and others from save n+1.
      expect(new Set(counters).size).toBe(1)
      expect(counters[0]).toBeGreaterThanOrEqual(acked)
      expect(counters[0]).toBeLessThanOrEqual(acked + 1)
    }
  }, 120_000)

  it('leaves a rename as the old name or the new one, never both or neither', async () => {
    for (const afterMs of killPoints) {
      const acked = await killWriterAfter('rename', afterMs)
      const ws = await Workspace.open(root)
      expect(ws.problems).toEqual([])
      const names = ws.collection('Crash').collection.item.map((item) => item.name)
      expect(names).toHaveLength(requestCount)
      const first = names[0]
      const expected = [acked % 2 === 0 ? 'Even' : 'Odd', (acked + 1) % 2 === 0 ? 'Even' : 'Odd']
      expect(expected).toContain(first)
      expect(names.filter((name) => name === 'Even' || name === 'Odd')).toHaveLength(1)
    }
  }, 120_000)
})

describe('two writer processes at once', () => {
  it('editing different requests: both succeed and neither loses a save', async () => {
    const [a, b] = await Promise.all([runWriter(2, 25), runWriter(9, 25)])
    expect(a.err).toBe('')
    expect(b.err).toBe('')
    expect([a.code, b.code]).toEqual([0, 0])
    const { collection } = (await Workspace.open(root)).collection('Crash')
    const url = (index: number) =>
      (collection.item[index] as { request: { url: string | { raw?: string } } }).request.url
    const raw = (index: number) => {
      const value = url(index)
      return typeof value === 'string' ? value : (value.raw ?? '')
    }
    expect(raw(2)).toContain('n=25')
    expect(raw(9)).toContain('n=25')
  }, 120_000)

  it('editing the same request: the stale one is refused with a clear error, never silently overwritten', async () => {
    // Both read the workspace before either writes (they wait for a go file), as a CLI and the UI would.
    const go = join(root, 'go')
    const writers = [startWriter(4, 25, go), startWriter(4, 25, go)]
    await Promise.all(writers.map((w) => w.ready))
    await writeFile(go, '')
    const results = await Promise.all(writers.map((w) => w.done))
    // Each process read the file once; after the other's first save, its next save is stale.
    const refused = results.filter((r) => r.code !== 0)
    expect(refused.length).toBeGreaterThanOrEqual(1)
    for (const r of refused) expect(r.err).toMatch(/WORKSPACE_STALE|changed since Courier read it/)
    const ws = await Workspace.open(root)
    expect(ws.problems).toEqual([])
  }, 120_000)
})
