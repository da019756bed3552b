import { ExitCode } from '../../exit-codes.js'
import type { Terminal } from '../../terminal.js'
import { openWorkspace, openWorkspaceState, type WorkspaceFlags } from '../../workspace/open-workspace.js'

/** Options of `courier history`. */
export interface HistoryOptions extends WorkspaceFlags {
  limit: number
  json: boolean
}

/**
 * `courier history [--limit N]`: the requests sent from this workspace, newest first (secrets were masked before
 * they were stored).
 * @example await historyCommand({ limit: 20, json: false }, terminal)
 */
export async function historyCommand(options: HistoryOptions, terminal: Terminal): Promise<number> {
  const ws = await openWorkspace(options, terminal)
  const state = await openWorkspaceState(ws.root, process.env)
  try {
    const entries = await state.history.list({ limit: options.limit })
    if (options.json) {
      terminal.out(`${JSON.stringify(entries, null, 2)}\n`)
      return ExitCode.success
    }
    const { dim, green, red, yellow, bold } = terminal.colors
    if (entries.length === 0)
      terminal.out(dim('no history yet: requests sent with courier send appear here\n'))
    for (const e of entries) {
      const status =
        e.status === undefined
          ? red(e.errorCode ?? 'error')
          : e.status >= 400
            ? red(String(e.status))
            : e.status >= 300
              ? yellow(String(e.status))
              : green(String(e.status))
      const time = e.totalMs === undefined ? '' : dim(` ${Math.round(e.totalMs)} ms`)
      const where = e.item === undefined ? '' : dim(`  ${e.collection?.name ?? ''}/${e.item.path}`)
      terminal.out(
        `${dim(`#${e.id} ${e.sentAt}`)}  ${bold(e.method.padEnd(6))} ${e.url}  ${status}${time}${where}\n`,
      )
    }
  } finally {
    state.close()
  }
  return ExitCode.success
}
