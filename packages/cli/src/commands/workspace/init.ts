import { resolve } from 'node:path'
import { Workspace, workspacePaths } from '@courier/storage'
import { ExitCode } from '../../exit-codes.js'
import type { Terminal } from '../../terminal.js'

/**
 * `courier init [dir]`: creates a workspace (Postman's v3 layout: postman/collections, environments, globals) and
 * the `.gitignore` line that keeps local state out of git. Running it again changes nothing.
 * @example await initCommand('api', terminal)
 */
export async function initCommand(dir: string | undefined, terminal: Terminal): Promise<number> {
  const root = resolve(dir ?? '.')
  const ws = await Workspace.init(root)
  const { green, dim } = terminal.colors
  terminal.out(`${green('✓')} workspace ready in ${root}\n`)
  terminal.out(
    dim(
      `  ${workspacePaths.collections}/  ${workspacePaths.environments}/  ${workspacePaths.globals}/  (.courier/ holds local state, git-ignored)\n`,
    ),
  )
  if (ws.collections().length === 0)
    terminal.out(dim(`  next: courier import <collection.json> --workspace ${dir ?? '.'}\n`))
  return ExitCode.success
}
