import { AppError, type Shard } from '@courier/core'
import { createCliReporter } from '../reporters/cli-reporter.js'
import { asciiSymbols, unicodeSymbols } from '../reporters/cli-symbols.js'
import { createHtmlReporter } from '../reporters/html-reporter.js'
import { createJsonReporter } from '../reporters/json-reporter.js'
import { createJunitReporter } from '../reporters/junit-reporter.js'
import { createProgressBar, wantsProgressBar, type ProgressStream } from '../reporters/progress-bar.js'
import type { ReportCollectionInfo, Reporter } from '../reporters/reporter.js'
import type { Terminal } from '../terminal.js'
import { reportPath } from './report-path.js'
import { writeOutputFile } from './write-output-file.js'

/** The reporters `-r` accepts. */
export const knownReporters = ['cli', 'json', 'junit', 'html'] as const

/** Newman's `--reporter-cli-*` switches. */
export interface CliReporterFlags {
  silent?: boolean
  noSummary?: boolean
  noFailures?: boolean
  noAssertions?: boolean
  noSuccessAssertions?: boolean
  noConsole?: boolean
  showTimestamps?: boolean
}

/** What decides which reporters run and where their files go. */
export interface RunReporterOptions {
  reporters: string[]
  /** Newman's `--disable-unicode`. */
  disableUnicode?: boolean
  silent: boolean
  verbose: boolean
  reporterCli?: CliReporterFlags
  reporterJsonExport?: string
  reporterJunitExport?: string
  reporterHtmlExport?: string
  shard?: Shard
}

/**
 * The reporters of a run, from `-r` and the `--reporter-*` flags. The cli reporter draws a progress bar on
 * `progress` when that is a terminal (and not in CI, not with `--silent`).
 * @throws AppError USAGE_INVALID for a reporter Courier does not have.
 * @example const reporters = createRunReporters(options, { terminal, collection: info, progress: process.stderr, env })
 */
export function createRunReporters(
  options: RunReporterOptions,
  context: {
    terminal: Terminal
    collection: ReportCollectionInfo
    progress: ProgressStream
    env: NodeJS.ProcessEnv
  },
): Reporter[] {
  const unknown = options.reporters.filter((name) => !(knownReporters as readonly string[]).includes(name))
  if (unknown.length > 0) {
    throw new AppError(
      'USAGE_INVALID',
      `-r ${unknown.join(',')}: unknown reporter (known: ${knownReporters.join(', ')})`,
      { message: `unknown reporter ${unknown.join(',')}` },
    )
  }
  const { terminal, collection } = context
  const cli = options.reporterCli ?? {}
  const reporters: Reporter[] = []
  if (options.reporters.includes('cli') && !options.silent && cli.silent !== true) {
    const bar = wantsProgressBar({ stream: context.progress, env: context.env, silent: options.silent })
      ? createProgressBar({
          stream: context.progress,
          colors: terminal.colors,
          symbols: options.disableUnicode === true ? asciiSymbols : unicodeSymbols,
        })
      : undefined
    reporters.push(
      createCliReporter({
        write: terminal.out,
        colors: terminal.colors,
        verbose: options.verbose,
        disableUnicode: options.disableUnicode === true,
        ...cli,
        ...(bar === undefined ? {} : { progress: bar }),
      }),
    )
  }
  if (options.reporters.includes('json'))
    reporters.push(
      createJsonReporter({ collection, ...(options.shard === undefined ? {} : { shard: options.shard }) }),
    )
  if (options.reporters.includes('junit')) reporters.push(createJunitReporter({ collection }))
  if (options.reporters.includes('html')) reporters.push(createHtmlReporter({ collection }))
  return reporters
}

/**
 * Writes the reporters' files: at `--reporter-<name>-export`, or Newman's default `newman/<name>-<timestamp>`.
 * @example await writeReports(reporters, options, systemClock.now())
 */
export async function writeReports(
  reporters: readonly Reporter[],
  options: RunReporterOptions,
  now: Date,
): Promise<void> {
  const exports: Record<string, string | undefined> = {
    json: options.reporterJsonExport,
    junit: options.reporterJunitExport,
    html: options.reporterHtmlExport,
  }
  for (const reporter of reporters) {
    for (const artifact of reporter.finish()) {
      const path = await reportPath(artifact.defaultPath, exports[artifact.reporter], now)
      await writeOutputFile(path, artifact.text)
    }
  }
}
