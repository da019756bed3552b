import type { ResponseSummary, RunEvent, RunFailure, RunStats } from '@courier/core'
import type { ReportArtifact, ReportCollectionInfo, Reporter } from './reporter.js'

interface Execution {
  cursor: { iteration: number }
  item: { id: string; name: string; path: string }
  request: { method: string; url: string }
  response?: { code: number; status: string; responseTime: number; responseSize: number }
  requestError?: { code: string; message: string }
  skipped?: boolean
  assertions: { assertion: string; skipped?: boolean; error?: { name: string; message: string } }[]
  /** What the item's scripts sent with `pm.sendRequest` (Courier's; Newman has no place for them). */
  scriptRequests?: ScriptRequest[]
}

interface ScriptRequest {
  event: 'prerequest' | 'test'
  owner: string
  request: { method: string; url: string }
  response?: { code: number; status: string; responseTime: number; responseSize: number }
  requestError?: { code: string; message: string }
}

/**
 * Newman's `json` reporter in spirit: `{ collection: { info }, run: { stats, timings, transfers, executions,
 * failures } }`, with Newman's stat names (`pending` is always 0: the report is written after the run), plus
 * `run.shard` for a `--shard` run.
 * @example const reporter = createJsonReporter({ collection: { name: 'API' } })
 */
export function createJsonReporter(options: {
  collection: ReportCollectionInfo
  /** The run's `--shard`, recorded as `run.shard` so `courier merge-reports` can check the set is whole. */
  shard?: { index: number; total: number }
}): Reporter {
  const executions: Execution[] = []
  let scriptRequests: ScriptRequest[] = []
  let startedAt = ''
  let report: unknown
  const onEvent = (event: RunEvent): void => {
    if (event.type === 'run:started') startedAt = event.startedAt
    if (event.type === 'script:request') {
      const { response } = event
      scriptRequests.push({
        event: event.event,
        owner: event.owner,
        request: { method: event.request.method, url: event.request.url },
        ...(response === undefined ? {} : { response: responseOf(response) }),
        ...(event.error === undefined ? {} : { requestError: event.error }),
      })
    }
    if (event.type === 'request:finished') {
      const { response } = event
      executions.push({
        cursor: { iteration: event.iteration },
        item: { id: event.item.id, name: event.item.name, path: event.item.path },
        request: { method: event.request.method, url: event.request.url },
        ...(response === undefined ? {} : { response: responseOf(response) }),
        ...(event.error === undefined ? {} : { requestError: event.error }),
        ...(event.skipped ? { skipped: true } : {}),
        assertions: event.assertions.map((test) => ({
          assertion: test.name,
          ...(test.skipped ? { skipped: true } : {}),
          ...(test.error === undefined || test.passed ? {} : { error: test.error }),
        })),
        ...(scriptRequests.length === 0 ? {} : { scriptRequests }),
      })
      scriptRequests = []
    }
    if (event.type === 'run:finished') {
      report = {
        collection: { info: options.collection },
        run: {
          stats: newmanStats(event.stats),
          timings: timings(event.stats, startedAt),
          transfers: { responseTotal: event.stats.transferredBytes },
          executions,
          failures: event.failures.map(newmanFailure),
          ...(options.shard === undefined ? {} : { shard: options.shard }),
        },
      }
    }
  }
  return {
    onEvent,
    finish: () =>
      report === undefined
        ? []
        : [
            {
              reporter: 'json',
              defaultPath: 'courier-run-report.json',
              text: `${JSON.stringify(report, null, 2)}\n`,
            },
          ],
  } satisfies { onEvent: (event: RunEvent) => void; finish: () => ReportArtifact[] }
}

function counter(total: number, failed: number) {
  return { total, pending: 0, failed }
}

function newmanStats(stats: RunStats) {
  const scripts = stats.testScripts.total + stats.prerequestScripts.total
  const scriptsFailed = stats.testScripts.failed + stats.prerequestScripts.failed
  return {
    iterations: counter(stats.iterations.total, stats.iterations.failed),
    requests: counter(stats.requests.total, stats.requests.failed),
    testScripts: counter(stats.testScripts.total, stats.testScripts.failed),
    prerequestScripts: counter(stats.prerequestScripts.total, stats.prerequestScripts.failed),
    scripts: counter(scripts, scriptsFailed),
    assertions: counter(stats.assertions.total, stats.assertions.failed),
  }
}

function timings(stats: RunStats, startedAt: string) {
  const started = Date.parse(startedAt)
  return {
    responseAverage: stats.responseTime.average,
    responseMin: stats.responseTime.min,
    responseMax: stats.responseTime.max,
    started,
    completed: started + stats.durationMs,
  }
}

function newmanFailure(failure: RunFailure) {
  return {
    error: { name: failureName(failure), message: failure.message, test: failure.name },
    at: failure.kind,
    ...(failure.item === undefined ? {} : { source: failure.item }),
    cursor: { iteration: failure.iteration },
  }
}

function failureName(failure: RunFailure): string {
  switch (failure.kind) {
    case 'assertion':
      return 'AssertionError'
    case 'script':
      return 'ScriptError'
    case 'request':
      return 'RequestError'
    case 'run':
      return 'RunError'
  }
}

function responseOf(response: ResponseSummary): NonNullable<Execution['response']> {
  const { code, status, responseTime, responseSize } = response
  return { code, status, responseTime, responseSize }
}
