import type { TestResult } from '../../sandbox/index.js'
import type { RunFailure, RunStats } from '../types.js'

/** The running totals of one run: counters only, so memory stays flat however many requests run. */
export interface RunTally {
  stats: RunStats
  failures: RunFailure[]
  responseTimeSumMs: number
  /** Failures already recorded when the current iteration started. */
  iterationFailuresAt: number
}

/** Fresh totals. */
export function createTally(): RunTally {
  return {
    stats: {
      iterations: { total: 0, failed: 0 },
      requests: { total: 0, failed: 0 },
      testScripts: { total: 0, failed: 0 },
      prerequestScripts: { total: 0, failed: 0 },
      assertions: { total: 0, failed: 0, skipped: 0 },
      responseTime: { average: 0, min: 0, max: 0 },
      durationMs: 0,
      transferredBytes: 0,
    },
    failures: [],
    responseTimeSumMs: 0,
    iterationFailuresAt: 0,
  }
}

/** Counts a response: its time and its body bytes. */
export function tallyResponse(tally: RunTally, responseTimeMs: number, bodyBytes: number): void {
  const { stats } = tally
  const sent = stats.requests.total - stats.requests.failed
  stats.responseTime.min = sent === 1 ? responseTimeMs : Math.min(stats.responseTime.min, responseTimeMs)
  stats.responseTime.max = Math.max(stats.responseTime.max, responseTimeMs)
  tally.responseTimeSumMs += responseTimeMs
  stats.responseTime.average = Math.round(tally.responseTimeSumMs / sent)
  stats.transferredBytes += bodyBytes
}

/** Counts assertions and records the failed ones. */
export function tallyAssertions(
  tally: RunTally,
  tests: readonly TestResult[],
  where: Omit<RunFailure, 'kind' | 'name' | 'message'>,
): void {
  const { assertions } = tally.stats
  for (const test of tests) {
    assertions.total++
    if (test.skipped) assertions.skipped++
    else if (!test.passed) {
      assertions.failed++
      tally.failures.push({
        ...where,
        kind: 'assertion',
        name: test.name,
        message: test.error?.message ?? 'failed',
      })
    }
  }
}

/** Whether anything failed since the iteration started. */
export function hasIterationFailed(tally: RunTally): boolean {
  return tally.failures.length > tally.iterationFailuresAt
}
