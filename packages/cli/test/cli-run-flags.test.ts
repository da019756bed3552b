import { spawn, spawnSync } from 'node:child_process'
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEchoServer, type EchoServer } from '@courier/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { courierBin, repoRoot, runCli } from './run-cli.js'

let echo: EchoServer
let folder: string
let environment: string

const v21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json'
const test = (...exec: string[]) => ({ listen: 'test', script: { exec } })
const lastLine = (text: string) => text.trimEnd().split('\n').at(-1)

async function writeCollection(name: string, collection: Record<string, unknown>): Promise<string> {
  const path = join(folder, `${name}.postman_collection.json`)
  await writeFile(path, JSON.stringify({ info: { name, schema: v21 }, ...collection }))
  return path
}

/** A collection whose one request checks the cookie `name` reaches the server with `value`. */
const expectsCookie = (name: string, value: string) =>
  writeCollection(`expects-${name}`, {
    item: [
      {
        name: 'Cookies',
        request: { method: 'GET', url: `${echo.url}/cookies` },
        event: [
          test(
            `pm.test('sends ${name}', () => pm.expect(pm.response.json().cookies.${name}).to.equal('${value}'))`,
          ),
        ],
      },
    ],
  })

beforeAll(async () => {
  echo = await startEchoServer()
  folder = await mkdtemp(join(tmpdir(), 'courier-run-flags-'))
  environment = join(folder, 'local.postman_environment.json')
  await writeFile(
    environment,
    JSON.stringify({ name: 'local', values: [{ key: 'baseUrl', value: echo.url }] }),
  )
})

afterAll(async () => {
  await echo.close()
})

describe('courier run: Newman’s cookie jar flags', () => {
  it('starts with the cookies of --cookie-jar (tough-cookie JSON) and writes --export-cookie-jar', async () => {
    const jar = join(folder, 'jar.json')
    const host = new URL(echo.url).hostname
    await writeFile(
      jar,
      JSON.stringify({
        version: 'tough-cookie@4.1.3',
        storeType: 'MemoryCookieStore',
        cookies: [
          {
            key: 'session',
            value: 'abc',
            domain: host,
            path: '/',
            hostOnly: true,
            creation: new Date().toISOString(),
          },
          {
            key: 'stale',
            value: 'x',
            domain: host,
            path: '/',
            hostOnly: true,
            expires: '2001-01-01T00:00:00.000Z',
          },
        ],
      }),
    )
    const setter = await writeCollection('sets-cookie', {
      item: [{ name: 'Set', request: { method: 'GET', url: `${echo.url}/cookies/set?flavour=oat` } }],
    })
    const exported = join(folder, 'exported-jar.json')
    const result = await runCli(['run', setter, '--cookie-jar', jar, '--export-cookie-jar', exported])
    expect(result.code).toBe(0)
    const written = JSON.parse(await readFile(exported, 'utf8'))
    const cookies = written.cookies.map(
      (cookie: { key: string; value: string }) => `${cookie.key}=${cookie.value}`,
    )
    expect(cookies.sort()).toEqual(['flavour=oat', 'session=abc'])
    expect(written.cookies[0]).toMatchObject({ domain: host, path: '/', hostOnly: true })
    const check = await runCli(['run', await expectsCookie('flavour', 'oat'), '--cookie-jar', exported])
    expect(lastLine(check.stdout)).toBe('1 passed, 0 failed')
  })

  it('reads a jar Newman exported, and Newman reads the jar Courier exported', async () => {
    const newman = join(repoRoot, 'node_modules', 'newman', 'bin', 'newman.js')
    const setter = await writeCollection('newman-sets', {
      item: [{ name: 'Set', request: { method: 'GET', url: `${echo.url}/cookies/set?from=newman` } }],
    })
    const newmanJar = join(folder, 'newman-jar.json')
    // Asynchronously: the echo server answers from this process, so a synchronous spawn would wait for itself.
    const run = async (args: string[]) => {
      const child = spawn(process.execPath, [newman, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
      let stdout = ''
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
      const status = await new Promise<number | null>((resolve) => child.on('close', resolve))
      return { status, stdout }
    }
    expect((await run(['run', setter, '--export-cookie-jar', newmanJar, '--silent'])).status).toBe(0)
    const courierReads = await runCli([
      'run',
      await expectsCookie('from', 'newman'),
      '--cookie-jar',
      newmanJar,
    ])
    expect(lastLine(courierReads.stdout)).toBe('1 passed, 0 failed')

    const courierSets = await writeCollection('courier-sets', {
      item: [{ name: 'Set', request: { method: 'GET', url: `${echo.url}/cookies/set?from=courier` } }],
    })
    const courierJar = join(folder, 'courier-jar.json')
    expect((await runCli(['run', courierSets, '--export-cookie-jar', courierJar, '--silent'])).code).toBe(0)
    const newmanReads = await run(['run', await expectsCookie('from', 'courier'), '--cookie-jar', courierJar])
    expect(newmanReads.stdout).toContain('✓  sends from')
    expect(newmanReads.status).toBe(0)
  })

  it('exits 2 for a --cookie-jar that is not a jar', async () => {
    const result = await runCli(['run', await expectsCookie('a', 'b'), '--cookie-jar', environment])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('serialized tough-cookie jar')
  })
})

describe('courier run --export-collection', () => {
  it('writes the collection with its variables as the run left them', async () => {
    const collection = await writeCollection('counter', {
      variable: [
        { key: 'count', value: '1', type: 'string', description: 'how many' },
        { key: 'gone', value: 'soon' },
      ],
      item: [
        {
          name: 'Count',
          request: { method: 'GET', url: `${echo.url}/get?count={{count}}` },
          event: [
            test(
              "pm.collectionVariables.set('count', String(Number(pm.collectionVariables.get('count')) + 1))",
              "pm.collectionVariables.set('added', 'yes')",
              "pm.collectionVariables.unset('gone')",
            ),
          ],
        },
      ],
    })
    const out = join(folder, 'exported.postman_collection.json')
    const result = await runCli(['run', collection, '-n', '2', '--export-collection', out, '--silent'])
    expect(result.code).toBe(0)
    const exported = JSON.parse(await readFile(out, 'utf8'))
    expect(exported.info.name).toBe('counter')
    expect(exported.item[0].name).toBe('Count')
    expect(exported.variable).toEqual([
      { key: 'count', value: '3', type: 'string', description: 'how many' },
      { key: 'added', value: 'yes' },
    ])
  })
})

describe('courier run --working-dir and --no-insecure-file-read', () => {
  it('reads body files from --working-dir, and refuses files outside it with --no-insecure-file-read', async () => {
    const work = join(folder, 'work')
    await mkdir(work, { recursive: true })
    await writeFile(join(work, 'upload.txt'), 'hello from the working dir')
    await writeFile(join(folder, 'secret.txt'), 'outside')
    const upload = (src: string) =>
      writeCollection(`upload-${src.replace(/\W/g, '')}`, {
        item: [
          {
            name: 'Upload',
            request: { method: 'POST', url: `${echo.url}/post`, body: { mode: 'file', file: { src } } },
            event: [test("pm.test('sent', () => pm.expect(pm.response.text()).to.include('hello from'))")],
          },
        ],
      })
    const inside = await upload('upload.txt')
    const ok = await runCli(['run', inside, '--working-dir', work, '--no-insecure-file-read'])
    expect(lastLine(ok.stdout)).toBe('1 passed, 0 failed')
    expect(ok.code).toBe(0)
    const notFound = await runCli(['run', inside])
    expect(notFound.code).toBe(1)
    const outside = await upload('../secret.txt')
    const allowed = await runCli(['run', outside, '--working-dir', work])
    expect(allowed.stdout).not.toContain('outside the working directory')
    const refused = await runCli(['run', outside, '--working-dir', work, '--no-insecure-file-read'])
    expect(refused.code).toBe(1)
    expect(refused.stdout).toContain('../secret.txt: outside the working directory')
    const missing = await runCli(['run', inside, '--working-dir', join(folder, 'nope')])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('--working-dir')
  })
})

describe('courier run: cli reporter flags', () => {
  let mixed: string
  beforeAll(async () => {
    mixed = await writeCollection('mixed', {
      item: [
        {
          name: 'Good',
          request: { method: 'GET', url: '{{baseUrl}}/get' },
          event: [
            test("console.log('from the script')", "pm.test('good', () => pm.response.to.have.status(200))"),
          ],
        },
        {
          name: 'Bad',
          request: { method: 'GET', url: '{{baseUrl}}/status/500' },
          event: [test("pm.test('bad', () => pm.response.to.have.status(200))")],
        },
      ],
    })
  })

  it('--reporter-cli-no-summary, -no-failures, -no-assertions, -no-console leave the request lines and the count', async () => {
    const plain = await runCli(['run', mixed, '-e', environment])
    expect(plain.stdout).toContain('from the script')
    expect(plain.stdout).toContain('✓ good')
    expect(plain.stdout).toContain('executed')
    expect(plain.stdout).toContain('#  failure')
    const result = await runCli([
      'run',
      mixed,
      '-e',
      environment,
      '--reporter-cli-no-summary',
      '--reporter-cli-no-failures',
      '--reporter-cli-no-assertions',
      '--reporter-cli-no-console',
    ])
    expect(result.code).toBe(1)
    for (const hidden of ['from the script', '✓ good', '✗ bad', 'executed', '#  failure'])
      expect(result.stdout).not.toContain(hidden)
    expect(result.stdout).toContain('500 Internal Server Error')
    expect(lastLine(result.stdout)).toBe('1 passed, 1 failed')
  })

  it('--reporter-cli-show-timestamps and --reporter-cli-no-success-assertions', async () => {
    const result = await runCli([
      'run',
      mixed,
      '-e',
      environment,
      '--reporter-cli-show-timestamps',
      '--reporter-cli-no-success-assertions',
    ])
    expect(result.stdout).toMatch(/^\[\d{2}:\d{2}:\d{2}\] → GET /m)
    expect(result.stdout).not.toContain('✓ good')
    expect(result.stdout).toContain('✗ bad')
  })

  it('--silent and --reporter-cli-silent print nothing at all, even when the run fails', async () => {
    for (const flag of ['--silent', '--reporter-cli-silent']) {
      const result = await runCli(['run', mixed, '-e', environment, flag])
      expect(result).toEqual({ code: 1, stdout: '', stderr: '' })
    }
  })

  it('--verbose prints request and response headers and the body', async () => {
    const result = await runCli(['run', mixed, '-e', environment, '--verbose'])
    expect(result.stdout).toMatch(/request headers \(\d+\)\n\s+User-Agent: Courier\//)
    expect(result.stdout).toMatch(/response headers \(\d+\)\n/)
    expect(result.stdout).toMatch(/Content-Type: application\/json/i)
    expect(result.stdout).toContain('response body (')
    expect(result.stdout).toContain(`"url":"${echo.url}/get"`)
    expect(lastLine(result.stdout)).toBe('1 passed, 1 failed')
  })

  it('--disable-unicode prints only ASCII', async () => {
    const result = await runCli(['run', mixed, '-e', environment, '--disable-unicode'])
    expect(result.stdout).toMatch(/^[\x00-\x7F]*$/)
    expect(result.stdout).toContain('  ok good')
    expect(lastLine(result.stdout)).toBe('1 passed, 1 failed')
  })

  it('--bail takes Newman’s modifiers (folder, failure) and stops at the first failure', async () => {
    const result = await runCli(['run', mixed, '-e', environment, '-n', '3', '--bail', 'folder,failure'])
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/│\s+requests │\s+2 │/)
    expect(lastLine(result.stdout)).toBe('1 passed, 1 failed')
    const bad = await runCli(['run', mixed, '-e', environment, '--bail', 'sometimes'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('expected folder and/or failure')
  })

  it('--color on|off|auto as Newman takes it, NO_COLOR otherwise', async () => {
    const ansi = /\u001b\[\d+m/
    const on = await runCli(['run', mixed, '-e', environment, '--color', 'on'])
    expect(on.stdout).toMatch(ansi)
    const off = await runCli(['run', mixed, '-e', environment, '--color', 'off'], {
      env: { FORCE_COLOR: '1' },
    })
    expect(off.stdout).not.toMatch(ansi)
    const auto = await runCli(['run', mixed, '-e', environment, '--color=auto'])
    expect(auto.stdout).not.toMatch(ansi)
    const bad = await runCli(['run', mixed, '--color', 'sometimes'])
    expect(bad.code).toBe(2)
  })
})

// `script` (util-linux, in Debian's essential bsdutils) gives courier a pseudo-terminal: always there on Linux.
describe('courier run: progress bar on a terminal', () => {
  beforeAll(() => {
    if (spawnSync('script', ['--version']).status !== 0)
      throw new Error('the progress-bar tests need `script` from util-linux (apt-get install bsdutils)')
  })

  /** Runs courier under `script`, which gives it a pseudo-terminal, and returns everything the terminal got. */
  async function onTerminal(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
    const command = [process.execPath, courierBin, ...args]
      .map((arg) => `'${arg.replaceAll("'", "'\\''")}'`)
      .join(' ')
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      env: { ...env, COLUMNS: '100' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk))
    await new Promise((resolve) => child.on('close', resolve))
    return out
  }
  const withoutCi = () => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' }
    delete env['CI']
    return env
  }

  it('draws done/total and the request in place on a terminal, erased before the summary', async () => {
    const collection = await writeCollection('progress', {
      item: ['one', 'two'].map((name) => ({
        name,
        request: { method: 'GET', url: `${echo.url}/get?${name}` },
      })),
    })
    const out = await onTerminal(['run', collection], withoutCi())
    expect(out).toContain(`\r\u001b[K[${'░'.repeat(20)}]  0/2  one`)
    expect(out).toContain(`]  1/2  two`)
    expect(out).toContain(`\r\u001b[K[${'█'.repeat(20)}]  2/2  two\r\u001b[K`)
    const screen = out.replaceAll('\r\n', '\n').replace(/\r\u001b\[K[^\r\n]*?(?=\r\u001b\[K|\n|$)/g, '')
    expect(screen).not.toContain('█')
    expect(lastLine(screen)).toBe('0 passed, 0 failed')
    const silent = await onTerminal(['run', collection, '--silent'], withoutCi())
    expect(silent).toBe('')
    const ci = await onTerminal(['run', collection], { ...withoutCi(), CI: 'true' })
    expect(ci).not.toContain('░')
    expect(lastLine(ci.replaceAll('\r\n', '\n'))).toBe('0 passed, 0 failed')
  })
})
