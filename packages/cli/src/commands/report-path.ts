import { stat } from 'node:fs/promises'
import { extname, join } from 'node:path'

/**
 * Where a reporter's file goes, as Newman decides it: the `--reporter-<name>-export` path; inside it with a
 * timestamped name when it is an existing folder; without one, `newman/<name>-<timestamp>-0.<ext>` in the working
 * directory (Newman's own folder, so CI jobs that collect `newman/*.xml` keep working).
 * @example await reportPath('courier-run-report.html', undefined, now) // 'newman/courier-run-report-2026-01-02-03-04-05-678-0.html'
 */
export async function reportPath(
  defaultName: string,
  exportPath: string | undefined,
  now: Date,
): Promise<string> {
  const ext = extname(defaultName)
  const stamped = `${defaultName.slice(0, defaultName.length - ext.length)}-${timestamp(now)}${ext}`
  if (exportPath === undefined) return join('newman', stamped)
  const info = await stat(exportPath).catch(() => undefined)
  return info?.isDirectory() === true ? join(exportPath, stamped) : exportPath
}

/** Newman's file timestamp: the ISO time with every run of non-digits as `-`, then `0` (`2026-01-02-03-04-05-678-0`). */
function timestamp(now: Date): string {
  return `${now.toISOString().replace(/\D+/g, '-')}0`
}
