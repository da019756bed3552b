import type { RunEvent } from '@courier/core'
import pc from 'picocolors'
import { describe, expect, it } from 'vitest'
import { createCliReporter } from './cli-reporter.js'
import { createProgressBar, wantsProgressBar } from './progress-bar.js'

/** A stand-in for a terminal stream: records what is written. */
function fakeTerminal(options: { isTTY: boolean; columns?: number }) {
  const writes: string[] = []
  return { writes, stream: { ...options, write: (text: string) => writes.push(text) } }
}

const item = (n: number) => ({ id: `r${n}`, name: `Request ${n}`, path: `Folder/Request ${n}` })
const finished = (n: number): RunEvent => ({
  type: 'request:finished',
  iteration: 0,
  item: item(n),
  request: { method: 'GET', url: `http://127.0.0.1/${n}`, headers: [] },
  response: { code: 200, status: 'OK', headers: [], responseTime: 1, responseSize: 2 },
  skipped: false,
  assertions: [],
})
const events: RunEvent[] = [
  {
    type: 'run:started',
    collection: 'C',
    iterationCount: 1,
    requestCount: 2,
    startedAt: '2026-01-01T00:00:00Z',
  },
  { type: 'iteration:started', iteration: 0 },
  { type: 'request:started', iteration: 0, item: item(1) },
  finished(1),
  { type: 'request:started', iteration: 0, item: item(2) },
  finished(2),
  { type: 'iteration:finished', iteration: 0 },
  {
    type: 'run:finished',
    stats: {
      iterations: { total: 1, failed: 0 },
      requests: { total: 2, failed: 0 },
      testScripts: { total: 0, failed: 0 },
      prerequestScripts: { total: 0, failed: 0 },
      assertions: { total: 0, failed: 0, skipped: 0 },
      responseTime: { average: 1, min: 1, max: 1 },
      durationMs: 5,
      transferredBytes: 4,
    },
    failures: [],
    environment: [],
    globals: [],
    collectionVariables: [],
  },
]

describe('progress bar', () => {
  it('is drawn only on a terminal, not with --silent, not in CI, not on a dumb terminal', () => {
    const tty = fakeTerminal({ isTTY: true }).stream
    expect(wantsProgressBar({ stream: tty, env: {}, silent: false })).toBe(true)
    expect(wantsProgressBar({ stream: fakeTerminal({ isTTY: false }).stream, env: {}, silent: false })).toBe(
      false,
    )
    expect(wantsProgressBar({ stream: tty, env: {}, silent: true })).toBe(false)
    expect(wantsProgressBar({ stream: tty, env: { CI: 'true' }, silent: false })).toBe(false)
    expect(wantsProgressBar({ stream: tty, env: { CI: 'false' }, silent: false })).toBe(true)
    expect(wantsProgressBar({ stream: tty, env: { TERM: 'dumb' }, silent: false })).toBe(false)
  })

  it('updates in place with done/total and the current request, and is erased before every line and the summary', () => {
    const terminal = fakeTerminal({ isTTY: true, columns: 60 })
    const bar = createProgressBar({ stream: terminal.stream, colors: pc.createColors(false) })
    const out: string[] = []
    const reporter = createCliReporter({
      write: (text) => {
        // Every line of output lands on a clean line: the last thing written to the bar's stream is an erase.
        expect(terminal.writes.at(-1) ?? '\r\x1b[K').toBe('\r\x1b[K')
        out.push(text)
      },
      colors: pc.createColors(false),
      progress: bar,
    })
    for (const event of events) reporter.onEvent(event)
    const draws = terminal.writes.filter((text) => text !== '\r\x1b[K')
    expect(draws[0]).toBe(`\r\x1b[K[${'░'.repeat(20)}]  0/2  Folder/Request 1`)
    expect(draws).toContain(`\r\x1b[K[${'█'.repeat(10)}${'░'.repeat(10)}]  1/2  Folder/Request 2`)
    expect(draws.at(-1)).toBe(`\r\x1b[K[${'█'.repeat(20)}]  2/2  Folder/Request 2`)
    expect(terminal.writes.at(-1)).toBe('\r\x1b[K')
    expect(draws.every((text) => [...text].length - 4 <= 60)).toBe(true)
    expect(out.join('').trimEnd().split('\n').at(-1)).toBe('0 passed, 0 failed')
  })

  it('cuts the request name to the terminal width', () => {
    const terminal = fakeTerminal({ isTTY: true, columns: 40 })
    const bar = createProgressBar({ stream: terminal.stream, colors: pc.createColors(false) })
    bar.update(1, 3, 'A very long folder name/and an even longer request name')
    const line = terminal.writes[0]?.replace('\r\x1b[K', '') ?? ''
    expect([...line].length).toBeLessThanOrEqual(40)
    expect(line.endsWith('…')).toBe(true)
  })

  it('is plain without colour (NO_COLOR, --color off) and coloured with it', () => {
    const plain = fakeTerminal({ isTTY: true })
    createProgressBar({ stream: plain.stream, colors: pc.createColors(false) }).update(1, 2, 'x')
    expect(plain.writes[0]?.replace('\r\x1b[K', '')).not.toContain('\x1b')
    const coloured = fakeTerminal({ isTTY: true })
    createProgressBar({ stream: coloured.stream, colors: pc.createColors(true) }).update(1, 2, 'x')
    expect(coloured.writes[0]?.replace('\r\x1b[K', '')).toContain('\x1b[32m')
  })
})
