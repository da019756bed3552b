import { isAppError } from '@courier/core'
import { describe, expect, it } from 'vitest'
import { mergeRunReports, type RunReport } from './merge-run-reports.js'

interface MergedRun {
  stats: Record<string, unknown>
  timings: unknown
  transfers: unknown
  executions: unknown[]
  failures: unknown[]
}

const counter = (total: number, failed = 0) => ({ total, pending: 0, failed })

function shardReport(options: {
  index: number
  times: number[]
  failedAt?: number[]
  name?: string
  id?: string
  started: number
}): RunReport {
  const failures = (options.failedAt ?? []).map((iteration) => ({ cursor: { iteration } }))
  return {
    collection: { info: { name: options.name ?? 'Shop', id: options.id ?? 'c-1' } },
    run: {
      stats: {
        iterations: counter(2, new Set(options.failedAt).size),
        requests: counter(options.times.length),
        testScripts: counter(options.times.length),
        prerequestScripts: counter(0),
        scripts: counter(options.times.length),
        assertions: counter(options.times.length, failures.length),
      },
      timings: { started: options.started, completed: options.started + 100 },
      transfers: { responseTotal: 10 * options.times.length },
      executions: options.times.map((responseTime, n) => ({
        cursor: { iteration: n % 2 },
        response: { responseTime },
      })),
      failures,
      shard: { index: options.index, total: 3 },
    },
  }
}

const three = [
  { source: '1.json', report: shardReport({ index: 1, times: [10, 20], started: 1000 }) },
  { source: '2.json', report: shardReport({ index: 2, times: [30, 40], failedAt: [1], started: 900 }) },
  { source: '3.json', report: shardReport({ index: 3, times: [60], failedAt: [1, 0], started: 1100 }) },
]

describe('mergeRunReports', () => {
  it('sums counters, concatenates executions and failures, recomputes response times', () => {
    const { report, warnings } = mergeRunReports(three)
    const run = report['run'] as MergedRun
    expect(warnings).toEqual([])
    expect(run.stats.requests).toEqual(counter(5))
    expect(run.stats.assertions).toEqual(counter(5, 3))
    expect(run.executions).toHaveLength(5)
    expect(run.failures).toHaveLength(3)
    expect(run.timings).toEqual({
      responseAverage: 32,
      responseMin: 10,
      responseMax: 60,
      started: 900,
      completed: 1200,
    })
    expect(run.transfers).toEqual({ responseTotal: 50 })
    expect(report['collection']).toEqual({ info: { name: 'Shop', id: 'c-1' } })
  })

  it('counts iterations once: every shard runs each of them, and one failed if it failed anywhere', () => {
    const run = mergeRunReports(three).report['run'] as MergedRun
    expect(run.stats.iterations).toEqual(counter(2, 2))
    const clean = mergeRunReports(three.slice(0, 1)).report['run'] as MergedRun
    expect(clean.stats.iterations).toEqual(counter(2, 0))
  })

  it('refuses reports of different collections, naming both', () => {
    const other = {
      source: 'x.json',
      report: shardReport({ index: 2, times: [1], name: 'Other', started: 0 }),
    }
    let caught: unknown
    try {
      mergeRunReports([three[0]!, other])
    } catch (error) {
      caught = error
    }
    expect(isAppError(caught, 'USAGE_INVALID')).toBe(true)
    expect((caught as Error).message).toContain(
      'x.json is a report of "Other" (c-1), but 1.json is of "Shop" (c-1)',
    )
    const otherId = { source: 'y.json', report: shardReport({ index: 2, times: [1], id: 'c-2', started: 0 }) }
    expect(() => mergeRunReports([three[0]!, otherId])).toThrow(/y\.json/)
  })

  it('refuses the same shard twice, and warns when a shard is missing', () => {
    expect(() => mergeRunReports([three[0]!, three[0]!])).toThrow(/both shard 1\/3/)
    expect(mergeRunReports([three[0]!, three[2]!]).warnings).toEqual(['merged 2 of 3 shards: 2/3 missing'])
  })
})
