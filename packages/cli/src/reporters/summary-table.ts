import type { RunStats } from '@courier/core'
import { formatBytes } from '../format-bytes.js'
import type { Colors } from '../terminal.js'
import { formatDuration } from './format-duration.js'

/**
 * Newman's end-of-run table: executed and failed counts of iterations, requests, scripts and assertions, then
 * the run duration, the data received and the response times.
 * @example terminal.out(summaryTable(stats, colors))
 */
export function summaryTable(stats: RunStats, colors: Colors): string {
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
    `${left}${'─'.repeat(nameWidth + 2)}${mid}${'─'.repeat(countWidth + 2)}${mid}${'─'.repeat(countWidth + 2)}${right}`
  const line = (name: string, executed: string, failed: string) =>
    `│ ${name.padStart(nameWidth)} │ ${executed.padStart(countWidth)} │ ${failed.padStart(countWidth)} │`
  const out = [
    rule('┌', '┬', '┐'),
    line('', 'executed', 'failed'),
    rule('├', '┼', '┤'),
    ...rows.map(([name, total, failed]) => {
      const text = line(name, String(total), String(failed))
      return failed > 0 ? colors.red(text) : text
    }),
    rule('├', '┴', '┤'),
    ...notes.map((note) => `│ ${note.padEnd(inner)} │`),
    rule('└', '─', '┘'),
  ]
  return `${out.join('\n')}\n`
}
