import {
  AppError,
  collectionVariables,
  environmentVariables,
  parseDocument,
  parseIterationData,
  type Collection,
  type Variable,
} from '@courier/core'
import { stat } from 'node:fs/promises'
import type { Workspace } from '@courier/storage'
import pc from 'picocolors'
import { readDocumentFile } from '../read-document-file.js'
import type { Terminal } from '../terminal.js'
import { loadCollectionArg, loadVariablesArg } from '../workspace/collection-arg.js'

const noColors = pc.createColors(false)

/** What `courier run` reads before it starts: the collection, the scopes and the data rows. */
export interface RunInputs {
  collection: Collection
  environment: { name: string; id?: string; values: Variable[] }
  globals: { name: string; id?: string; values: Variable[] }
  iterationData?: Record<string, unknown>[]
  /** A folder (or request) named in a workspace path after the collection: what runs. */
  folder?: string
}

/** The files and `--env-var`/`--global-var` flags of `courier run`. */
export interface RunInputFlags {
  workspace?: string
  environment?: string
  globals?: string
  iterationData?: string
  envVars: string[]
  globalVars: string[]
}

/**
 * Reads the collection, `-e` environment, `-g` globals and `-d` data file, and applies `--env-var` and
 * `--global-var` (they replace a variable of the same name or add one).
 * @example const inputs = await loadRunInputs('api.json', { environment: 'env.json', envVars: [], globalVars: [] })
 */
export async function loadRunInputs(
  file: string,
  flags: RunInputFlags,
  terminal?: Terminal,
): Promise<RunInputs> {
  const quiet: Terminal = terminal ?? {
    out: () => undefined,
    err: () => undefined,
    colors: noColors,
    isTTY: false,
  }
  const arg = await loadCollectionArg(file, flags, quiet)
  const ws = arg.workspace?.ws
  const environment = await readScope(flags.environment, 'environment', ws)
  // In a workspace, its globals apply unless -g names others (as `courier send` does).
  const globals = await readScope(
    flags.globals ?? (ws?.globals() === undefined ? undefined : 'globals'),
    'globals',
    ws,
  )
  environment.values = withOverrides(environment.values, flags.envVars, '--env-var')
  globals.values = withOverrides(globals.values, flags.globalVars, '--global-var')
  const inputs: RunInputs = { collection: arg.collection, environment, globals }
  // `courier run "GoToMeeting/Organizers"`: the folder after the collection is what runs.
  if (arg.workspace?.item !== undefined) inputs.folder = arg.workspace.item
  if (flags.iterationData !== undefined) {
    const text = new TextDecoder().decode(await readDocumentFile(flags.iterationData))
    inputs.iterationData = parseIterationData(text, { source: flags.iterationData })
  }
  return inputs
}

async function readScope(
  arg: string | undefined,
  fallbackName: string,
  ws: Workspace | undefined,
): Promise<{ name: string; id?: string; values: Variable[] }> {
  if (arg === undefined) return { name: fallbackName, values: [] }
  if (ws !== undefined && !(await isFile(arg))) {
    const loaded = await loadVariablesArg(arg, ws, fallbackName === 'globals' ? 'globals' : 'environment')
    return { name: loaded.name, values: loaded.variables }
  }
  const document = parseDocument(await readDocumentFile(arg), { source: arg })
  if (document.type === 'collection')
    return { name: fallbackName, values: collectionVariables(document.collection) }
  const scope = document.type === 'environment' ? document.environment : document.globals
  return {
    name: scope.name ?? fallbackName,
    ...(scope.id === undefined ? {} : { id: scope.id }),
    values: environmentVariables(scope),
  }
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() === true
}

function withOverrides(values: Variable[], flags: readonly string[], flag: string): Variable[] {
  const out = [...values]
  for (const text of flags) {
    const equals = text.indexOf('=')
    if (equals <= 0) {
      throw new AppError('USAGE_INVALID', `${flag} ${text}: expected name=value`, {
        message: `bad ${flag} ${text}`,
      })
    }
    const variable = { key: text.slice(0, equals), value: text.slice(equals + 1) }
    const index = out.findIndex((existing) => existing.key === variable.key)
    if (index === -1) out.push(variable)
    else out[index] = variable
  }
  return out
}

/**
 * A scope in Postman's export shape, for `--export-environment` and `--export-globals`.
 * @example JSON.stringify(exportScope({ name: 'local', values }, { scope: 'environment', version: '0.1.0', now }))
 */
export function exportScope(
  scope: { name: string; id?: string; values: readonly Variable[] },
  options: { scope: 'environment' | 'globals'; version: string; now: Date },
): Record<string, unknown> {
  return {
    ...(scope.id === undefined ? {} : { id: scope.id }),
    name: scope.name,
    values: scope.values.map((variable) => ({
      key: variable.key,
      value: variable.value,
      type: variable.type ?? 'default',
      enabled: variable.enabled !== false && variable.disabled !== true,
    })),
    _postman_variable_scope: options.scope,
    _postman_exported_at: options.now.toISOString(),
    _postman_exported_using: `Courier/${options.version}`,
  }
}
