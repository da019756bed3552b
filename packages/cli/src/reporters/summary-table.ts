import type { RunStats } from '@courier/core'
import { formatBytes } from '../format-bytes.js'
import type { Colors } from '../terminal.js'
import { unicodeSymbols, type CliSymbols } from './cli-symbols.js'
import { formatDuration } from './format-duration.js'

/**
 * Newman's end-of-run table: executed and failed counts of iterations, requests, scripts and assertions, then
 * the run duration, the data received and the response times.
 * @example terminal.out(summaryTable(stats, colors))
 */
export function summaryTable(stats: RunStats, colors: Colors, symbols: CliSymbols = unicodeSymbols): string {
  const { box } = symbols
  const rows: [string, number, number][] = [
    ['iterations', stats.iterations.total, stats.iterations.failed],
    ['requests', stats.requests.total, stats.requests.failed],
    ['test-scripts', stats.testScripts.total, stats.testScripts.failed],
    ['prerequest-scripts', stats.prerequestScripts.total, stats.prerequestScripts.failed],
    ['assertions', stats.assertions.total, stats.assertions.failed],
  ]
  const { responseTime } = stats
  const notes = [
    `total run duration: ${formatDuration(stats.durationMs)}`,
    `total data received: ${formatBytes(stats.transferredBytes)}`,
    `average response time: ${formatDuration(responseTime.average)} [min: ${formatDuration(responseTime.min)}, max: ${formatDuration(responseTime.max)}]`,
  ]
  const nameWidth = 22
  const countWidth = 12
  const inner = nameWidth + 2 * countWidth + 6
  const rule = (left: string, mid: string, right: string) =>
    `${left}${box.h.repeat(nameWidth + 2)}${mid}${box.h.repeat(countWidth + 2)}${mid}${box.h.repeat(countWidth + 2)}${right}`
  const line = (name: string, executed: string, failed: string) =>
    `${box.v} ${name.padStart(nameWidth)} ${box.v} ${executed.padStart(countWidth)} ${box.v} ${failed.padStart(countWidth)} ${box.v}`
  const out = [
    rule(box.tl, box.tm, box.tr),
    line('', 'executed', 'failed'),
    rule(box.ml, box.mm, box.mr),
    ...rows.map(([name, total, failed]) => {
      const text = line(name, String(total), String(failed))
      return failed > 0 ? colors.red(text) : text
    }),
    rule(box.ml, box.bm, box.mr),
    ...notes.map((note) => `${box.v} ${note.padEnd(inner)} ${box.v}`),
    rule(box.bl, box.bt, box.br),
  ]
  return `${out.join('\n')}\n`
}
