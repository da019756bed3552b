// Edit benchmark: the pure edit operations of @courier/core (packages/core/src/edit) on a generated collection of
// 5,000 requests in 50 folders, with the built core (`npm run build` first). Prints the
// median and 95th percentile of 300 runs of each operation, and finding the item alone (every edit starts with
// it) as the floor. Goal: about 1 ms an edit.
import { performance } from 'node:perf_hooks'
import {
  createRequest,
  deleteItem,
  duplicateItem,
  editItem,
  findItem,
  moveItem,
  renameItem,
  restoreItem,
  saveResponseAsExample,
  setVariable,
  systemClock,
  systemRandom,
} from '../../packages/core/dist/index.js'

const FOLDERS = 50
const PER_FOLDER = 100
const RUNS = 300

function generateCollection() {
  const item = []
  for (let f = 0; f < FOLDERS; f++) {
    const requests = []
    for (let r = 0; r < PER_FOLDER; r++) {
      const i = f * PER_FOLDER + r
      requests.push({
        name: `Request ${i}`,
        id: `r-${i}`,
        event: [
          { listen: 'test', script: { id: `s-${i}`, type: 'text/javascript', exec: ['pm.test("ok")'] } },
        ],
        request: {
          method: 'GET',
          header: [{ key: 'Accept', value: 'application/json' }],
          url: {
            raw: `{{base}}/items/${i}?page=1&debug=1`,
            host: ['{{base}}'],
            path: ['items', String(i)],
            query: [
              { key: 'page', value: '1' },
              { key: 'debug', value: '1' },
              { key: 'trace', value: '1', disabled: true },
            ],
          },
        },
        response: [{ id: `x-${i}`, name: 'OK', code: 200, status: 'OK', header: [], body: '{}' }],
      })
    }
    item.push({ name: `Folder ${f}`, id: `f-${f}`, item: requests })
  }
  return { info: { name: 'Generated', _postman_id: 'c-1' }, item }
}

function measure(label, operation) {
  for (let i = 0; i < 20; i++) operation(i)
  const times = []
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now()
    operation(i)
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  const median = times[Math.floor(RUNS / 2)]
  const p95 = times[Math.floor(RUNS * 0.95)]
  console.log(`${label.padEnd(44)} median ${median.toFixed(3)} ms   p95 ${p95.toFixed(3)} ms`)
}

const collection = generateCollection()
const last = `Folder ${FOLDERS - 1}/Request ${FOLDERS * PER_FOLDER - 1}`
const environment = {
  name: 'Big',
  values: Array.from({ length: 500 }, (_, i) => ({ key: `k${i}`, value: String(i), enabled: true })),
}
const exchange = {
  response: { status: 200, statusText: 'OK', headers: [], body: new TextEncoder().encode('{"ok":true}') },
}
console.log(`${FOLDERS * PER_FOLDER} requests in ${FOLDERS} folders; ${RUNS} runs each`)
measure('findItem by path (floor)', () => findItem(collection, last))
measure('findItem by id (floor)', () => findItem(collection, 'r-4999'))
measure('editItem url (by path)', (i) => editItem(collection, last, { url: `{{base}}/items/${i}?page=2` }))
measure('editItem url (by id)', (i) => editItem(collection, 'r-4999', { url: `{{base}}/items/${i}?page=2` }))
measure('renameItem', (i) => renameItem(collection, 'r-2500', { name: `Renamed ${i}` }))
measure('createRequest', (i) =>
  createRequest(
    collection,
    { parent: 'f-25', name: `New ${i}`, url: '{{base}}/new' },
    { random: systemRandom },
  ),
)
measure('moveItem to another folder', () => moveItem(collection, 'r-10', { to: 'f-49', index: 0 }))
measure('duplicateItem (request)', () => duplicateItem(collection, 'r-4999', { random: systemRandom }))
measure('duplicateItem (folder of 100)', () => duplicateItem(collection, 'f-25', { random: systemRandom }))
measure('deleteItem + restoreItem', () => {
  const deleted = deleteItem(collection, 'r-2500', { clock: systemClock })
  restoreItem(deleted.collection, deleted.trashed)
})
measure('saveResponseAsExample', () =>
  saveResponseAsExample(collection, 'r-4999', { exchange, random: systemRandom }),
)
measure('setVariable (500 values)', (i) => setVariable(environment, 'k499', { value: String(i) }))
