import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEchoServer, type EchoServer } from '@courier/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkHtml } from './cli-run-html-check.js'
import { runCli } from './run-cli.js'

let echo: EchoServer
let folder: string
let shop: string
let environment: string

const v21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json'
const test = (...exec: string[]) => ({ listen: 'test', script: { exec } })
const statusIs = (code: number) =>
  test(`pm.test('status is ${code}', () => pm.response.to.have.status(${code}))`)

beforeAll(async () => {
  echo = await startEchoServer()
  folder = await mkdtemp(join(tmpdir(), 'courier-run-reports-'))
  shop = join(folder, 'shop.postman_collection.json')
  environment = join(folder, 'local.postman_environment.json')
  // Seven requests in two folders, one failing, so three shards are uneven (3, 2, 2).
  await writeFile(
    shop,
    JSON.stringify({
      info: { name: 'Shop <script>alert("x")</script>', _postman_id: 'shop-1', schema: v21 },
      item: [
        {
          name: 'Users',
          item: ['list', 'create', 'update', 'delete'].map((name) => ({
            name: `${name} <script>alert(1)</script>`,
            request: { method: 'GET', url: `{{baseUrl}}/get?op=${name}` },
            event: [statusIs(200)],
          })),
        },
        {
          name: 'Orders',
          item: [
            {
              name: 'cart',
              request: { method: 'GET', url: '{{baseUrl}}/get?op=cart' },
              event: [statusIs(200)],
            },
            {
              name: 'missing',
              request: { method: 'GET', url: '{{baseUrl}}/status/404' },
              event: [statusIs(200)],
            },
            { name: 'pay', request: { method: 'POST', url: '{{baseUrl}}/post' }, event: [statusIs(200)] },
          ],
        },
      ],
    }),
  )
  await writeFile(
    environment,
    JSON.stringify({ name: 'local', values: [{ key: 'baseUrl', value: echo.url }] }),
  )
})

afterAll(async () => {
  await echo.close()
})

interface JsonReport {
  collection: { info: { name: string; id?: string } }
  run: {
    stats: Record<string, { total: number; failed: number }>
    executions: { item: { path: string }; cursor: { iteration: number } }[]
    failures: unknown[]
    timings: { responseMin: number; responseMax: number; responseAverage: number }
  }
}

const readJson = async (path: string) => JSON.parse(await readFile(path, 'utf8')) as JsonReport

describe('courier run -r html', () => {
  it('writes one self-contained page with every request and assertion, names escaped', async () => {
    const html = join(folder, 'report.html')
    const result = await runCli([
      'run',
      shop,
      '-e',
      environment,
      '-r',
      'html',
      '--reporter-html-export',
      html,
    ])
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    const text = await readFile(html, 'utf8')
    const page = checkHtml(text)
    expect(page.problems).toEqual([])
    expect(page.text('h1')).toEqual(['Shop <script>alert("x")</script>'])
    expect(text).not.toContain('<script>alert')
    const requests = page.text('summary')
    expect(requests).toHaveLength(7)
    expect(requests[0]).toMatch(
      /^GET Users\/list <script>alert\(1\)<\/script> 200 OK \d+ms \d+ B iteration 1$/,
    )
    expect(requests[5]).toMatch(/^GET Orders\/missing 404 Not Found/)
    expect(page.text('li').filter((li) => li.startsWith('✓ status is 200'))).toHaveLength(6)
    expect(
      page.text('li').some((li) => li.includes('expected response to have status code 200 but got 404')),
    ).toBe(true)
    expect(page.text('p').some((p) => p === `${echo.url}/status/404`)).toBe(true)
    expect(text.match(/<rect /g)).toHaveLength(7)
    expect(page.text('td')).toEqual(['1', '1', '7', '0', '7', '0', '0', '0', '7', '1'])
  })

  it('writes to Newman’s newman/ folder with a timestamped name by default, and into a folder given as the path', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'courier-run-default-'))
    const result = await runCli(
      ['run', shop, '-e', environment, '-r', 'html,json', '--folder', 'Orders/cart'],
      {
        cwd,
      },
    )
    expect(result.code).toBe(0)
    const written = await readdir(join(cwd, 'newman'))
    expect(written.sort()).toEqual([
      expect.stringMatching(/^courier-run-report-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}-\d{3}-0\.html$/),
      expect.stringMatching(/^courier-run-report-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}-\d{3}-0\.json$/),
    ])
    const into = await runCli(
      [
        'run',
        shop,
        '-e',
        environment,
        '-r',
        'html',
        '--folder',
        'Orders/cart',
        '--reporter-html-export',
        cwd,
      ],
      { cwd: folder },
    )
    expect(into.code).toBe(0)
    expect((await readdir(cwd)).filter((name) => name.endsWith('.html'))).toHaveLength(1)
  })
})

describe('courier run --shard and courier merge-reports', () => {
  it('runs three shards whose merged report has the stats of the whole run', async () => {
    const whole = join(folder, 'whole.json')
    const full = await runCli([
      'run',
      shop,
      '-e',
      environment,
      '-n',
      '2',
      '-r',
      'json',
      '--reporter-json-export',
      whole,
    ])
    expect(full.code).toBe(1)
    const parts: string[] = []
    const sizes: number[] = []
    for (const index of [1, 2, 3]) {
      const part = join(folder, `shard-${index}.json`)
      const result = await runCli([
        'run',
        shop,
        '-e',
        environment,
        '-n',
        '2',
        '--shard',
        `${index}/3`,
        '-r',
        'cli,json',
        '--reporter-json-export',
        part,
      ])
      expect(result.stdout).toMatch(/\n\d+ passed, \d+ failed\n$/)
      sizes.push((await readJson(part)).run.stats['requests']?.total ?? -1)
      parts.push(part)
    }
    expect(sizes).toEqual([6, 4, 4])
    const merged = join(folder, 'merged.json')
    const merge = await runCli(['merge-reports', ...parts, '-o', merged])
    expect(merge.stderr).toContain(`merged 3 reports into ${merged}`)
    expect(merge.code).toBe(0)
    const [expected, actual] = [await readJson(whole), await readJson(merged)]
    expect(actual.collection.info).toEqual({ name: 'Shop <script>alert("x")</script>', id: 'shop-1' })
    for (const name of ['iterations', 'requests', 'testScripts', 'prerequestScripts', 'assertions'])
      expect({ name, ...actual.run.stats[name] }).toEqual({ name, ...expected.run.stats[name] })
    expect(actual.run.failures).toHaveLength(expected.run.failures.length)
    const key = (e: { item: { path: string }; cursor: { iteration: number } }) =>
      `${e.cursor.iteration}:${e.item.path}`
    expect(actual.run.executions.map(key).sort()).toEqual(expected.run.executions.map(key).sort())
    const { responseMin, responseMax, responseAverage } = actual.run.timings
    expect(responseMin).toBeLessThanOrEqual(responseAverage)
    expect(responseAverage).toBeLessThanOrEqual(responseMax)
  })

  it('prints the merged report on standard output without -o', async () => {
    const part = join(folder, 'single.json')
    await runCli([
      'run',
      shop,
      '-e',
      environment,
      '--shard',
      '3/3',
      '-r',
      'json',
      '--reporter-json-export',
      part,
    ])
    const merge = await runCli(['merge-reports', part])
    expect(merge.code).toBe(0)
    expect(merge.stderr).toContain('merged 1 of 3 shards: 1/3, 2/3 missing')
    expect(JSON.parse(merge.stdout).run.stats.requests.total).toBe(2)
  })

  it('refuses reports of different collections, and files that are not reports', async () => {
    const other = join(folder, 'other.postman_collection.json')
    await writeFile(
      other,
      JSON.stringify({
        info: { name: 'Other', schema: v21 },
        item: [{ name: 'x', request: `${echo.url}/get` }],
      }),
    )
    const [a, b] = [join(folder, 'a.json'), join(folder, 'b.json')]
    await runCli([
      'run',
      shop,
      '-e',
      environment,
      '--shard',
      '1/2',
      '-r',
      'json',
      '--reporter-json-export',
      a,
    ])
    await runCli(['run', other, '-r', 'json', '--reporter-json-export', b])
    const mixed = await runCli(['merge-reports', a, b])
    expect(mixed.code).toBe(2)
    expect(mixed.stderr).toContain(`${b} is a report of "Other", but ${a} is of`)
    const notReport = await runCli(['merge-reports', a, environment])
    expect(notReport.code).toBe(2)
    expect(notReport.stderr).toContain('not a run report')
  })

  it.each(['0/3', '4/3', '1/0', 'two/3', '2'])('exits 2 with a usage error for --shard %s', async (value) => {
    const result = await runCli(['run', shop, '-e', environment, '--shard', value])
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr.split('\n')[0]).toBe(
      `error: --shard ${value}: expected i/n with 1 ≤ i ≤ n, e.g. --shard 2/3`,
    )
  })
})
