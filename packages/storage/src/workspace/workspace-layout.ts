// Where things live in a workspace (formats/postman-v3.md §1): the folders Courier reads and writes, how a
// workspace is recognised, and how `courier` finds the one a command runs in (as git finds its repository).
import { existsSync } from 'node:fs'
import { stat } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { AppError } from '@courier/core'

/** Paths relative to the workspace root, always with `/`. */
export const workspacePaths = {
  collections: 'postman/collections',
  environments: 'postman/environments',
  globals: 'postman/globals',
  globalsFile: 'postman/globals/workspace.globals.yaml',
  state: '.courier',
  trash: '.courier/trash',
  parseCache: '.courier/cache/yaml.json',
  resources: '.postman/resources.yaml',
} as const

/**
 * Tells whether `dir` holds a workspace: a `postman/collections` or `postman/environments` folder, or Postman's
 * `.postman/resources.yaml` manifest.
 * @example await isWorkspace('/home/ada/api') // true
 */
export async function isWorkspace(dir: string): Promise<boolean> {
  const probes = [workspacePaths.collections, workspacePaths.environments, workspacePaths.resources]
  for (const probe of probes) if (await exists(join(dir, ...probe.split('/')))) return true
  return false
}

/**
 * The nearest folder from `start` upward that holds a workspace.
 * @throws AppError WORKSPACE_NOT_FOUND when there is none up to the file system's root
 * @example const root = await findWorkspaceRoot(process.cwd())
 */
export async function findWorkspaceRoot(start: string): Promise<string> {
  let current = resolve(start)
  for (;;) {
    if (await isWorkspace(current)) return current
    const parent = dirname(current)
    if (parent === current) break
    current = parent
  }
  throw new AppError(
    'WORKSPACE_NOT_FOUND',
    `${resolve(start)}: no Courier workspace here or in any parent folder (looked for postman/collections)`,
    { start: resolve(start) },
  )
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch {
    return false
  }
}

/**
 * The nearest folder from `start` upward that holds a workspace, or `undefined` (synchronous, for the few callers
 * that decide where local state lives before anything else runs).
 * @example const root = nearestWorkspaceRoot(process.cwd())
 */
export function nearestWorkspaceRoot(start: string): string | undefined {
  const probes = [workspacePaths.collections, workspacePaths.environments, workspacePaths.resources]
  let current = resolve(start)
  for (;;) {
    if (probes.some((probe) => existsSync(join(current, ...probe.split('/'))))) return current
    const parent = dirname(current)
    if (parent === current) return undefined
    current = parent
  }
}
