import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEchoServer, type EchoServer } from '@courier/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort, runCli, type CliResult } from './run-cli.js'

let echo: EchoServer
let folder: string
let collection: string
let environment: string

const v21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json'

beforeAll(async () => {
  echo = await startEchoServer()
  folder = await mkdtemp(join(tmpdir(), 'courier-send-'))
  collection = join(folder, 'api.postman_collection.json')
  environment = join(folder, 'local.postman_environment.json')
  await writeFile(
    collection,
    JSON.stringify({
      info: { name: 'API', schema: v21 },
      auth: {
        type: 'basic',
        basic: [
          { key: 'username', value: 'postman' },
          { key: 'password', value: '{{password}}' },
        ],
      },
      item: [
        {
          name: 'Echo',
          item: [
            {
              name: 'Get Thing',
              request: {
                method: 'GET',
                header: [{ key: 'X-Api-Key', value: '{{apiKey}}' }],
                url: '{{baseUrl}}/get?thing=1',
              },
            },
            { name: 'Who Am I', request: { method: 'GET', url: '{{baseUrl}}/basic-auth' } },
          ],
        },
        { name: 'Unresolved', request: { method: 'GET', url: '{{nowhere}}/get' } },
      ],
    }),
  )
  await writeFile(
    environment,
    JSON.stringify({
      name: 'local',
      values: [
        { key: 'baseUrl', value: echo.url, enabled: true },
        { key: 'password', value: 'password', type: 'secret', enabled: true },
        { key: 'apiKey', value: 'k3y-0f-the-api', type: 'secret', enabled: true },
      ],
    }),
  )
})

afterAll(async () => {
  await echo.close()
})

function expectFault(result: CliResult, pattern: RegExp): void {
  expect(result.code).toBe(1)
  expect(result.stdout).toBe('')
  const [first] = result.stderr.split('\n')
  expect(first).toMatch(/^error: /)
  expect(first).toMatch(pattern)
  expect(result.stderr).not.toMatch(/\n\s+at /)
}

describe('courier send (ad hoc)', () => {
  it('prints the status line on stderr and the body as received on stdout', async () => {
    const result = await runCli(['send', `${echo.url}/get?x=1`])
    expect(result.code).toBe(0)
    expect(result.stderr).toMatch(/^200 OK · \d+ ms · \d+(\.\d)? (B|kB)\n$/)
    expect(JSON.parse(result.stdout)).toMatchObject({ args: { x: '1' } })
  })

  it('puts the status line and headers first on stdout with -i', async () => {
    const result = await runCli(['send', '-i', `${echo.url}/get`])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^200 OK · /)
    expect(result.stdout).toMatch(/\ncontent-type: application\/json/i)
  })

  it('sends a body with -d (POST by default), headers with -H, and a file with -d @file', async () => {
    const posted = await runCli([
      'send',
      `${echo.url}/post`,
      '-H',
      'Content-Type: application/json',
      '-d',
      '{"a":1}',
    ])
    expect(posted.code).toBe(0)
    expect(JSON.parse(posted.stdout)).toMatchObject({ json: { a: 1 } })
    const file = join(folder, 'body.txt')
    await writeFile(file, 'from a file')
    const put = await runCli([
      'send',
      '-X',
      'put',
      `${echo.url}/put`,
      '-H',
      'Content-Type: text/plain',
      '-d',
      `@${file}`,
    ])
    expect(put.code).toBe(0)
    expect(JSON.parse(put.stdout)).toMatchObject({ data: 'from a file' })
  })

  it('prints the whole exchange with --json: the request as sent, the response, timings and hops', async () => {
    const result = await runCli([
      'send',
      '--json',
      `${echo.url}/redirect-to?url=${encodeURIComponent('/get?y=2')}`,
    ])
    expect(result.code).toBe(0)
    const exchange = JSON.parse(result.stdout)
    expect(exchange.request.method).toBe('GET')
    expect(exchange.request.url).toBe(`${echo.url}/get?y=2`)
    expect(exchange.request.headers).toContainEqual({
      key: 'User-Agent',
      value: expect.stringMatching(/^Courier\//),
    })
    expect(exchange.response.status).toBe(200)
    expect(JSON.parse(exchange.response.body)).toMatchObject({ args: { y: '2' } })
    expect(exchange.response.timings.totalMs).toBeGreaterThanOrEqual(0)
    expect(exchange.hops.map((hop: { status: number }) => hop.status)).toEqual([302, 200])
  })

  it('does not follow redirects with --ignore-redirects, and keeps cookies across them otherwise', async () => {
    const ignored = await runCli(['send', '--ignore-redirects', `${echo.url}/redirect-to?url=/get`])
    expect(ignored.stderr).toMatch(/^302 /)
    const cookies = await runCli(['send', `${echo.url}/cookies/set?flavour=oat`])
    expect(JSON.parse(cookies.stdout)).toMatchObject({ cookies: { flavour: 'oat' } })
  })

  it('pretty-prints and colours JSON with --pretty and FORCE_COLOR', async () => {
    const result = await runCli(['send', '--pretty', `${echo.url}/get?x=1`], {
      env: { NO_COLOR: '', FORCE_COLOR: '1' },
    })
    expect(result.stdout).toContain('\u001b[')
    expect(result.stdout).toMatch(/\n {2}(\u001b\[\d+m)?"/)
  })

  it('exits 1 on an error status only with --fail', async () => {
    expect((await runCli(['send', `${echo.url}/status/404`])).code).toBe(0)
    expect((await runCli(['send', '--fail', `${echo.url}/status/404`])).code).toBe(1)
  })
})

describe('courier send (collection)', () => {
  it('sends a request named by path with the environment, inheriting the collection auth', async () => {
    const result = await runCli(['send', collection, 'Echo/Who Am I', '-e', environment])
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toEqual({ authenticated: true })
  })

  it('masks credentials and secret variables in --json unless --show-secrets', async () => {
    const masked = JSON.parse(
      (await runCli(['send', collection, 'Get Thing', '-e', environment, '--json'])).stdout,
    )
    expect(masked.request.headers).toContainEqual({ key: 'Authorization', value: 'Basic ••••' })
    expect(masked.request.headers).toContainEqual({ key: 'X-Api-Key', value: '••••' })
    expect(JSON.stringify(masked)).not.toContain('k3y-0f-the-api')
    const shown = JSON.parse(
      (await runCli(['send', collection, 'Get Thing', '-e', environment, '--json', '--show-secrets'])).stdout,
    )
    expect(shown.request.headers).toContainEqual({ key: 'X-Api-Key', value: 'k3y-0f-the-api' })
  })

  it('lets --var override the environment', async () => {
    const result = await runCli([
      'send',
      collection,
      'Get Thing',
      '-e',
      environment,
      '--var',
      'apiKey=override',
    ])
    expect(JSON.parse(result.stdout).headers['x-api-key']).toBe('override')
  })

  it('names a request that does not exist and suggests close ones (exit 2)', async () => {
    const result = await runCli(['send', collection, 'Get Thnig', '-e', environment])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^error: .*Get Thnig/)
    expect(result.stderr).toContain('Get Thing')
  })
})

describe('courier send faults', () => {
  it('names an unresolved variable with the method and URL', async () => {
    expectFault(await runCli(['send', collection, 'Unresolved', '-e', environment]), /GET .*\{\{nowhere\}\}/)
  })

  it('reports an unknown host', async () => {
    expectFault(
      await runCli(['send', 'http://courier-test.invalid/x']),
      /GET http:\/\/courier-test\.invalid\/x: .*courier-test\.invalid/,
    )
  })

  it('reports a refused connection', async () => {
    const port = await freePort()
    expectFault(await runCli(['send', `http://127.0.0.1:${port}/x`]), /refused/)
  })

  it('reports a response timeout and its phase', async () => {
    expectFault(await runCli(['send', '--timeout-request', '300', `${echo.url}/delay/3`]), /response|300 ms/)
  })

  it('reports a body file that does not exist', async () => {
    expectFault(
      await runCli(['send', `${echo.url}/post`, '-d', '@/nonexistent/body.bin']),
      /\/nonexistent\/body\.bin/,
    )
  })

  it('refuses a response larger than --max-response-size', async () => {
    expectFault(await runCli(['send', '--max-response-size', '1000', `${echo.url}/bytes/5000`]), /1000/)
  })
})
