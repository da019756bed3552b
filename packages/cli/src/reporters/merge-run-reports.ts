import { AppError } from '@courier/core'

/** A counter of Newman's `run.stats`. */
interface Counter {
  total: number
  pending: number
  failed: number
}

/** The parts of a Newman-shaped JSON report (Courier's `json` reporter, or Newman's own) that merging reads. */
export interface RunReport {
  collection?: { info?: { name?: string; id?: string; _postman_id?: string } }
  run?: {
    stats?: Record<string, Partial<Counter>>
    timings?: { started?: number; completed?: number }
    transfers?: { responseTotal?: number }
    executions?: { cursor?: { iteration?: number }; response?: { responseTime?: number } }[]
    failures?: { cursor?: { iteration?: number } }[]
    shard?: { index: number; total: number }
  }
}

/** What {@link mergeRunReports} returns: the merged report and what the caller should tell the user. */
export interface MergeRunReportsResult {
  report: Record<string, unknown>
  warnings: string[]
}

/**
 * Joins the JSON reports of a sharded run (`courier run --shard i/n -r json`) into one: counters summed, except
 * iterations (every shard runs every iteration: the largest count, and the iterations that failed anywhere),
 * executions and failures concatenated in the order given, response times recomputed from the executions, the
 * run's start and end the earliest and latest.
 * @throws AppError USAGE_INVALID when the reports are of different collections, or repeat a shard.
 * @example mergeRunReports([{ source: 'a.json', report: a }, { source: 'b.json', report: b }]).report
 */
export function mergeRunReports(
  inputs: readonly { source: string; report: RunReport }[],
): MergeRunReportsResult {
  const [first] = inputs
  if (first === undefined) throw new TypeError('mergeRunReports needs at least one report')
  const identity = collectionOf(first.report)
  for (const { source, report } of inputs.slice(1)) {
    const other = collectionOf(report)
    const sameId = identity.id === undefined || other.id === undefined || identity.id === other.id
    if (!sameId || identity.name !== other.name) {
      throw new AppError(
        'USAGE_INVALID',
        `${source} is a report of ${describe(other)}, but ${first.source} is of ${describe(identity)}: merge the reports of one collection`,
        { message: 'reports of different collections' },
      )
    }
  }
  const warnings = checkShards(inputs)
  const runs = inputs.map(({ report }) => report.run ?? {})
  const executions = runs.flatMap((run) => run.executions ?? [])
  const failures = runs.flatMap((run) => run.failures ?? [])
  const stats: Record<string, Counter> = {}
  for (const run of runs) {
    for (const [name, counter] of Object.entries(run.stats ?? {})) {
      const sum = (stats[name] ??= { total: 0, pending: 0, failed: 0 })
      sum.total += counter.total ?? 0
      sum.pending += counter.pending ?? 0
      sum.failed += counter.failed ?? 0
    }
  }
  const iterations = runs.map((run) => run.stats?.['iterations'] ?? {})
  const failedIterations = new Set(failures.map((failure) => failure.cursor?.iteration))
  const knowsIterations = failures.every((failure) => typeof failure.cursor?.iteration === 'number')
  stats['iterations'] = {
    total: Math.max(0, ...iterations.map((counter) => counter.total ?? 0)),
    pending: 0,
    failed: knowsIterations
      ? failedIterations.size
      : Math.max(0, ...iterations.map((counter) => counter.failed ?? 0)),
  }
  const times = executions
    .map((execution) => execution.response?.responseTime)
    .filter((time): time is number => typeof time === 'number')
  const started = runs.map((run) => run.timings?.started).filter((t): t is number => typeof t === 'number')
  const completed = runs
    .map((run) => run.timings?.completed)
    .filter((t): t is number => typeof t === 'number')
  const info = first.report.collection?.info ?? {}
  const report = {
    collection: { info },
    run: {
      stats,
      timings: {
        responseAverage: times.length === 0 ? 0 : times.reduce((a, b) => a + b, 0) / times.length,
        responseMin: times.length === 0 ? 0 : Math.min(...times),
        responseMax: times.length === 0 ? 0 : Math.max(...times),
        ...(started.length === 0 ? {} : { started: Math.min(...started) }),
        ...(completed.length === 0 ? {} : { completed: Math.max(...completed) }),
      },
      transfers: { responseTotal: runs.reduce((sum, run) => sum + (run.transfers?.responseTotal ?? 0), 0) },
      executions,
      failures,
    },
  }
  return { report, warnings }
}

function collectionOf(report: RunReport): { name: string; id?: string } {
  const info = report.collection?.info ?? {}
  const id = info.id ?? info._postman_id
  return { name: info.name ?? '', ...(id === undefined ? {} : { id }) }
}

function describe(collection: { name: string; id?: string }): string {
  return `"${collection.name}"${collection.id === undefined ? '' : ` (${collection.id})`}`
}

/** Reports that say which shard they are (Courier's do): no shard twice, one total, and a warning for gaps. */
function checkShards(inputs: readonly { source: string; report: RunReport }[]): string[] {
  const shards = inputs.flatMap(({ source, report }) =>
    report.run?.shard === undefined ? [] : [{ source, ...report.run.shard }],
  )
  if (shards.length === 0) return []
  const seen = new Map<number, string>()
  for (const shard of shards) {
    const earlier = seen.get(shard.index)
    if (earlier !== undefined) {
      throw new AppError(
        'USAGE_INVALID',
        `${shard.source} and ${earlier} are both shard ${shard.index}/${shard.total}: each shard's report once`,
        { message: 'the same shard twice' },
      )
    }
    seen.set(shard.index, shard.source)
  }
  const totals = new Set(shards.map((shard) => shard.total))
  if (totals.size > 1) {
    throw new AppError(
      'USAGE_INVALID',
      `the reports are of runs split differently (--shard …/${[...totals].join(', …/')})`,
      { message: 'shards of different splits' },
    )
  }
  const total = shards[0]?.total ?? 0
  const missing = Array.from({ length: total }, (_, k) => k + 1).filter((index) => !seen.has(index))
  return missing.length === 0 || shards.length < inputs.length
    ? []
    : [
        `merged ${shards.length} of ${total} shards: ${missing.map((index) => `${index}/${total}`).join(', ')} missing`,
      ]
}
