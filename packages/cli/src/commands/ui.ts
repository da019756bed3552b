import { findWorkspaceRoot } from '@courier/storage'
import { ExitCode } from '../exit-codes.js'
import { openBrowser } from '../oauth/open-browser.js'
import type { Terminal } from '../terminal.js'
import { openUiServer } from './ui-server.js'

/** Options of `courier ui`. */
export interface UiOptions {
  port: number
  /** Only print the URL (a headless machine, a test). */
  open: boolean
  userAgent: string
}

/**
 * `courier ui [workspace] [--port N] [--no-open]`: serves the web UI of the workspace on 127.0.0.1, prints its URL
 * (with the per-launch access token) on stdout, opens the browser on it, and runs until SIGINT or SIGTERM.
 * @throws AppError WORKSPACE_NOT_FOUND (the hint says `courier init`)
 * @example await uiCommand(undefined, { port: 0, open: false, userAgent: 'Courier/0.1.0' }, terminal)
 */
export async function uiCommand(
  workspace: string | undefined,
  options: UiOptions,
  terminal: Terminal,
): Promise<number> {
  const root = await findWorkspaceRoot(workspace ?? process.cwd())
  const ui = await openUiServer({ root, port: options.port, env: process.env, userAgent: options.userAgent })
  for (const problem of ui.workspace.problems) {
    const where = `${problem.path}${problem.line === undefined ? '' : `:${problem.line}:${problem.column ?? 1}`}`
    terminal.err(`${terminal.colors.yellow('warning')} ${where}: ${problem.message} (skipped)\n`)
  }
  terminal.out(`${ui.url}\n`)
  terminal.err(
    `${terminal.colors.green('✓')} Courier UI for ${root} on ${ui.origin} ${terminal.colors.dim('(Ctrl-C stops it)')}\n`,
  )
  if (options.open && !(await openBrowser(ui.url, { env: process.env })))
    terminal.err('(Could not start a browser: open the URL above.)\n')
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
  await ui.close()
  terminal.err('Courier UI stopped.\n')
  return ExitCode.success
}
