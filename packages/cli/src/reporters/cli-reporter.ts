import type { RunEvent, RunFailure, ScriptRequestEvent, TestResult } from '@courier/core'
import { formatBytes } from '../format-bytes.js'
import type { Colors } from '../terminal.js'
import { asciiSymbols, unicodeSymbols, type CliSymbols } from './cli-symbols.js'
import type { ProgressBar } from './progress-bar.js'
import type { Reporter } from './reporter.js'
import { summaryTable } from './summary-table.js'
import { verboseDetail } from './verbose-detail.js'

/** Options for {@link createCliReporter}: Newman's `--reporter-cli-*` switches among them. */
export interface CliReporterOptions {
  write: (text: string) => void
  colors: Colors
  /** Also print request and response headers and the response body (when the run includes them). */
  verbose?: boolean
  /** `--reporter-cli-no-summary`: no summary table. */
  noSummary?: boolean
  /** `--reporter-cli-no-failures`: no failure list. */
  noFailures?: boolean
  /** `--reporter-cli-no-assertions`: no assertion lines. */
  noAssertions?: boolean
  /** `--reporter-cli-no-success-assertions`: only failed and skipped assertions. */
  noSuccessAssertions?: boolean
  /** `--reporter-cli-no-console`: no script console output. */
  noConsole?: boolean
  /** `--reporter-cli-show-timestamps`: each request line starts with `[HH:MM:SS]`. */
  showTimestamps?: boolean
  /** The time for timestamps; default: now. */
  now?: () => Date
  /** Newman's `--disable-unicode`: plain ASCII symbols and table. */
  disableUnicode?: boolean
  /** A bar redrawn on another stream, erased before every line this reporter writes. */
  progress?: ProgressBar
}

/**
 * Newman's `cli` reporter: a line per request (`→ GET https://…  200 OK 43 ms 1.2 kB`) with ✓/✗ assertions under
 * it, script console output, then the summary table, the failures and, always last, `N passed, N failed`.
 * @example const reporter = createCliReporter({ write: terminal.out, colors: terminal.colors })
 */
export function createCliReporter(options: CliReporterOptions): Reporter {
  const { colors, progress } = options
  const write = (text: string): void => {
    progress?.clear()
    options.write(text)
  }
  const now = options.now ?? (() => new Date())
  const symbols = options.disableUnicode === true ? asciiSymbols : unicodeSymbols
  let iterationCount = 1
  let total = 0
  let done = 0
  // A test script runs before its request's line can be printed (the line carries the response): its console
  // output waits and follows the line, where Newman shows it.
  let pending: string[] = []
  const onEvent = (event: RunEvent): void => {
    switch (event.type) {
      case 'run:started':
        iterationCount = event.iterationCount
        total = event.requestCount * event.iterationCount
        write(`${colors.bold(event.collection)}\n`)
        return
      case 'iteration:started':
        if (iterationCount > 1)
          write(`\n${colors.dim(`Iteration ${event.iteration + 1}/${iterationCount}`)}\n`)
        return
      case 'request:started':
        progress?.update(done, Math.max(total, done), event.item.path)
        return
      case 'iteration:finished':
        return
      case 'script:finished': {
        const lines: string[] = []
        if (options.noConsole !== true)
          for (const line of event.console)
            lines.push(`  ${colors.gray(`${symbols.console} ${line.text}`)}\n`)
        if (event.error !== undefined && event.error.kind !== 'unavailable') {
          const { name, message } = event.error
          lines.push(
            `  ${colors.red(`${symbols.fail} ${name} in ${event.owner} ${symbols.chevron} ${event.event}: ${message}`)}\n`,
          )
        }
        if (event.event === 'test') pending.push(...lines)
        else for (const line of lines) write(line)
        return
      }
      case 'script:request': {
        // pm.sendRequest: a line of its own under the request, marked as the script's (Newman prints these as if
        // they were the item's request).
        const line = `  ${nestedRequestLine(event, colors, symbols)}\n`
        if (event.event === 'test') pending.push(line)
        else write(line)
        return
      }
      case 'request:finished': {
        done++
        const stamp = options.showTimestamps === true ? `${colors.gray(`[${clockTime(now())}]`)} ` : ''
        write(`${stamp}${requestLine(event, colors, symbols)}\n`)
        if (options.verbose === true) write(verboseDetail(event, colors, symbols))
        for (const line of pending) write(line)
        pending = []
        if (options.noAssertions !== true) {
          for (const test of event.assertions)
            if (!(options.noSuccessAssertions === true && test.passed && !test.skipped))
              write(`${assertionLine(test, colors, symbols)}\n`)
        }
        progress?.update(done, Math.max(total, done), event.item.path)
        return
      }
      case 'run:finished': {
        for (const line of pending) write(line)
        pending = []
        progress?.clear()
        if (options.noSummary !== true) write(`\n${summaryTable(event.stats, colors, symbols)}`)
        if (options.noFailures !== true && event.failures.length > 0)
          write(`\n${failureList(event.failures, colors)}`)
        const { assertions } = event.stats
        const passed = assertions.total - assertions.failed - assertions.skipped
        write(`\n${passed} passed, ${assertions.failed} failed\n`)
        return
      }
    }
  }
  return { onEvent, finish: () => [] }
}

function requestLine(
  event: Extract<RunEvent, { type: 'request:finished' }>,
  colors: Colors,
  symbols: CliSymbols,
): string {
  const head = `${colors.dim(symbols.arrow)} ${event.request.method} ${event.request.url}`
  const { response } = event
  let tail: string
  if (event.skipped) tail = colors.yellow('skipped')
  else if (event.error !== undefined) tail = colors.red(`${symbols.fail} ${event.error.message}`)
  else if (response === undefined) tail = ''
  else {
    const status = `${response.code} ${response.status}`
    tail = `${response.code >= 400 ? colors.yellow(status) : colors.green(status)} ${Math.round(response.responseTime)} ms ${formatBytes(response.responseSize)}`
  }
  return `${head}  ${tail}  ${colors.dim(event.item.path)}`
}

function nestedRequestLine(event: ScriptRequestEvent, colors: Colors, symbols: CliSymbols): string {
  const { response } = event
  let tail: string
  if (event.error !== undefined) tail = colors.red(`${symbols.fail} ${event.error.message}`)
  else if (response === undefined) tail = ''
  else {
    const status = `${response.code} ${response.status}`
    tail = `${response.code >= 400 ? colors.yellow(status) : colors.green(status)} ${Math.round(response.responseTime)} ms ${formatBytes(response.responseSize)}`
  }
  const where = `pm.sendRequest in ${event.owner} ${symbols.chevron} ${event.event}`
  return `${colors.dim(symbols.arrow)} ${event.request.method} ${event.request.url}  ${tail}  ${colors.dim(where)}`
}

function clockTime(date: Date): string {
  return [date.getHours(), date.getMinutes(), date.getSeconds()]
    .map((part) => String(part).padStart(2, '0'))
    .join(':')
}

function assertionLine(test: TestResult, colors: Colors, symbols: CliSymbols): string {
  if (test.skipped) return `  ${colors.cyan(`${symbols.skip} ${test.name}`)}`
  if (test.passed) return `  ${colors.green(symbols.ok)} ${test.name}`
  return `  ${colors.red(`${symbols.fail} ${test.name}`)}${colors.dim(` ${test.error?.message ?? ''}`)}`
}

function failureList(failures: readonly RunFailure[], colors: Colors): string {
  const lines = failures.map((failure, index) => {
    const where = failure.item === undefined ? '' : ` inside "${failure.item.path}"`
    return `${colors.red(`${String(index + 1).padStart(3)}. ${failure.kind}  ${failure.name}`)}\n       ${failure.message}\n       ${colors.dim(`iteration ${failure.iteration + 1}${where}`)}`
  })
  return `${colors.bold('  #  failure')}\n${lines.join('\n')}\n`
}
