import { readFile } from 'node:fs/promises'
import { AppError } from '@courier/core'
import { ExitCode } from '../exit-codes.js'
import { mergeRunReports, type RunReport } from '../reporters/merge-run-reports.js'
import type { Terminal } from '../terminal.js'
import { writeOutputFile } from './write-output-file.js'

/**
 * `courier merge-reports <report.json…> [-o merged.json]`: joins the JSON reports of a sharded run into one
 * (on standard output, or written atomically to `-o`). Exit 0; 2 for an unreadable report or reports of
 * different collections.
 * @example process.exitCode = await mergeReportsCommand(['1.json', '2.json'], { output: 'all.json' }, terminal)
 */
export async function mergeReportsCommand(
  files: readonly string[],
  options: { output?: string },
  terminal: Terminal,
): Promise<number> {
  const inputs = []
  for (const source of files) inputs.push({ source, report: await readReport(source) })
  const { report, warnings } = mergeRunReports(inputs)
  for (const warning of warnings) terminal.err(`${terminal.colors.yellow('warning')}: ${warning}\n`)
  const text = `${JSON.stringify(report, null, 2)}\n`
  if (options.output === undefined) terminal.out(text)
  else {
    await writeOutputFile(options.output, text)
    terminal.err(`${terminal.colors.green('✓')} merged ${files.length} reports into ${options.output}\n`)
  }
  return ExitCode.success
}

async function readReport(source: string): Promise<RunReport> {
  let parsed: unknown
  try {
    parsed = JSON.parse(await readFile(source, 'utf8'))
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message
    throw new AppError('FILE_UNREADABLE', `${source}: ${reason}`, { source, reason }, { cause: error })
  }
  const run = (parsed as RunReport | null)?.run
  if (typeof run !== 'object' || run === null || typeof run.stats !== 'object') {
    throw new AppError(
      'FILE_UNREADABLE',
      `${source}: not a run report (no run.stats); write one with -r json`,
      {
        source,
        reason: 'not a run report',
      },
    )
  }
  return parsed as RunReport
}
