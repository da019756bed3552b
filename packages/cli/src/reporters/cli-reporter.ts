import type { RunEvent, RunFailure, TestResult } from '@courier/core'
import { formatBytes } from '../format-bytes.js'
import type { Colors } from '../terminal.js'
import type { Reporter } from './reporter.js'
import { summaryTable } from './summary-table.js'

/** Options for {@link createCliReporter}. */
export interface CliReporterOptions {
  write: (text: string) => void
  colors: Colors
  /** Also print response bodies (when the run includes them). */
  verbose?: boolean
}

/**
 * Newman's `cli` reporter: a line per request (`→ GET https://…  200 OK 43 ms 1.2 kB`) with ✓/✗ assertions under
 * it, script console output, then the summary table, the failures and `N passed, N failed`.
 * @example const reporter = createCliReporter({ write: terminal.out, colors: terminal.colors })
 */
export function createCliReporter(options: CliReporterOptions): Reporter {
  const { write, colors } = options
  let iterationCount = 1
  const onEvent = (event: RunEvent): void => {
    switch (event.type) {
      case 'run:started':
        iterationCount = event.iterationCount
        write(`${colors.bold(event.collection)}\n`)
        return
      case 'iteration:started':
        if (iterationCount > 1)
          write(`\n${colors.dim(`Iteration ${event.iteration + 1}/${iterationCount}`)}\n`)
        return
      case 'request:started':
      case 'iteration:finished':
        return
      case 'script:finished':
        for (const line of event.console) write(`  ${colors.gray(`┆ ${line.text}`)}\n`)
        if (event.error !== undefined && event.error.kind !== 'unavailable') {
          const { name, message } = event.error
          write(`  ${colors.red(`✗ ${name} in ${event.owner} › ${event.event}: ${message}`)}\n`)
        }
        return
      case 'request:finished': {
        const head = `${colors.dim('→')} ${event.request.method} ${event.request.url}`
        const { response } = event
        let tail: string
        if (event.skipped) tail = colors.yellow('skipped')
        else if (event.error !== undefined) tail = colors.red(`✗ ${event.error.message}`)
        else if (response === undefined) tail = ''
        else {
          const status = `${response.code} ${response.status}`
          tail = `${response.code >= 400 ? colors.yellow(status) : colors.green(status)} ${Math.round(response.responseTime)} ms ${formatBytes(response.responseSize)}`
        }
        write(`${head}  ${tail}  ${colors.dim(event.item.path)}\n`)
        for (const test of event.assertions) write(`${assertionLine(test, colors)}\n`)
        if (options.verbose === true && response?.body !== undefined) write(`${colors.dim(response.body)}\n`)
        return
      }
      case 'run:finished': {
        write(`\n${summaryTable(event.stats, colors)}`)
        if (event.failures.length > 0) write(`\n${failureList(event.failures, colors)}`)
        const { assertions } = event.stats
        const passed = assertions.total - assertions.failed - assertions.skipped
        write(`\n${passed} passed, ${assertions.failed} failed\n`)
        return
      }
    }
  }
  return { onEvent, finish: () => [] }
}

function assertionLine(test: TestResult, colors: Colors): string {
  if (test.skipped) return `  ${colors.cyan(`- ${test.name}`)}`
  if (test.passed) return `  ${colors.green('✓')} ${test.name}`
  return `  ${colors.red(`✗ ${test.name}`)}${colors.dim(` ${test.error?.message ?? ''}`)}`
}

function failureList(failures: readonly RunFailure[], colors: Colors): string {
  const lines = failures.map((failure, index) => {
    const where = failure.item === undefined ? '' : ` inside "${failure.item.path}"`
    return `${colors.red(`${String(index + 1).padStart(3)}. ${failure.kind}  ${failure.name}`)}\n       ${failure.message}\n       ${colors.dim(`iteration ${failure.iteration + 1}${where}`)}`
  })
  return `${colors.bold('  #  failure')}\n${lines.join('\n')}\n`
}
