// Import benchmark: parse + validate the largest corpus collection and a generated 20 MB collection with the built
// core (run `npm run build` first, or `npm run bench:import`). Prints the median of 5 runs and peak RSS / heap.
// Goal: the 20 MB collection under 0.5 s and 250 MB RSS.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

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
  return { text: JSON.stringify(collection, null, '\t') }
}

// Each input is measured in a fresh process, as a user's `courier` would read it: peak RSS then means the import
// alone (file bytes, text, parsed model), not this script's generator. JSON.parse of the same text is the floor.
function measure(label, file) {
  const child = spawnSync(process.execPath, [path.join(here, 'measure.mjs'), file, String(RUNS)], {
    encoding: 'utf8',
  })
  if (child.status !== 0) throw new Error(`${label}: ${child.stderr}`)
  const r = JSON.parse(child.stdout)
  const mb = (n) => (n / 2 ** 20).toFixed(1)
  console.log(
    `${label}: ${mb(r.sizeBytes)} MB, ${r.requests} requests · first import ${r.firstMs.toFixed(0)} ms · ` +
      `median ${r.medianMs.toFixed(0)} ms (min ${r.minMs.toFixed(0)}, max ${r.maxMs.toFixed(0)}) · ` +
      `JSON.parse floor ${r.jsonParseMs.toFixed(0)} ms (×${(r.medianMs / r.jsonParseMs).toFixed(1)}) · ` +
      `peak RSS of one import ${mb(r.firstRssBytes)} MB`,
  )
}

const here = path.dirname(fileURLToPath(import.meta.url))
const largest = largestCorpusCollection()
measure(largest.file, path.join(corpus, largest.file))
const generated = generateCollection(20 * 2 ** 20)
const folder = mkdtempSync(path.join(tmpdir(), 'courier-bench-import-'))
const generatedFile = path.join(folder, 'generated.postman_collection.json')
writeFileSync(generatedFile, generated.text)
try {
  measure('generated 20 MB collection', generatedFile)
} finally {
  rmSync(folder, { recursive: true, force: true })
}
