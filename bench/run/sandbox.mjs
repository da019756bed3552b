// The script sandbox's cost per script, through the public engine API (`node bench/run/sandbox.mjs` after
// `npm run build`): an empty script, a pre-request `pm.variables.set`, and bench/run's test script (three pm.tests),
// 1,000 runs each after 100 warm-up runs, in one realm as a run's scripts are (ADR 0008: the built-ins are checked
// when the run ends, pm after each script), next to a bare worker-thread round trip carrying the same message. Wall
// time and CPU time (this process and its worker) per script. BENCH_CORE names another @courier/core entry (e.g. a
// checkout's `packages/core/src/index.ts`, run with `npx tsx`) to compare two versions at the same moment.
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'

const core = process.env.BENCH_CORE
  ? pathToFileURL(process.env.BENCH_CORE).href
  : new URL('../../packages/core/dist/index.js', import.meta.url).href
const { createQuickJsScriptEngine } = await import(core)

const RUNS = 1000
const body = JSON.stringify({
  ok: true,
  id: 5,
  items: Array.from({ length: 20 }, (_, i) => ({ i, name: `item ${i}` })),
})
const input = (code, event) => ({
  event,
  code,
  origin: `request 5 › ${event}`,
  request: { method: 'GET', url: 'http://127.0.0.1/items/5', headers: [{ key: 'Accept', value: '*/*' }] },
  ...(event === 'test'
    ? {
        response: {
          code: 200,
          status: 'OK',
          headers: [{ key: 'Content-Type', value: 'application/json' }],
          body,
          responseTime: 1,
          responseSize: body.length,
        },
      }
    : {}),
  scopes: {
    globals: [],
    collection: [],
    environment: [],
    iterationData: [],
    local: [{ key: 'expected', value: 5 }],
  },
  info: { requestName: 'request 5', requestId: 'r5', iteration: 0, iterationCount: 1, eventName: event },
})
const tests = [
  "pm.test('status is 200', function () { pm.response.to.have.status(200) })",
  "pm.test('body is ok', function () { pm.expect(pm.response.json().ok).to.equal(true) })",
  "pm.test('body has the item', function () {",
  '  const body = pm.response.json()',
  "  pm.expect(body.id).to.equal(pm.variables.get('expected'))",
  '  pm.expect(body.items).to.have.lengthOf(20)',
  '})',
].join('\n')
const cases = [
  ['empty test script', input('', 'test')],
  ["pm.variables.set('expected', 5)", input("pm.variables.set('expected', 5)", 'prerequest')],
  ['three pm.tests on the JSON body', input(tests, 'test')],
]

const engine = createQuickJsScriptEngine()
for (const [name, script] of cases) {
  for (let i = 0; i < 100; i++) await engine.run(script, { timeoutMs: 0, realm: 'bench' })
  const start = performance.now()
  const cpu = process.cpuUsage()
  for (let i = 0; i < RUNS; i++) await engine.run(script, { timeoutMs: 0, realm: 'bench' })
  const { user, system } = process.cpuUsage(cpu)
  const wallMs = (performance.now() - start) / RUNS
  const cpuMs = (user + system) / 1000 / RUNS
  console.log(`${name.padEnd(34)} ${wallMs.toFixed(3)} ms a script, ${cpuMs.toFixed(3)} ms of CPU`)
}
await engine.close()

const worker = new Worker(
  "const { parentPort } = require('node:worker_threads'); parentPort.on('message', (m) => parentPort.postMessage(m))",
  { eval: true },
)
const message = { id: 1, input: cases[2][1], timeoutMs: 10_000 }
const roundTrip = () =>
  new Promise((resolve) => {
    worker.once('message', resolve)
    worker.postMessage(message)
  })
for (let i = 0; i < 100; i++) await roundTrip()
const start = performance.now()
for (let i = 0; i < RUNS; i++) await roundTrip()
console.log(`${'bare worker round trip'.padEnd(34)} ${((performance.now() - start) / RUNS).toFixed(3)} ms`)
await worker.terminate()
