import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEchoServer, type EchoServer } from '@courier/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'

let echo: EchoServer
let folder: string
let passing: string
let failing: string
let environment: string

const v21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json'
const test = (...exec: string[]) => ({ listen: 'test', script: { exec } })

beforeAll(async () => {
  echo = await startEchoServer()
  folder = await mkdtemp(join(tmpdir(), 'courier-run-'))
  passing = join(folder, 'passing.postman_collection.json')
  failing = join(folder, 'failing.postman_collection.json')
  environment = join(folder, 'local.postman_environment.json')
  await writeFile(
    passing,
    JSON.stringify({
      info: { name: 'Echo <run> & co', schema: v21 },
      item: [
        {
          name: 'Things',
          item: [
            {
              name: 'Get Thing',
              request: { method: 'GET', url: '{{baseUrl}}/get?name={{name}}' },
              event: [
                test(
                  "pm.test('status is 200', () => pm.response.to.have.status(200))",
                  "pm.environment.set('lastName', pm.response.json().args.name)",
                ),
              ],
            },
          ],
        },
      ],
    }),
  )
  await writeFile(
    failing,
    JSON.stringify({
      info: { name: 'Failing', schema: v21 },
      item: [
        {
          name: 'Not Found',
          request: { method: 'GET', url: '{{baseUrl}}/status/404' },
          event: [test("pm.test('status is 200', () => pm.response.to.have.status(200))")],
        },
      ],
    }),
  )
  await writeFile(
    environment,
    JSON.stringify({
      id: 'env-1',
      name: 'local',
      values: [
        { key: 'baseUrl', value: echo.url, enabled: true },
        { key: 'name', value: 'env', enabled: true },
      ],
    }),
  )
})

afterAll(async () => {
  await echo.close()
})

describe('courier run', () => {
  it('exits 0 when every assertion passes, with the summary and the final count', async () => {
    const result = await runCli(['run', passing, '-e', environment])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(`→ GET ${echo.url}/get?name=env  200 OK`)
    expect(result.stdout).toContain('✓ status is 200')
    expect(result.stdout).toMatch(/│\s+assertions │\s+1 │\s+0 │/)
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('1 passed, 0 failed')
  })

  it('exits 1 when an assertion fails, and lists the failure', async () => {
    const result = await runCli(['run', failing, '-e', environment])
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('✗ status is 200')
    expect(result.stdout).toContain('expected response to have status code 200 but got 404')
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('0 passed, 1 failed')
    const suppressed = await runCli(['run', failing, '-e', environment, '-x', '--silent'])
    expect(suppressed.code).toBe(0)
  })

  it('exits 1 when a request fails at the network level', async () => {
    const result = await runCli([
      'run',
      passing,
      '--env-var',
      'baseUrl=http://127.0.0.1:1',
      '--env-var',
      'name=x',
    ])
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('connection refused')
  })

  it('runs one iteration per row of a CSV data file', async () => {
    const data = join(folder, 'data.csv')
    await writeFile(data, 'name\nada\n"bob, jr"\n')
    const result = await runCli(['run', passing, '-e', environment, '-d', data])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('/get?name=ada ')
    expect(result.stdout).toContain('/get?name=bob,%20jr ')
    expect(result.stdout).toMatch(/│\s+iterations │\s+2 │\s+0 │/)
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('2 passed, 0 failed')
  })

  it('exits 2 naming the line of a malformed CSV data file', async () => {
    const data = join(folder, 'bad.csv')
    await writeFile(data, 'name\nada\n"bob\n')
    const result = await runCli(['run', passing, '-e', environment, '-d', data])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('line 3')
  })

  it('writes valid json and junit reports', async () => {
    const json = join(folder, 'report.json')
    const xml = join(folder, 'report.xml')
    const result = await runCli([
      'run',
      failing,
      '-e',
      environment,
      '-n',
      '2',
      '-r',
      'json,junit',
      '--reporter-json-export',
      json,
      '--reporter-junit-export',
      xml,
    ])
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    const report = JSON.parse(await readFile(json, 'utf8'))
    expect(report.collection.info.name).toBe('Failing')
    expect(report.run.stats.assertions).toEqual({ total: 2, pending: 0, failed: 2 })
    expect(report.run.executions).toHaveLength(2)
    expect(report.run.failures).toHaveLength(2)
    const text = await readFile(xml, 'utf8')
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true)
    expect(isWellFormed(text)).toBe(true)
    expect(text).toMatch(/<testsuites name="Failing" tests="2" failures="2" errors="0"/)
    expect(text.match(/<testsuite /g)).toHaveLength(2)
    expect(text.match(/<failure /g)).toHaveLength(2)
  })

  it('escapes names in the junit report', async () => {
    const xml = join(folder, 'escaped.xml')
    const result = await runCli([
      'run',
      passing,
      '-e',
      environment,
      '-r',
      'junit',
      '--reporter-junit-export',
      xml,
    ])
    expect(result.code).toBe(0)
    const text = await readFile(xml, 'utf8')
    expect(isWellFormed(text)).toBe(true)
    expect(text).toContain('name="Echo &lt;run&gt; &amp; co"')
  })

  it('exports the environment as the run left it, in Postman’s shape', async () => {
    const out = join(folder, 'out.postman_environment.json')
    const result = await runCli(['run', passing, '-e', environment, '--export-environment', out, '--silent'])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe('')
    const exported = JSON.parse(await readFile(out, 'utf8'))
    expect(exported).toMatchObject({ id: 'env-1', name: 'local', _postman_variable_scope: 'environment' })
    expect(exported._postman_exported_using).toMatch(/^Courier\//)
    expect(exported.values).toContainEqual({ key: 'lastName', value: 'env', type: 'default', enabled: true })
  })

  it('exits 2 for a missing collection', async () => {
    const result = await runCli(['run', join(folder, 'nowhere.json')])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('nowhere.json')
  })

  it('runs only the --folder given, and exits 2 for a folder that does not exist', async () => {
    const result = await runCli(['run', passing, '-e', environment, '--folder', 'Things'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('Things/Get Thing')
    const missing = await runCli(['run', passing, '-e', environment, '--folder', 'Nope'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('Nope')
  })

  it('exits 2 for an unknown reporter', async () => {
    const result = await runCli(['run', passing, '-r', 'cli,emojitrain'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('emojitrain')
  })

  it('stops the whole run at --timeout with a failure, and still prints the summary', async () => {
    const slow = join(folder, 'slow.postman_collection.json')
    await writeFile(
      slow,
      JSON.stringify({
        info: { name: 'Slow', schema: v21 },
        item: [
          { name: 'Slow', request: { method: 'GET', url: '{{baseUrl}}/delay/5' } },
          { name: 'Never', request: { method: 'GET', url: '{{baseUrl}}/get' } },
        ],
      }),
    )
    const result = await runCli(['run', slow, '-e', environment, '--timeout', '200'])
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('the run was stopped (--timeout 200 ms)')
    expect(result.stdout).not.toContain('/get')
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('0 passed, 0 failed')
  })
})

/** A minimal well-formedness check: every tag closes in order, and no raw `&` or `<` is left in text. */
function isWellFormed(xml: string): boolean {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '')
  const stack: string[] = []
  for (const match of body.matchAll(
    /<(\/?)([A-Za-z][\w-]*)((?:\s+[\w-]+="[^"<&]*(?:&(?:amp|lt|gt|quot|apos);[^"<&]*)*")*)\s*(\/?)>/g,
  )) {
    const [, closing, name = '', , selfClosing] = match
    if (selfClosing === '/') continue
    if (closing === '/') {
      if (stack.pop() !== name) return false
    } else stack.push(name)
  }
  const text = body.replace(/<[^>]*>/g, '')
  return stack.length === 0 && !/&(?!(?:amp|lt|gt|quot|apos);)/.test(text)
}
