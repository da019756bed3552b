// Workspace benchmark: a generated workspace of 5,000 requests (50 folders × 100, headers, JSON bodies, scripts on
// some, an example on every tenth) in a temporary folder. Measures, in this process:
//   open:  Workspace.open (read every file, parse the changed ones, build the model) vs the floor: reading the
//          same files as text (readFileSync)
//   save:  one request edited and saved (render + stale check + atomic write + fsync) vs the floor: writeFileAtomic
//          of that one file
// and a cold open in a fresh node process (startup included). Run `npm run build` first.
// Goals (issue #5): open < 1 s, save < 20 ms.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'

import { Workspace, writeFileAtomic } from '../../packages/storage/dist/index.js'

const FOLDERS = Number(process.env.BENCH_FOLDERS ?? 50)
const PER_FOLDER = Number(process.env.BENCH_PER_FOLDER ?? 100)
const OPENS = 5
const SAVES = 50

function request(f, r) {
  const n = f * PER_FOLDER + r
  return {
    name: `Request ${n}`,
    request: {
      method: n % 3 === 0 ? 'POST' : 'GET',
      header: [
        { key: 'Accept', value: 'application/json' },
        { key: 'X-Trace', value: `{{trace}}-${n}`, disabled: n % 5 === 0 },
      ],
      url: {
        raw: `{{baseUrl}}/folders/${f}/items/${n}?page=1`,
        host: ['{{baseUrl}}'],
        path: ['folders', String(f), 'items', String(n)],
        query: [{ key: 'page', value: '1' }],
      },
      ...(n % 3 === 0
        ? {
            body: {
              mode: 'raw',
              raw: JSON.stringify({ id: n, name: `item ${n}` }, null, 2),
              options: { raw: { language: 'json' } },
            },
          }
        : {}),
    },
    ...(n % 4 === 0
      ? {
          event: [
            {
              listen: 'test',
              script: {
                type: 'text/javascript',
                exec: ['pm.test("ok", () => pm.response.to.have.status(200))'],
              },
            },
          ],
        }
      : {}),
    response:
      n % 10 === 0
        ? [
            {
              name: '200 OK',
              code: 200,
              status: 'OK',
              header: [{ key: 'Content-Type', value: 'application/json' }],
              body: '{"ok":true}',
            },
          ]
        : [],
  }
}

const collection = {
  info: {
    name: 'Bench',
    _postman_id: '00000000-0000-4000-8000-000000000000',
    schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
  },
  item: Array.from({ length: FOLDERS }, (_, f) => ({
    name: `Folder ${f}`,
    item: Array.from({ length: PER_FOLDER }, (_, r) => request(f, r)),
  })),
  variable: [{ key: 'baseUrl', value: 'https://api.example.test' }],
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const fmt = (ms) => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`

const root = await mkdtemp(join(tmpdir(), 'courier-bench-ws-'))
try {
  let t = performance.now()
  const created = await Workspace.init(root)
  await created.addCollection(collection)
  const writeMs = performance.now() - t
  const files = (await readdir(join(root, 'postman'), { recursive: true, withFileTypes: true })).filter((e) =>
    e.isFile(),
  )
  console.log(
    `workspace: ${FOLDERS * PER_FOLDER} requests, ${files.length} files, written in ${fmt(writeMs)}`,
  )

  const opens = []
  const floors = []
  let ws
  for (let i = 0; i < OPENS; i++) {
    t = performance.now()
    for (const e of files) readFileSync(join(e.parentPath, e.name), 'utf8')
    floors.push(performance.now() - t)
    t = performance.now()
    ws = await Workspace.open(root)
    opens.push(performance.now() - t)
  }
  if (ws.problems.length > 0) throw new Error(`problems: ${JSON.stringify(ws.problems.slice(0, 3))}`)

  const cold = []
  for (let i = 0; i < 3; i++) {
    const script = `const s=performance.now();const {Workspace}=await import(${JSON.stringify(new URL('../../packages/storage/dist/index.js', import.meta.url).href)});await Workspace.open(${JSON.stringify(root)});console.log(performance.now()-s)`
    t = performance.now()
    const out = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })
    if (out.status !== 0) throw new Error(out.stderr)
    cold.push(performance.now() - t)
  }

  // What a user runs: the bundled CLI listing the workspace (node start, the CLI bundle, open, print).
  const courierBin = new URL('../../packages/cli/bin/courier.js', import.meta.url).pathname
  const coldCli = []
  for (let i = 0; i < 3; i++) {
    t = performance.now()
    const out = spawnSync(process.execPath, [courierBin, 'ls', '-w', root], { encoding: 'utf8' })
    if (out.status !== 0) throw new Error(out.stderr)
    coldCli.push(performance.now() - t)
  }

  const saves = []
  const rawSaves = []
  let current = ws.collection('Bench')
  const target = join(root, 'postman', 'collections', 'Bench', 'raw-floor.yaml')
  for (let i = 0; i < SAVES; i++) {
    const folder = current.collection.item[7]
    const item = folder.item[42]
    const edited = { ...item, request: { ...item.request, method: i % 2 === 0 ? 'PUT' : 'PATCH' } }
    const next = {
      ...current.collection,
      item: current.collection.item.map((f, fi) =>
        fi === 7 ? { ...f, item: f.item.map((it, ii) => (ii === 42 ? edited : it)) } : f,
      ),
    }
    t = performance.now()
    current = await ws.saveCollection(current.dir, next)
    saves.push(performance.now() - t)
    t = performance.now()
    await writeFileAtomic(target, `method: ${i}\n`)
    rawSaves.push(performance.now() - t)
  }

  console.log('')
  console.log('| measure | Courier | floor | ratio | goal |')
  console.log('|---|---|---|---|---|')
  console.log(
    `| open 5,000 requests (in process, median of ${OPENS}) | ${fmt(median(opens))} | ${fmt(median(floors))} (read files as text) | ×${(median(opens) / median(floors)).toFixed(1)} | < 1 s |`,
  )
  console.log(
    `| open, cold process (node start + import + open, median of 3) | ${fmt(median(cold))} | | | < 1 s |`,
  )
  console.log(
    `| \`courier ls\`, cold process (the bundled CLI: start + open + print, median of 3) | ${fmt(median(coldCli))} | | | < 1 s |`,
  )
  console.log(
    `| save one request (median of ${SAVES}) | ${fmt(median(saves))} | ${fmt(median(rawSaves))} (writeFileAtomic of one file) | ×${(median(saves) / median(rawSaves)).toFixed(1)} | < 20 ms |`,
  )
} finally {
  if (process.env.BENCH_KEEP === undefined) await rm(root, { recursive: true, force: true })
  else console.log(`kept: ${root}`)
}
