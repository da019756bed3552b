// Child of run.mjs: imports one file with the built core and prints timings and peak RSS as one JSON line.
import { readFileSync } from 'node:fs'
import { outlineCollection, parseDocument } from '../../packages/core/dist/index.js'

const [file, runsText] = process.argv.slice(2)
const runs = Number(runsText ?? 5)
const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6

let start = process.hrtime.bigint()
const bytes = readFileSync(file)
let document = parseDocument(bytes, { source: file })
const firstMs = ms(start)
if (document.type !== 'collection') throw new Error(`${file}: not a collection`)
// Peak memory of one import, as a user's `courier inspect` pays it (later runs only add garbage).
const firstRssBytes = process.resourceUsage().maxRSS * 1024
const requests = outlineCollection(document.collection).counts.requests

const times = []
for (let run = 0; run < runs; run++) {
  document = undefined
  start = process.hrtime.bigint()
  document = parseDocument(bytes, { source: file })
  times.push(ms(start))
}
const text = bytes.toString('utf8')
const floors = []
for (let run = 0; run < runs; run++) {
  start = process.hrtime.bigint()
  JSON.parse(text)
  floors.push(ms(start))
}
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]
process.stdout.write(
  JSON.stringify({
    sizeBytes: bytes.length,
    requests,
    firstMs,
    medianMs: median(times),
    minMs: Math.min(...times),
    maxMs: Math.max(...times),
    jsonParseMs: median(floors),
    firstRssBytes,
  }),
)
