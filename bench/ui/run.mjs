// UI benchmark (issue #7): how soon a 5,000-request workspace's tree is interactive in Chromium, and how much
// JavaScript the client makes the browser load first (gzipped). Run `npm run build` first.
//   tree:  page.goto(url with token) → the collection row is visible → click it → click the first folder → its
//          requests show → End → the last folder shows (the virtualised tree answers). Median of RUNS fresh page
//          loads, after one warm-up.
//   js:    the scripts index.html loads at start (entry + modulepreloads), gzipped (level 9); CodeMirror is a
//          separate chunk loaded when an editor opens, reported apart.
// Goals: tree interactive < 1.5 s; initial JS < 400 KB gzipped.
import { spawn, spawnSync } from 'node:child_process'
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'

const repo = fileURLToPath(new URL('../../', import.meta.url))
const courier = join(repo, 'packages/cli/bin/courier.js')
const uiBin = process.env.COURIER_E2E_UI_BIN ?? courier
const clientDir = join(repo, 'packages/web/dist/client')
const FOLDERS = Number(process.env.BENCH_FOLDERS ?? 50)
const PER_FOLDER = Number(process.env.BENCH_PER_FOLDER ?? 100)
const RUNS = 5
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

function initialJavaScript() {
  const html = readFileSync(join(clientDir, 'index.html'), 'utf8')
  const initial = [
    ...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/?([^"]+\.js)"/g),
  ].map((m) => m[1])
  const all = readdirSync(join(clientDir, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`)
  const size = (files) =>
    files.reduce(
      (sum, file) => {
        const bytes = readFileSync(join(clientDir, file))
        return { raw: sum.raw + bytes.length, gzip: sum.gzip + gzipSync(bytes, { level: 9 }).length }
      },
      { raw: 0, gzip: 0 },
    )
  return { initial: size(initial), lazy: size(all.filter((f) => !initial.includes(f))), files: initial }
}

function collection() {
  return {
    info: {
      name: 'Bench UI',
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    },
    item: Array.from({ length: FOLDERS }, (_, f) => ({
      name: `Folder ${f}`,
      item: Array.from({ length: PER_FOLDER }, (_, r) => ({
        name: `Request ${f * PER_FOLDER + r}`,
        request: { method: r % 3 === 0 ? 'POST' : 'GET', url: `{{baseUrl}}/folders/${f}/items/${r}` },
      })),
    })),
  }
}

async function startUi(workspace) {
  const child = spawn(process.execPath, [uiBin, 'ui', workspace, '--port', '0', '--no-open'], {
    cwd: workspace,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let output = ''
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+/.exec(output)
      if (match) resolve(match[0])
    })
    child.once('exit', (code) => reject(new Error(`courier ui exited ${code}: ${output}`)))
  })
  return { url, stop: () => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM'))) }
}

async function closeTree(ui) {
  const url = new URL(ui.url)
  const answer = await fetch(`${url.origin}/api/ui-state`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${url.searchParams.get('token')}`, 'content-type': 'application/json' },
    body: JSON.stringify({ expanded: [] }),
  })
  if (!answer.ok) throw new Error(`PUT /api/ui-state: ${answer.status}`)
}

const js = initialJavaScript()
const root = await mkdtemp(join(tmpdir(), 'courier-bench-ui-'))
const workspace = join(root, 'ws')
const file = join(root, 'bench-ui.postman_collection.json')
writeFileSync(file, JSON.stringify(collection()))
for (const args of [
  ['init', workspace],
  ['import', file, '--workspace', workspace],
]) {
  const result = spawnSync(process.execPath, [courier, ...args], { encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`courier ${args[0]}: ${result.stderr}`)
}
const ui = await startUi(workspace)
const profile = await mkdtemp(join(tmpdir(), 'courier-bench-chromium-'))
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
})
const visible = []
const interactive = []
try {
  for (let run = 0; run <= RUNS; run += 1) {
    // The tree's open rows are kept in UI state: each run starts from a closed tree, as the first did.
    await closeTree(ui)
    const page = await context.newPage()
    const start = performance.now()
    await page.goto(ui.url)
    const row = page.getByRole('treeitem', { name: 'Bench UI', exact: true })
    await row.waitFor()
    const shown = performance.now() - start
    await row.click()
    await page.getByRole('treeitem', { name: 'Folder 0', exact: true }).click()
    await page.getByRole('treeitem', { name: 'Request 1', exact: true }).waitFor()
    await page.getByRole('tree', { name: 'Collections' }).focus()
    // The end of the (virtualised) list: End on the focused tree scrolls there.
    await page.keyboard.press('End')
    await page.getByRole('treeitem', { name: `Folder ${FOLDERS - 1}`, exact: true }).waitFor()
    const ready = performance.now() - start
    if (run > 0) {
      visible.push(shown)
      interactive.push(ready)
    }
    await page.close()
  }
} finally {
  await context.close()
  await ui.stop()
  await rm(profile, { recursive: true, force: true })
  await rm(root, { recursive: true, force: true })
}

const tree = median(interactive)
console.log(
  `courier ui bench: ${FOLDERS * PER_FOLDER} requests in ${FOLDERS} folders, median of ${RUNS} page loads`,
)
console.log(`  tree visible           ${median(visible).toFixed(0)} ms`)
console.log(
  `  tree interactive       ${tree.toFixed(0)} ms   (goal 1500 ms: ${(tree / 1500).toFixed(2)}× the budget)`,
)
console.log(
  `  initial JS (gzip)      ${kb(js.initial.gzip)}   (${kb(js.initial.raw)} raw; goal 400 KB: ${(js.initial.gzip / 1024 / 400).toFixed(2)}× the budget)`,
)
console.log(
  `  lazy JS (CodeMirror)   ${kb(js.lazy.gzip)}   (${kb(js.lazy.raw)} raw, loaded when an editor opens)`,
)
