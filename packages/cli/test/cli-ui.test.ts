// Issue #7: `courier ui [workspace] [--port N] [--no-open]` as a user runs it — the URL on stdout, the browser
// ($BROWSER) opened on it, a clean stop on SIGTERM, a clear error outside a workspace, and an import refused with
// the same message as `courier import`.
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { describe, expect, it } from 'vitest'
import { courierBin, runCli } from './run-cli.js'

async function newWorkspace(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'courier-ui-cli-'))
  expect((await runCli(['init', root])).code).toBe(0)
  return root
}

// Starts `courier ui`, resolves with the first line of its stdout (the URL) and a way to stop it.
async function launch(args: string[], env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, [courierBin, 'ui', ...args], {
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve))
  const lines = createInterface({ input: child.stdout })
  const url = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve)
    child.once('close', () => reject(new Error(`courier ui exited: ${stderr}`)))
  })
  return {
    url,
    stderr: () => stderr,
    async stop() {
      child.kill('SIGTERM')
      return exited
    },
  }
}

describe('courier ui', () => {
  it('prints the URL with its token, serves the workspace behind it, and stops cleanly on SIGTERM', async () => {
    const root = await newWorkspace()
    const ui = await launch([root, '--port', '0', '--no-open'])
    try {
      expect(ui.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/)
      const entry = await fetch(ui.url, { redirect: 'manual' })
      expect(entry.status).toBe(302)
      const cookie = (entry.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
      const origin = new URL(ui.url).origin
      const workspace = await fetch(`${origin}/api/workspace`, { headers: { cookie } })
      expect(((await workspace.json()) as { root: string }).root).toBe(root)
      expect((await fetch(`${origin}/api/workspace`)).status).toBe(401)
    } finally {
      expect(await ui.stop()).toBe(0)
    }
    expect(ui.stderr()).toContain('Courier UI stopped')
  })

  it('opens $BROWSER on the URL unless --no-open', async () => {
    const root = await newWorkspace()
    const log = join(root, 'browser.txt')
    const browser = join(root, 'record-url.mjs')
    await writeFile(
      browser,
      "import { writeFileSync } from 'node:fs'\nwriteFileSync(process.env.URL_LOG, process.argv[2])\n",
    )
    const ui = await launch([root, '--port', '0'], {
      BROWSER: `${process.execPath} ${browser}`,
      URL_LOG: log,
    })
    try {
      // The browser process was started before the command went on waiting; give it the time it takes to write.
      await expect.poll(() => readFile(log, 'utf8').catch(() => ''), { timeout: 10_000 }).toBe(ui.url)
    } finally {
      await ui.stop()
    }
  })

  it('says how to make a workspace when there is none', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'courier-ui-none-'))
    const result = await runCli(['ui', empty, '--no-open'])
    expect(result.code).not.toBe(0)
    expect(result.stderr).toContain('no Courier workspace')
    expect(result.stderr).toContain('courier init')
    expect(result.stdout).toBe('')
  })

  it('refuses a bad file on import with the same message as `courier import`', async () => {
    const root = await newWorkspace()
    const file = join(root, 'broken.postman_collection.json')
    const text = '{\n  "info": { "name": "x" },\n  "item": [ }\n'
    await writeFile(file, text)
    const cli = await runCli(['import', file, '-w', root])
    expect(cli.code).not.toBe(0)
    const ui = await launch([root, '--port', '0', '--no-open'])
    try {
      const origin = new URL(ui.url).origin
      const token = new URL(ui.url).searchParams.get('token') ?? ''
      const res = await fetch(`${origin}/api/import?name=${encodeURIComponent(file)}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: text,
      })
      expect(res.status).toBe(400)
      const { error } = (await res.json()) as { error: { message: string } }
      expect(error.message).toMatch(/broken\.postman_collection\.json:3:\d+: /)
      expect(cli.stderr).toContain(`error: ${error.message}\n`)
    } finally {
      await ui.stop()
    }
  })
})
