import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { AppError, isAppError, parseDocument, takeCollectionSecrets, type Environment } from '@courier/core'
import type { SecretStore, Workspace } from '@courier/storage'
import { ExitCode } from '../../exit-codes.js'
import { printWarnings } from '../../print-warnings.js'
import { readDocumentFile } from '../../read-document-file.js'
import type { Terminal } from '../../terminal.js'
import { openWorkspace, openWorkspaceState, type WorkspaceFlags } from '../../workspace/open-workspace.js'

/** Options of `courier import`. */
export interface ImportOptions extends WorkspaceFlags {
  /** What to do when the workspace already has it: refuse (default), overwrite, or keep both. */
  onConflict: 'error' | 'replace' | 'copy'
  json: boolean
  /** Asks the user what to do with a conflict (on a terminal, without --replace or --as-copy). */
  ask?: (question: string) => Promise<string>
}

type Choice = 'replace' | 'copy' | 'skip'

interface Imported {
  file: string
  type: 'collection' | 'environment' | 'globals'
  name: string
  path: string
  secrets: number
}

/**
 * `courier import <file|folder…>`: Postman collections (v1, v2.0, v2.1), environments and globals into the
 * workspace, as v3 YAML files. A folder imports every `.json` file in it. Secret values go to local state, never
 * into the files. All files are read and checked before anything is written.
 * @example await importCommand(['api.json', 'env.json'], { onConflict: 'error', json: false }, terminal)
 */
export async function importCommand(
  inputs: readonly string[],
  options: ImportOptions,
  terminal: Terminal,
): Promise<number> {
  const files = (await Promise.all(inputs.map(expand))).flat()
  // Parse everything first: one bad file stops the import before the workspace changes.
  const documents = []
  for (const file of files) {
    const document = parseDocument(await readDocumentFile(file), { source: file })
    printWarnings(document.warnings, terminal)
    documents.push({ file, document })
  }
  const ws = await openWorkspace(options, terminal)
  const imported: Imported[] = []
  const state = await openWorkspaceState(ws.root, process.env)
  try {
    for (const { file, document } of documents) {
      const attempt = async (onConflict: ImportOptions['onConflict']): Promise<Imported> => {
        if (document.type === 'collection') {
          const collection = await takeCollectionSecrets(document.collection, state.secrets)
          const added = await ws.addCollection(collection, onConflict)
          const name = added.collection.info?.name ?? ''
          return { file, type: 'collection', name, path: added.dir, secrets: 0 }
        }
        const environment = document.type === 'environment' ? document.environment : document.globals
        return importEnvironment(ws, state.secrets, file, environment, document.type, {
          ...options,
          onConflict,
        })
      }
      try {
        imported.push(await attempt(options.onConflict))
      } catch (error) {
        if (!isAppError(error, 'WORKSPACE_CONFLICT') || options.ask === undefined) throw error
        const choice = await choose(options.ask, error.details.name)
        if (choice === 'skip') terminal.err(`${terminal.colors.dim('skipped')} ${file}\n`)
        else imported.push(await attempt(choice))
      }
    }
  } finally {
    state.close()
  }
  if (options.json) {
    terminal.out(`${JSON.stringify({ workspace: ws.root, imported }, null, 2)}\n`)
    return ExitCode.success
  }
  const { green, dim } = terminal.colors
  for (const item of imported) {
    const secrets = item.secrets === 0 ? '' : dim(` (${item.secrets} secret value(s) kept in local state)`)
    terminal.out(`${green('✓')} ${item.type} "${item.name}" → ${item.path}${secrets}\n`)
  }
  return ExitCode.success
}

async function importEnvironment(
  ws: Workspace,
  secrets: SecretStore,
  file: string,
  environment: Environment,
  type: 'environment' | 'globals',
  options: ImportOptions,
): Promise<Imported> {
  let named = environment
  if (type === 'environment') {
    const name = environment.name ?? 'Environment'
    const exists = ws.environments().some((e) => e.environment.name?.toLowerCase() === name.toLowerCase())
    if (exists && options.onConflict === 'error')
      throw new AppError(
        'WORKSPACE_CONFLICT',
        `${file}: the workspace already has the environment "${name}"`,
        {
          name,
          path: file,
        },
      )
    if (exists && options.onConflict === 'copy') {
      let copy = `${name} copy`
      for (let n = 2; ws.environments().some((e) => e.environment.name === copy); n++)
        copy = `${name} copy ${n}`
      named = { ...environment, name: copy }
    }
  } else if (
    ws.globals() !== undefined &&
    options.onConflict === 'error' &&
    hasValues(ws.globals()?.environment)
  ) {
    throw new AppError('WORKSPACE_CONFLICT', `${file}: the workspace already has globals`, {
      name: 'Globals',
      path: file,
    })
  }
  const saved = await ws.saveEnvironment(named, type)
  const scope =
    type === 'globals' ? ('globals' as const) : (`environment:${named.name ?? 'Environment'}` as const)
  for (const secret of saved.secrets) await secrets.set(scope, secret)
  return { file, type, name: named.name ?? 'Globals', path: saved.path, secrets: saved.secrets.length }
}

function hasValues(environment: Environment | undefined): boolean {
  return environment !== undefined && environment.values.length > 0
}

async function expand(input: string): Promise<string[]> {
  const info = await stat(input).catch(() => undefined)
  if (info?.isDirectory() !== true) return [input]
  const names = (await readdir(input)).filter((name) => name.toLowerCase().endsWith('.json')).sort()
  return names.map((name) => join(input, name))
}

// Postman's own import dialog offers the same three ways out.
async function choose(ask: (question: string) => Promise<string>, name: string): Promise<Choice> {
  for (;;) {
    const answer = (
      await ask(`"${name}" is already in the workspace: [r]eplace it, keep [b]oth, or [s]kip? `)
    )
      .trim()
      .toLowerCase()
    if (answer === 'r' || answer === 'replace') return 'replace'
    if (answer === 'b' || answer === 'both' || answer === 'keep both') return 'copy'
    if (answer === 's' || answer === 'skip' || answer === '') return 'skip'
  }
}
