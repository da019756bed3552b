// The GoTo guide end to end, from the CLI, against the GoTo sandbox on 127.0.0.1: log in (browser played by a
// script named in $BROWSER, or the manual paste), token with Basic client auth, "Get Organizer" with the token's
// organizer_key, expiry → refresh, a new process still has the token, and failures with clear messages.
import { execFile, spawn } from 'node:child_process'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { startGotoSandbox, type GotoSandbox } from '@courier/goto-sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { gotoCollection } from './goto-collection.js'
import { courierBin, freePort, runCli } from './run-cli.js'

const fakeBrowser = fileURLToPath(new URL('./fixtures/fake-browser.mjs', import.meta.url))

let sandbox: GotoSandbox
let folder: string
let collection: string
let environment: string
let callbackUrl: string
let env: NodeJS.ProcessEnv

async function writeEnvironment(path: string, values: Record<string, string>): Promise<void> {
  const entries = Object.entries(values).map(([key, value]) => ({
    key,
    value,
    type: key === 'clientSecret' ? 'secret' : 'default',
    enabled: true,
  }))
  await writeFile(path, JSON.stringify({ name: 'GoTo sandbox', values: entries }, null, '\t'))
}

beforeAll(async () => {
  callbackUrl = `http://127.0.0.1:${await freePort()}/callback`
  sandbox = await startGotoSandbox({
    clients: [
      { clientId: 'courier-test', clientSecret: 's3cret-of-the-client', redirectUris: [callbackUrl] },
    ],
  })
  folder = await mkdtemp(join(tmpdir(), 'courier-goto-'))
  collection = join(folder, 'GoToMeeting.postman_collection.json')
  environment = join(folder, 'GoTo.postman_environment.json')
  await writeFile(collection, JSON.stringify(gotoCollection(), null, '\t'))
  await writeEnvironment(environment, {
    baseUrl: sandbox.url,
    authUrl: sandbox.authorizeUrl,
    tokenUrl: sandbox.tokenUrl,
    clientId: 'courier-test',
    clientSecret: 's3cret-of-the-client',
    callbackUrl,
  })
  env = {
    BROWSER: `${process.execPath} ${fakeBrowser}`,
    FAKE_BROWSER_LOG: join(folder, 'browser.log'),
    XDG_STATE_HOME: join(folder, 'state'),
  }
})

afterAll(async () => {
  await sandbox.close()
})

describe('the GoTo guide from the CLI', () => {
  it('logs in through the browser and stores the token with its GoTo fields, outside the collection', async () => {
    const before = await Promise.all([readFile(collection, 'utf8'), readFile(environment, 'utf8')])
    const login = await runCli(['auth', 'login', collection, '-e', environment, '--timeout', '20'], { env })
    expect(login.stderr).toContain(sandbox.authorizeUrl)
    expect(login.code).toBe(0)
    expect(login.stdout).toMatch(
      /Token "GoToMeeting" \(Bearer, expires .*refreshable\); fields: .*organizer_key/,
    )
    // Nothing secret in what was printed, and the tracked files are byte for byte what they were.
    expect(login.stdout + login.stderr).not.toContain('s3cret-of-the-client')
    expect(await Promise.all([readFile(collection, 'utf8'), readFile(environment, 'utf8')])).toEqual(before)
    // The token endpoint was called with Basic client authentication (the sandbox refuses anything else).
    expect(
      sandbox.log.filter((entry) => entry.path === '/oauth/token').map((entry) => entry.status),
    ).toContain(200)
  })

  it('sends "Get Organizer" with the token and the organizer_key it carries: 200 and the organizer', async () => {
    const result = await runCli(['send', collection, 'Organizers/Get Organizer', '-e', environment], { env })
    expect(result.code).toBe(0)
    expect(result.stderr).toMatch(/^200 OK/)
    expect(JSON.parse(result.stdout)).toMatchObject({ email: 'ada@example.com' })
  })

  it('keeps the token for a new process, and shows it only with --show-secrets', async () => {
    const list = await runCli(['auth', 'list', '--json'], { env })
    expect(list.code).toBe(0)
    const [summary] = JSON.parse(list.stdout)
    expect(summary).toMatchObject({
      name: 'GoToMeeting',
      tokenType: 'Bearer',
      hasRefreshToken: true,
      expired: false,
    })
    expect(list.stdout).not.toMatch(/"accessToken"/)
    const hidden = await runCli(['auth', 'token', 'GoToMeeting'], { env })
    expect(hidden.stdout).toMatch(/^Token "GoToMeeting"/)
    const shown = await runCli(['auth', 'token', 'GoToMeeting', '--show-secrets'], { env })
    expect(shown.stdout.trim()).toMatch(/^[\w.~+/=-]{16,}$/)
  })

  it('refreshes an expired token by itself and retries once on a 401', async () => {
    sandbox.expireAccessTokens()
    const refreshesBefore = sandbox.log.filter((entry) => entry.path === '/oauth/token').length
    const result = await runCli(['send', collection, 'Get Me', '-e', environment], { env })
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({ email: 'ada@example.com' })
    expect(sandbox.log.filter((entry) => entry.path === '/oauth/token').length).toBe(refreshesBefore + 1)
  })

  it('logs in the manual way: the user pastes the redirect URL from the browser', async () => {
    const child = spawn(
      process.execPath,
      [courierBin, 'auth', 'login', collection, '-e', environment, '--manual'],
      {
        env: { ...process.env, ...env, BROWSER: 'true', NO_COLOR: '1' },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    )
    let stderr = ''
    let stdout = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    const authorizationUrl = await new Promise<string>((resolve) => {
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk
        const match = /(http:\/\/127\.0\.0\.1:\d+\/oauth\/authorize\?\S+)/.exec(stderr)
        if (match?.[1] !== undefined && stderr.includes('Paste')) resolve(match[1])
      })
    })
    // The user signs in and clicks Allow in their own browser, then copies the address it landed on.
    const { stdout: landedOn } = await promisify(execFile)(
      process.execPath,
      [fakeBrowser, authorizationUrl],
      {
        env: { ...process.env, FAKE_BROWSER_STOP_AT_REDIRECT: '1' },
      },
    )
    expect(landedOn).toContain(`${callbackUrl}?code=`)
    child.stdin.end(landedOn)
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect([code, stderr]).toEqual([0, expect.stringContaining('Paste')])
    expect(stdout).toMatch(/Token "GoToMeeting"/)
  })

  it('says what to fix for a wrong client secret, without printing it', async () => {
    const wrong = join(folder, 'wrong.postman_environment.json')
    await writeEnvironment(wrong, {
      baseUrl: sandbox.url,
      authUrl: sandbox.authorizeUrl,
      tokenUrl: sandbox.tokenUrl,
      clientId: 'courier-test',
      clientSecret: 'not-the-secret',
      callbackUrl,
    })
    const result = await runCli(['auth', 'login', collection, '-e', wrong, '--timeout', '20'], { env })
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^error: .*invalid_client/m)
    expect(result.stderr).not.toContain('not-the-secret')
  })

  it('reports a denied consent', async () => {
    const result = await runCli(['auth', 'login', collection, '-e', environment, '--timeout', '20'], {
      env: { ...env, FAKE_BROWSER_DECISION: 'deny' },
    })
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^error: .*access_denied|denied/m)
  })

  it('deletes a token with logout', async () => {
    expect((await runCli(['auth', 'logout', 'GoToMeeting'], { env })).code).toBe(0)
    const list = await runCli(['auth', 'list', '--json'], { env })
    expect(JSON.parse(list.stdout)).toEqual([])
    const send = await runCli(['send', collection, 'Get Me', '-e', environment], { env })
    expect(send.code).toBe(1)
    expect(send.stderr).toMatch(/courier auth login/)
  })
})
