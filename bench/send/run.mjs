// Send benchmark: 1,000 sequential GETs to a local node:http server through `createUndiciTransport().send` and
// through bare `undici.request` (the floor) and through the whole engine (prepareRequest + sendRequest) in the same
// process. Run `npm run build` first. Prints the median and total per contender and the ratio to the floor.
// Goal: the engine ≤ 1.3 × undici.request.
import { createServer } from 'node:http'
import { once } from 'node:events'
import { performance } from 'node:perf_hooks'

import { Agent, request } from 'undici'

import {
  createAuthHandler,
  createCookieJar,
  createUndiciTransport,
  defaultRequestSettings,
  findRequest,
  prepareRequest,
  sendRequest,
  systemClock,
  systemRandom,
} from '../../packages/core/dist/index.js'

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000)
const WARMUP = 200
const ROUNDS = 5 // contenders alternate in rounds so drift (GC, CPU boost) hits them alike

const payload = Buffer.from(
  JSON.stringify({ ok: true, items: Array.from({ length: 20 }, (_, i) => ({ i })) }),
)
const server = createServer((req, res) => {
  req.resume()
  req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(payload))
})
let connections = 0
server.on('connection', () => connections++)
server.listen(0, '127.0.0.1')
await once(server, 'listening')
const url = `http://127.0.0.1:${server.address().port}/bench`

const settings = {
  strictSSL: defaultRequestSettings.strictSSL,
  insecureHTTPParser: false,
  timeoutMs: 0,
  connectTimeoutMs: defaultRequestSettings.connectTimeoutMs,
  maxResponseBytes: defaultRequestSettings.maxResponseBytes,
}

// What `courier send` does per request: a collection request with a variable, bearer auth inherited from the
// collection, the system headers, a cookie jar.
const collection = {
  info: { name: 'bench', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
  auth: { type: 'bearer', bearer: [{ key: 'token', value: '{{token}}', type: 'string' }] },
  item: [{ name: 'get', request: { method: 'GET', url: '{{base}}/bench?page=1' } }],
}
const scopes = {
  environment: [
    { key: 'base', value: url.replace(/\/bench$/, '') },
    { key: 'token', value: 'bench-token', type: 'secret' },
  ],
}
const files = { read: () => Promise.reject(new Error('no files')) }

// The floor sends the very request the engine sends (same URL and headers: system headers, Authorization), so the
// ratio measures the engine's own work, not the bytes of a bigger request.
const sample = await prepareRequest(findRequest(collection, 'get', { source: 'bench' }), { scopes, files })
const wireHeaders = [...sample.request.headers, { key: 'Authorization', value: 'Bearer bench-token' }]
const sameUrl = sample.request.url

/** Contenders: `setup()` returns `{ send(), close() }`; `send()` performs one GET and reads the whole body. */
const contenders = [
  {
    name: 'undici.request (floor)',
    floor: true,
    setup() {
      const dispatcher = new Agent()
      return {
        async send() {
          const response = await request(sameUrl, {
            dispatcher,
            headers: wireHeaders.flatMap(({ key, value }) => [key, value]),
          })
          await response.body.arrayBuffer()
        },
        close: () => dispatcher.close(),
      }
    },
  },
  {
    name: 'createUndiciTransport().send',
    setup() {
      const transport = createUndiciTransport({ proxy: 'none' })
      const exchange = { method: 'GET', url: sameUrl, headers: wireHeaders, body: { type: 'none' }, settings }
      return { send: () => transport.send(exchange), close: () => transport.close() }
    },
  },
  {
    name: 'prepareRequest + sendRequest (engine)',
    setup() {
      const transport = createUndiciTransport({ proxy: 'none' })
      const cookies = createCookieJar()
      const target = findRequest(collection, 'get', { source: 'bench' })
      const authorize = {
        createHandler: createAuthHandler,
        context: { clock: systemClock, random: systemRandom, files },
      }
      return {
        async send() {
          const prepared = await prepareRequest(target, { scopes, files })
          await sendRequest(prepared, { transport, cookies, authorize })
        },
        close: () => transport.close(),
      }
    },
  },
]

const runs = contenders.map((contender) => ({
  ...contender,
  instance: contender.setup(),
  samples: [],
  opened: 0,
}))
for (const run of runs) for (let i = 0; i < WARMUP; i++) await run.instance.send()
for (let round = 0; round < ROUNDS; round++) {
  for (const run of runs) {
    const before = connections
    for (let i = 0; i < REQUESTS / ROUNDS; i++) {
      const start = performance.now()
      await run.instance.send()
      run.samples.push(performance.now() - start)
    }
    run.opened += connections - before
  }
}
for (const run of runs) await run.instance.close()
server.close()

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}
const floor = runs.find((run) => run.floor)
const floorMedian = median(floor.samples)
const floorTotal = floor.samples.reduce((a, b) => a + b, 0)
console.log(`${REQUESTS} sequential GETs to ${url} (node ${process.version})`)
for (const run of runs) {
  const med = median(run.samples)
  const total = run.samples.reduce((a, b) => a + b, 0)
  console.log(
    `${run.name.padEnd(32)} median ${med.toFixed(3)} ms  total ${total.toFixed(0)} ms  ` +
      `ratio ×${(med / floorMedian).toFixed(2)} (median) ×${(total / floorTotal).toFixed(2)} (total)  ` +
      `${run.opened} connections opened`,
  )
}
