import type { Collection, Item } from '../collection/index.js'
import { collectionVariables } from '../collection/index.js'
import { createCookieJar } from '../http/index.js'
import type { ListedRequest } from '../http/index.js'
import { createDynamicVariables, type Variable } from '../variables/index.js'
import type { ItemContext, RunScopes } from './internal/item-context.js'
import { runItem } from './internal/run-item.js'
import { createTally, hasIterationFailed } from './internal/run-tally.js'
import { scriptPlan, type ScriptPlan } from './internal/script-plan.js'
import type { RunOptions } from './run-options.js'
import { selectRequests } from './select-requests.js'
import type { ItemRef, RunEvent } from './types.js'

/**
 * Runs a collection as Newman does and yields what happens, event by event: iterations (data rows or a count),
 * each request with its scripts at every level, `setNextRequest` jumps, `skipRequest`, `--bail`. Network faults,
 * failed assertions and script errors are outcomes in events, never rejections. Only totals are kept, so memory
 * does not grow with the number of requests.
 * @throws AppError REQUEST_NOT_FOUND for a `folders` entry that names nothing.
 * @example for await (const event of runCollection(collection, options)) if (event.type === 'run:finished') console.log(event.stats)
 */
export async function* runCollection(collection: Collection, options: RunOptions): AsyncGenerator<RunEvent> {
  const realm = `run ${++runsStarted}`
  try {
    yield* runInRealm(collection, options, realm)
  } finally {
    // Also when the consumer stops early: the engine may give the run's context to another run.
    options.scriptEngine?.endRealm(realm)
  }
}

// Each run's scripts share one realm of the script engine (ScriptRunOptions.realm), unique in this process: what they
// change in the globals and built-ins, later scripts of the run see, as in Newman.
let runsStarted = 0

async function* runInRealm(
  collection: Collection,
  options: RunOptions,
  realm: string,
): AsyncGenerator<RunEvent> {
  const source = options.source ?? collection.info?.name ?? 'collection'
  const requests = selectRequests(collection, options.folders, {
    source,
    ...(options.shard === undefined ? {} : { shard: options.shard }),
  })
  const rows = options.iterationData ?? []
  const iterationCount = options.iterationCount ?? Math.max(rows.length, 1)
  const started = options.clock.now()
  const tally = createTally()
  const scopes: RunScopes = {
    globals: [...(options.scopes.globals ?? [])],
    collection: [...(options.scopes.collection ?? collectionVariables(collection))],
    environment: [...(options.scopes.environment ?? [])],
    iterationData: [],
  }
  const dynamic = options.dynamic ?? createDynamicVariables()
  // Newman keeps a cookie jar for every run.
  const cookies = options.cookies ?? createCookieJar({ clock: options.clock })
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  yield {
    type: 'run:started',
    collection: collection.info?.name ?? '',
    iterationCount,
    requestCount: requests.length,
    startedAt: started.toISOString(),
  }
  let stopped = false
  let sent = 0
  // What does not change between visits of a request (iterations, setNextRequest jumps), worked out once.
  const known = new Map<ListedRequest, { ref: ItemRef; scripts: ScriptPlan }>()
  for (let iteration = 0; iteration < iterationCount && !stopped; iteration++) {
    tally.stats.iterations.total++
    tally.iterationFailuresAt = tally.failures.length
    scopes.iterationData = rowVariables(rows[Math.min(iteration, rows.length - 1)])
    yield { type: 'iteration:started', iteration }
    let index = 0
    while (index < requests.length) {
      if (options.signal?.aborted === true) {
        stopped = true
        break
      }
      const entry = requests[index]
      if (entry === undefined) break
      if (sent > 0 && (options.delayRequestMs ?? 0) > 0) await sleep(options.delayRequestMs ?? 0)
      sent++
      let facts = known.get(entry)
      if (facts === undefined) {
        facts = { ref: itemRef(entry), scripts: scriptPlan(collection, entry) }
        known.set(entry, facts)
      }
      const ctx: ItemContext = {
        collection,
        entry,
        ref: facts.ref,
        scripts: facts.scripts,
        iteration,
        iterationCount,
        scopes,
        options,
        cookies,
        tally,
        dynamic,
        realm,
      }
      const outcome = yield* runItem(ctx)
      if (options.bail === true && tally.failures.length > 0) {
        stopped = true
        break
      }
      if (outcome.nextRequest === undefined) {
        index++
        continue
      }
      // setNextRequest(null) ends the iteration; a name or id jumps there (Postman searches the whole run).
      if (outcome.nextRequest === null) break
      const next = findNext(requests, outcome.nextRequest)
      if (next === -1) {
        tally.failures.push({
          iteration,
          item: ctx.ref,
          kind: 'run',
          name: 'setNextRequest',
          message: `setNextRequest("${outcome.nextRequest}"): no request of the run has this name or id`,
        })
        if (options.bail === true) stopped = true
        break
      }
      index = next
    }
    if (hasIterationFailed(tally)) tally.stats.iterations.failed++
    yield { type: 'iteration:finished', iteration }
  }
  tally.stats.durationMs = options.clock.now().getTime() - started.getTime()
  yield {
    type: 'run:finished',
    stats: tally.stats,
    failures: tally.failures,
    environment: scopes.environment,
    globals: scopes.globals,
    collectionVariables: scopes.collection,
  }
}

function rowVariables(row: Record<string, unknown> | undefined): Variable[] {
  if (row === undefined) return []
  return Object.entries(row).map(([key, value]) => ({ key, value }))
}

function itemIds(item: Item): string[] {
  return [item['id'], item['_postman_id']].filter((id): id is string => typeof id === 'string' && id !== '')
}

function itemRef(entry: ListedRequest): ItemRef {
  const { item } = entry.target
  return { id: itemIds(item)[0] ?? entry.path, name: item.name ?? '', path: entry.path }
}

function findNext(requests: readonly ListedRequest[], query: string): number {
  const byId = requests.findIndex((entry) => itemIds(entry.target.item).includes(query))
  return byId !== -1 ? byId : requests.findIndex((entry) => entry.target.item.name === query)
}
