// Run benchmark: `courier run` against `newman run` and a raw HTTP floor, each as its own process, on generated
// collections of 10, 100 and 1,000 GETs to a loopback node:http server started here, without and with scripts
// (a pre-request script setting a variable, a test script with three assertions on the status and the JSON body).
// Wall time and CPU time (user + system, read in each process by report-usage.mjs: steadier than wall time on a
// loaded machine). Also: Courier's peak RSS at 1,000 vs 10,000 requests (no scripts) and the wall time of `courier --version`.
// Run `npm run build` first (or `npm run bench:run`). BENCH_REPEATS (default 3) runs per figure; medians are printed.
// Goals: ≤ 0.1× Newman at 1,000 requests with scripts; ≤ 2× the floor without scripts; RSS 10k/1k ≤ 1.2.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const repoRoot = path.resolve(here, '../..')
const courierBin = path.join(repoRoot, 'packages/cli/bin/courier.js')
const newmanBin = path.join(repoRoot, 'node_modules/newman/bin/newman.js')
const floorScript = path.join(here, 'floor.mjs')
const usageHook = path.join(here, 'report-usage.mjs')
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3)
const SIZES = [10, 100, 1000]
const RSS_SIZES = [1000, 10_000]

// ---- the loopback server ----------------------------------------------------------------------------------------
const items = Array.from({ length: 20 }, (_, i) => ({ i, name: `item ${i}` }))
const server = createServer((req, res) => {
  const id = Number(/^\/items\/(\d+)$/.exec(req.url ?? '')?.[1] ?? -1)
  req.resume()
  const body = JSON.stringify({ ok: true, id, items })
  res
    .writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
    .end(body)
})
server.keepAliveTimeout = 10_000
server.listen(0, '127.0.0.1')
await once(server, 'listening')
const base = `http://127.0.0.1:${server.address().port}`

// ---- generated collections --------------------------------------------------------------------------------------
const prerequest = (i) => [`pm.variables.set('expected', ${i})`]
const tests = [
  "pm.test('status is 200', function () { pm.response.to.have.status(200) })",
  "pm.test('body is ok', function () { pm.expect(pm.response.json().ok).to.equal(true) })",
  "pm.test('body has the item', function () {",
  '  const body = pm.response.json()',
  "  pm.expect(body.id).to.equal(pm.variables.get('expected'))",
  '  pm.expect(body.items).to.have.lengthOf(20)',
  '})',
]
function collection(size, { scripts }) {
  return {
    info: {
      name: `bench ${size}${scripts ? ' with scripts' : ''}`,
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    },
    item: Array.from({ length: size }, (_, i) => ({
      name: `request ${i}`,
      ...(scripts
        ? {
            event: [
              { listen: 'prerequest', script: { type: 'text/javascript', exec: prerequest(i) } },
              { listen: 'test', script: { type: 'text/javascript', exec: tests } },
            ],
          }
        : {}),
      request: { method: 'GET', url: `${base}/items/${i}` },
    })),
  }
}
const dir = mkdtempSync(path.join(tmpdir(), 'courier-bench-run-'))
const fileFor = (size, scripts) => {
  const file = path.join(dir, `bench-${size}${scripts ? '-scripts' : ''}.postman_collection.json`)
  writeFileSync(file, JSON.stringify(collection(size, { scripts })))
  return file
}

// ---- measuring a process ----------------------------------------------------------------------------------------
/** Runs `node args…` to its end; resolves its wall time (ms), CPU time (ms) and peak RSS (kB). */
async function timeProcess(args) {
  const start = performance.now()
  const child = spawn(process.execPath, ['--import', usageHook, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    cwd: repoRoot,
  })
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (text) => (stderr += text))
  const [code] = await once(child, 'exit')
  const wallMs = performance.now() - start
  if (code !== 0) throw new Error(`node ${args.join(' ')} exited ${code}:\n${stderr}`)
  const usage = /peak-rss-kb (\d+) cpu-ms ([\d.]+)/.exec(stderr)
  if (usage === null) throw new Error(`node ${args.join(' ')} reported no usage:\n${stderr}`)
  return { wallMs, cpuMs: Number(usage[2]), rssKb: Number(usage[1]) }
}
const courier = (file) => timeProcess([courierBin, 'run', file, '--no-proxy'])
const newman = (file) => timeProcess([newmanBin, 'run', file])
const floor = (size) => timeProcess([floorScript, `${base}/items/`, String(size)])

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
const ms = (value) => `${value.toFixed(0)} ms`
const ratio = (a, b) => `×${(a / b).toFixed(2)}`

// ---- the runs ---------------------------------------------------------------------------------------------------
const rows = []
const courierRss = new Map()
try {
  // Warm the file system cache and the JIT caches of each tool once.
  await courier(fileFor(10, true))
  await newman(fileFor(10, true))
  await floor(10)
  for (const size of SIZES) {
    const floorRuns = []
    const runs = { false: { courier: [], newman: [] }, true: { courier: [], newman: [] } }
    const files = { false: fileFor(size, false), true: fileFor(size, true) }
    // Contenders alternate within each repeat, so drift (other load, CPU boost) hits them alike.
    for (let repeat = 0; repeat < REPEATS; repeat++) {
      floorRuns.push(await floor(size))
      for (const scripts of [false, true]) {
        const ours = await courier(files[scripts])
        runs[scripts].courier.push(ours)
        if (!scripts) courierRss.set(size, [...(courierRss.get(size) ?? []), ours.rssKb])
        runs[scripts].newman.push(await newman(files[scripts]))
      }
    }
    const medians = (list) => ({
      wallMs: median(list.map((run) => run.wallMs)),
      cpuMs: median(list.map((run) => run.cpuMs)),
    })
    for (const scripts of [false, true]) {
      rows.push({
        size,
        scripts,
        courier: medians(runs[scripts].courier),
        newman: medians(runs[scripts].newman),
        floor: medians(floorRuns),
      })
    }
    process.stderr.write(`done: ${size} requests\n`)
  }
  for (const size of RSS_SIZES.filter((size) => !courierRss.has(size))) {
    const file = fileFor(size, false)
    for (let repeat = 0; repeat < REPEATS; repeat++) {
      const { rssKb } = await courier(file)
      courierRss.set(size, [...(courierRss.get(size) ?? []), rssKb])
    }
  }
  const versionTimes = []
  for (let repeat = 0; repeat < Math.max(5, REPEATS); repeat++)
    versionTimes.push((await timeProcess([courierBin, '--version'])).wallMs)

  // ---- report ---------------------------------------------------------------------------------------------------
  console.log(`courier run vs newman run vs raw HTTP floor (node ${process.version}, median of ${REPEATS})`)
  for (const measure of ['wallMs', 'cpuMs']) {
    console.log(`\n${measure === 'wallMs' ? 'wall time' : 'CPU time (user + system, all threads)'}\n`)
    console.log('| requests | scripts | courier | newman | floor | courier/newman | courier/floor |')
    console.log('|---|---|---|---|---|---|---|')
    for (const { size, scripts, courier: c, newman: n, floor: f } of rows)
      console.log(
        `| ${size} | ${scripts ? 'yes' : 'no'} | ${ms(c[measure])} | ${ms(n[measure])} | ${ms(f[measure])} | ` +
          `${ratio(c[measure], n[measure])} | ${ratio(c[measure], f[measure])} |`,
      )
  }
  const [smallRss, largeRss] = RSS_SIZES.map((size) => median(courierRss.get(size)))
  console.log(
    `\ncourier peak RSS without scripts: ${(smallRss / 1024).toFixed(0)} MB at ${RSS_SIZES[0]}, ` +
      `${(largeRss / 1024).toFixed(0)} MB at ${RSS_SIZES[1]} (${ratio(largeRss, smallRss)}; goal ≤ ×1.2)`,
  )
  console.log(`courier --version: ${ms(median(versionTimes))}`)
  const scripted = rows.find((row) => row.size === 1000 && row.scripts)
  const plain = rows.find((row) => row.size === 1000 && !row.scripts)
  const verdict = (value, goal) => `×${value.toFixed(2)} ${value <= goal ? 'met' : 'MISSED'}`
  console.log(
    `\ngoal 1,000 with scripts ≤ ×0.10 Newman (wall): ` +
      verdict(scripted.courier.wallMs / scripted.newman.wallMs, 0.1),
  )
  console.log(
    `goal 1,000 without scripts ≤ ×2 floor (wall): ${verdict(plain.courier.wallMs / plain.floor.wallMs, 2)}`,
  )
  console.log(`goal RSS 10k/1k ≤ ×1.2: ${verdict(largeRss / smallRss, 1.2)}`)
} finally {
  server.close()
  server.closeAllConnections()
  rmSync(dir, { recursive: true, force: true })
}
