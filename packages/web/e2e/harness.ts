// Shared parts of the browser tests: the built `courier` binary running `courier ui` on a temp workspace, and
// Debian's Chromium driven by playwright-core with a fresh profile.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type BrowserContext, type Page } from 'playwright-core'

const repo = fileURLToPath(new URL('../../../', import.meta.url))
const courierBin = join(repo, 'packages/cli/bin/courier.js')
// COURIER_E2E_UI_BIN: serve the UI with another build of the CLI (default: this repository's).
const uiBin = process.env['COURIER_E2E_UI_BIN'] ?? courierBin
export const examplesDir = join(repo, 'examples')
export const resultsDir = join(repo, 'test-results')
export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'

/** Runs the built CLI to completion (e.g. `init`), failing on a non-zero exit. */
export function runCourier(args: string[], cwd: string): string {
  const result = spawnSync(process.execPath, [courierBin, ...args], { cwd, encoding: 'utf8' })
  if (result.status !== 0)
    throw new Error(`courier ${args.join(' ')} exited ${result.status}: ${result.stderr}`)
  return result.stdout
}

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix))
}

/** A running `courier ui`. */
export interface CourierUi {
  /** `http://127.0.0.1:PORT/?token=T` as printed. */
  url: string
  origin: string
  stop(): Promise<void>
}

/** Spawns `courier ui --port 0 --no-open` in `workspace` and reads the URL it prints. */
export async function startCourierUi(workspace: string): Promise<CourierUi> {
  const child = spawn(process.execPath, [uiBin, 'ui', workspace, '--port', '0', '--no-open'], {
    cwd: workspace,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8')
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+/.exec(output)
      if (match !== null) resolve(match[0])
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', (code) =>
      reject(new Error(`courier ui exited ${code} before printing its URL:\n${output}`)),
    )
    child.once('error', reject)
  })
  return { url, origin: new URL(url).origin, stop: () => stopChild(child) }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  await exited
}

/** Chromium with a fresh profile, headless, on loopback only. */
export interface Browser {
  context: BrowserContext
  close(): Promise<void>
}

export async function launchChromium(): Promise<Browser> {
  const profile = await tempDir('courier-chromium-')
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1400, height: 900 },
  })
  return {
    context,
    close: async () => {
      await context.close()
      await rm(profile, { recursive: true, force: true })
    },
  }
}

/**
 * A new workspace (`courier init` in a temp folder) with `courier ui` serving it: what every browser test starts from.
 * @example ;({ root, workspace, ui } = await startWorkspaceUi('courier-ui-sidebar-'))
 */
export async function startWorkspaceUi(
  prefix: string,
): Promise<{ root: string; workspace: string; ui: CourierUi }> {
  const root = await tempDir(prefix)
  const workspace = join(root, 'ws')
  runCourier(['init', workspace], root)
  return { root, workspace, ui: await startCourierUi(workspace) }
}

/**
 * Chromium with one page open on the UI's URL (the token becomes the page's cookie), and the screenshots' folder.
 * @example ;({ browser, page } = await openUiPage(ui))
 */
export async function openUiPage(ui: CourierUi): Promise<{ browser: Browser; page: Page }> {
  const browser = await launchChromium()
  const page = await browser.context.newPage()
  await page.goto(ui.url)
  await mkdir(resultsDir, { recursive: true })
  return { browser, page }
}

/**
 * Stops what a test file started, in order: the browser, the UI server, the other servers, then removes the
 * temp folder. Parts never started (a failed beforeAll) are passed over.
 * @example afterAll(() => stopAll({ browser, ui, root }, echo))
 */
export async function stopAll(
  parts: { browser?: Browser | undefined; ui?: CourierUi | undefined; root?: string | undefined },
  ...servers: ({ close(): Promise<void> } | undefined)[]
): Promise<void> {
  await parts.browser?.close()
  await parts.ui?.stop()
  for (const server of servers) await server?.close()
  if (parts.root !== undefined) await rm(parts.root, { recursive: true, force: true })
}

/** A TCP port free right now on 127.0.0.1 (for a loopback redirect URI registered ahead). */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (address === null || typeof address === 'string') throw new TypeError('no port')
  return address.port
}

/** Calls the server's API from the test, as the UI's own origin would (the bearer token from the printed URL). */
export async function callApi(ui: CourierUi, path: string, init: RequestInit = {}): Promise<Response> {
  const token = new URL(ui.url).searchParams.get('token') ?? ''
  return fetch(`${ui.origin}/api/${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...(init.headers ?? {}),
    },
  })
}

/** Imports a Postman v2.1 collection (as an object) through the API; returns its id. */
export async function importCollection(ui: CourierUi, collection: object): Promise<string> {
  const name = (collection as { info?: { name?: string } }).info?.name ?? 'collection'
  const res = await callApi(ui, `import?name=${encodeURIComponent(`${name}.postman_collection.json`)}`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    body: JSON.stringify(collection),
  })
  if (!res.ok) throw new Error(`import ${name}: ${res.status} ${await res.text()}`)
  const imported = (await res.json()) as { id?: string }
  if (imported.id === undefined) throw new Error(`import ${name}: no id in the answer`)
  return imported.id
}

/** A v2.1 collection object with the schema set. */
export function collectionJson(name: string, item: object[], variable: object[] = []): object {
  return {
    info: { name, schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    item,
    variable,
  }
}
