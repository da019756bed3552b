// Import benchmark: parse + validate the largest corpus collection and a generated 20 MB collection with the built
// core (run `npm run build` first, or `npm run bench:import`). Prints the median of 5 runs and peak RSS / heap.
// Goal: the 20 MB collection under 0.5 s and 250 MB RSS.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseDocument } from '../../packages/core/dist/index.js'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const corpus = path.resolve(repoRoot, '../shared/corpus')
const RUNS = 5

function largestCorpusCollection() {
  let best
  for (const file of readdirSync(corpus, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.json') || file.includes('schemas')) continue
    const size = statSync(path.join(corpus, file)).size
    if (best === undefined || size > best.size) best = { file, size }
  }
  return best
}

/** A v2.1 collection of about `targetBytes`: folders of requests with headers, JSON bodies, tests and examples. */
function generateCollection(targetBytes) {
  const request = (i) => ({
    name: `Request ${i}`,
    event: [
      {
        listen: 'test',
        script: {
          type: 'text/javascript',
          exec: ['pm.test("ok", () => {', '  pm.response.to.have.status(200)', '})'],
        },
      },
    ],
    request: {
      method: i % 3 === 0 ? 'POST' : 'GET',
      header: [
        { key: 'Accept', value: 'application/json' },
        { key: 'X-Id', value: `{{id${i}}}` },
      ],
      body: {
        mode: 'raw',
        raw: JSON.stringify({ id: i, name: `item ${i}`, tags: ['a', 'b', 'c'] }),
        options: { raw: { language: 'json' } },
      },
      url: {
        raw: `{{baseUrl}}/items/${i}?page=1`,
        host: ['{{baseUrl}}'],
        path: ['items', String(i)],
        query: [{ key: 'page', value: '1' }],
      },
      auth: { type: 'bearer', bearer: [{ key: 'token', value: '{{token}}', type: 'string' }] },
    },
    response: [
      {
        name: 'ok',
        originalRequest: { method: 'GET', header: [], url: { raw: `{{baseUrl}}/items/${i}` } },
        status: 'OK',
        code: 200,
        header: [{ key: 'Content-Type', value: 'application/json' }],
        body: '{"ok":true}',
      },
    ],
  })
  const folders = []
  let size = 0
  let i = 0
  while (size < targetBytes) {
    const items = []
    for (let j = 0; j < 100; j++) items.push(request(i++))
    const folder = { name: `Folder ${folders.length}`, item: items }
    size += JSON.stringify(folder, null, '\t').length
    folders.push(folder)
  }
  const collection = {
    info: {
      name: 'Generated',
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    },
    item: folders,
  }
  return { text: JSON.stringify(collection, null, '\t'), requests: i }
}

function measure(label, bytes) {
  const times = []
  let heapPeak = 0
  for (let run = 0; run < RUNS; run++) {
    const start = process.hrtime.bigint()
    const document = parseDocument(bytes, { source: label })
    times.push(Number(process.hrtime.bigint() - start) / 1e6)
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)
    if (document.type !== 'collection') throw new Error(`${label}: not a collection`)
  }
  times.sort((a, b) => a - b)
  const mb = (n) => (n / 2 ** 20).toFixed(1)
  console.log(
    `${label}: ${mb(bytes.length)} MB, median ${times[Math.floor(RUNS / 2)].toFixed(0)} ms ` +
      `(min ${times[0].toFixed(0)}, max ${times.at(-1).toFixed(0)}), heap after parse ${mb(heapPeak)} MB, ` +
      `peak RSS so far ${mb(process.resourceUsage().maxRSS * 1024)} MB`,
  )
}

const largest = largestCorpusCollection()
measure(largest.file, readFileSync(path.join(corpus, largest.file)))
const generated = generateCollection(20 * 2 ** 20)
measure(`generated (${generated.requests} requests)`, Buffer.from(generated.text))
