import type { RunEvent, RunStats } from '@courier/core'
import pc from 'picocolors'
import { describe, expect, it } from 'vitest'
import { checkHtml } from '../../test/cli-run-html-check.js'
import { createCliReporter, type CliReporterOptions } from './cli-reporter.js'
import { createHtmlReporter } from './html-reporter.js'
import { createJsonReporter } from './json-reporter.js'
import { createJunitReporter } from './junit-reporter.js'
import type { Reporter } from './reporter.js'

const item = { id: 'r1', name: 'Get <x>', path: 'Folder/Get <x>' }
const stats: RunStats = {
  iterations: { total: 1, failed: 1 },
  requests: { total: 2, failed: 1 },
  testScripts: { total: 1, failed: 0 },
  prerequestScripts: { total: 0, failed: 0 },
  assertions: { total: 2, failed: 1, skipped: 0 },
  responseTime: { average: 43, min: 43, max: 43 },
  durationMs: 1200,
  transferredBytes: 1234,
}
const events: RunEvent[] = [
  {
    type: 'run:started',
    collection: 'API & co',
    iterationCount: 1,
    requestCount: 2,
    startedAt: '2026-01-01T00:00:00.000Z',
  },
  { type: 'iteration:started', iteration: 0 },
  { type: 'request:started', iteration: 0, item },
  {
    type: 'script:request',
    iteration: 0,
    item,
    event: 'test',
    owner: 'Folder/Get <x>',
    request: { method: 'GET', url: 'http://127.0.0.1/lookup?<q>', headers: [] },
    response: { code: 201, status: 'Created', headers: [], responseTime: 7, responseSize: 10 },
  },
  {
    type: 'script:finished',
    iteration: 0,
    item,
    event: 'test',
    owner: 'Folder/Get <x>',
    tests: [],
    console: [{ level: 'log', text: 'logged by the test' }],
  },
  {
    type: 'request:finished',
    iteration: 0,
    item,
    request: {
      method: 'GET',
      url: 'http://127.0.0.1/get',
      headers: [
        { key: 'Authorization', value: 'Bearer s3cret-token' },
        { key: 'Accept', value: '*/*' },
      ],
    },
    response: {
      code: 200,
      status: 'OK',
      headers: [{ key: 'Content-Type', value: 'text/plain' }],
      responseTime: 43,
      responseSize: 1234,
      body: 'hello\u001b[2Jworld',
    },
    skipped: false,
    assertions: [
      { name: 'status is 200', passed: true, skipped: false },
      {
        name: 'has "id"',
        passed: false,
        skipped: false,
        error: { name: 'AssertionError', message: 'expected <a> & b' },
      },
    ],
  },
  {
    type: 'request:finished',
    iteration: 0,
    item: { id: 'r2', name: 'Down', path: 'Down' },
    request: { method: 'GET', url: 'http://127.0.0.1:1/', headers: [] },
    error: { code: 'HTTP_CONNECTION_REFUSED', message: 'connection refused' },
    skipped: false,
    assertions: [],
  },
  { type: 'iteration:finished', iteration: 0 },
  {
    type: 'run:finished',
    stats,
    failures: [
      { iteration: 0, item, kind: 'assertion', name: 'has "id"', message: 'expected <a> & b' },
      {
        iteration: 0,
        item: { id: 'r2', name: 'Down', path: 'Down' },
        kind: 'request',
        name: 'HTTP_CONNECTION_REFUSED',
        message: 'connection refused',
      },
    ],
    environment: [],
    globals: [],
    collectionVariables: [],
  },
]

function cliOutput(options: Partial<CliReporterOptions> = {}): string {
  let out = ''
  feed(createCliReporter({ write: (text) => (out += text), colors: pc.createColors(false), ...options }))
  return out
}

function feed(reporter: Reporter) {
  for (const event of events) reporter.onEvent(event)
  return reporter.finish()
}

describe('reporters', () => {
  it('cli: a line per request, assertions under it, the summary and the final count', () => {
    let out = ''
    const artifacts = feed(
      createCliReporter({ write: (text) => (out += text), colors: pc.createColors(false) }),
    )
    expect(artifacts).toEqual([])
    expect(out).toContain('→ GET http://127.0.0.1/get  200 OK 43 ms 1.2 kB')
    expect(out).toContain('  ✓ status is 200')
    expect(out).toContain('  ✗ has "id"')
    expect(out).toMatch(/│\s+requests │\s+2 │\s+1 │/)
    expect(out).toContain('total data received: 1.2 kB')
    expect(out.trimEnd().split('\n').at(-1)).toBe('1 passed, 1 failed')
  })

  it('json: Newman’s report shape', () => {
    const [artifact] = feed(createJsonReporter({ collection: { name: 'API & co' } }))
    const report = JSON.parse(artifact?.text ?? '')
    expect(report.collection.info).toEqual({ name: 'API & co' })
    expect(report.run.stats.requests).toEqual({ total: 2, pending: 0, failed: 1 })
    expect(report.run.timings).toMatchObject({
      responseAverage: 43,
      started: Date.parse('2026-01-01T00:00:00.000Z'),
    })
    expect(report.run.executions[0].assertions[1]).toEqual({
      assertion: 'has "id"',
      error: { name: 'AssertionError', message: 'expected <a> & b' },
    })
    expect(report.run.failures[0]).toMatchObject({ error: { name: 'AssertionError' }, source: { id: 'r1' } })
  })

  it('reports what a script sent with pm.sendRequest under its request, apart from it', () => {
    const out = cliOutput()
    const nested =
      '  → GET http://127.0.0.1/lookup?<q>  201 Created 7 ms 10 B  pm.sendRequest in Folder/Get <x> › test'
    expect(out).toContain(nested)
    expect(out.indexOf(nested)).toBeGreaterThan(out.indexOf('→ GET http://127.0.0.1/get  200 OK'))
    const [json] = feed(createJsonReporter({ collection: { name: 'API & co' } }))
    const { executions } = JSON.parse(json?.text ?? '').run
    expect(executions[0].scriptRequests).toEqual([
      {
        event: 'test',
        owner: 'Folder/Get <x>',
        request: { method: 'GET', url: 'http://127.0.0.1/lookup?<q>' },
        response: { code: 201, status: 'Created', responseTime: 7, responseSize: 10 },
      },
    ])
    expect(executions[0].request.url).toBe('http://127.0.0.1/get')
    expect(executions[1].scriptRequests).toBeUndefined()
    const [html] = feed(createHtmlReporter({ collection: { name: 'API & co' } }))
    expect(html?.text).toContain('http://127.0.0.1/lookup?&lt;q&gt; <span class="status">201 Created</span>')
    expect(html?.text).toContain('pm.sendRequest in Folder/Get &lt;x&gt; › test')
  })

  it('junit: a suite per request, a case per assertion, network faults as errors, text escaped', () => {
    const [artifact] = feed(createJunitReporter({ collection: { name: 'API & co' } }))
    const xml = artifact?.text ?? ''
    expect(xml).toContain('<testsuites name="API &amp; co" tests="3" failures="1" errors="1" time="1.200"')
    expect(xml).toContain('<testsuite name="Folder/Get &lt;x&gt;" id="r1" tests="2" failures="1" errors="0"')
    expect(xml).toContain('<failure type="AssertionError" message="expected &lt;a&gt; &amp; b">')
    expect(xml).toContain('<error type="HTTP_CONNECTION_REFUSED" message="connection refused">')
    expect(xml).not.toMatch(/&(?!(?:amp|lt|gt|quot|apos);)/)
  })

  it('cli: a test script’s console output follows its request line', () => {
    const out = cliOutput()
    expect(out.indexOf('┆ logged by the test')).toBeGreaterThan(out.indexOf('→ GET http://127.0.0.1/get'))
    expect(cliOutput({ noConsole: true })).not.toContain('logged by the test')
  })

  it('cli: --reporter-cli-no-summary, -no-failures, -no-assertions keep the last line', () => {
    const out = cliOutput({ noSummary: true, noFailures: true, noAssertions: true })
    expect(out).not.toContain('executed')
    expect(out).not.toContain('#  failure')
    expect(out).not.toContain('status is 200')
    expect(out).toContain('→ GET http://127.0.0.1/get')
    expect(out.trimEnd().split('\n').at(-1)).toBe('1 passed, 1 failed')
    const failedOnly = cliOutput({ noSuccessAssertions: true })
    expect(failedOnly).not.toContain('✓ status is 200')
    expect(failedOnly).toContain('✗ has "id"')
  })

  it('cli: --reporter-cli-show-timestamps starts request lines with the time', () => {
    const out = cliOutput({ showTimestamps: true, now: () => new Date(2026, 0, 2, 3, 4, 5) })
    expect(out).toContain('[03:04:05] → GET http://127.0.0.1/get')
  })

  it('cli: --verbose shows headers and the body, credentials masked, escape sequences defused', () => {
    const out = cliOutput({ verbose: true })
    expect(out).toContain('Authorization: Bearer ••••')
    expect(out).not.toContain('s3cret-token')
    expect(out).toContain('Accept: */*')
    expect(out).toContain('Content-Type: text/plain')
    expect(out).toContain('hello\uFFFD[2Jworld')
    expect(out).not.toContain('\u001b')
  })

  it('cli: --disable-unicode prints plain ASCII, table and verbose masks included', () => {
    const out = cliOutput({ disableUnicode: true, verbose: true })
    expect(out).toMatch(/^[\x00-\x7F]*$/)
    expect(out).toContain('-> GET http://127.0.0.1/get  200 OK 43 ms 1.2 kB')
    expect(out).toContain('  ok status is 200')
    expect(out).toContain('  x has "id"')
    expect(out).toMatch(/\|\s+requests \|\s+2 \|\s+1 \|/)
    expect(out).toContain('Authorization: Bearer ****')
    expect(out.trimEnd().split('\n').at(-1)).toBe('1 passed, 1 failed')
  })

  it('html: one self-contained page with the summary, chart, failures and requests, all text escaped', () => {
    const [artifact] = feed(
      createHtmlReporter({ collection: { name: 'API & co <script>alert(1)</script>' } }),
    )
    expect(artifact?.reporter).toBe('html')
    const html = artifact?.text ?? ''
    const page = checkHtml(html)
    expect(page.problems).toEqual([])
    expect(page.text('h1')).toEqual(['API & co <script>alert(1)</script>'])
    expect(html).toContain('API &amp; co &lt;script&gt;alert(1)&lt;/script&gt;')
    expect(page.text('tr').some((row) => /requests\s*2\s*1/.test(row))).toBe(true)
    expect(page.text('summary').some((s) => s.includes('GET Folder/Get <x> 200 OK 43ms 1.2 kB'))).toBe(true)
    expect(page.text('li').some((li) => li.includes('✓ status is 200'))).toBe(true)
    expect(page.text('li').some((li) => li.includes('✗ has "id"expected <a> & b'))).toBe(true)
    expect(page.text('ol')[0]).toContain('connection refused')
    expect(html.match(/<rect /g)).toHaveLength(1)
    expect(page.text('title')).toContain('GET Folder/Get <x> (iteration 1): 43 ms')
  })

  it('html check: the stand-in for a parser catches scripts, raw markup and broken nesting', () => {
    expect(checkHtml('<!doctype html><p>fine &amp; <b>well</b></p>').problems).toEqual([])
    expect(checkHtml('<!doctype html><p><script>x</script></p>').problems).toContain('a script element')
    expect(checkHtml('<!doctype html><p>a > b & c</p>').problems).toHaveLength(2)
    expect(checkHtml('<!doctype html><p><b></p></b>').problems).not.toEqual([])
    expect(checkHtml('<!doctype html><img src="x.png">').problems).not.toEqual([])
  })
})
