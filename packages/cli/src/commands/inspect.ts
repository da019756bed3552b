import {
  collectionVariables,
  outlineCollection,
  outlineEnvironment,
  parseDocument,
  resolveTemplate,
  type CollectionOutline,
  type ItemOutline,
  type ParsedDocument,
  type VariableScopes,
} from '@courier/core'
import { ExitCode } from '../exit-codes.js'
import { printWarnings } from '../print-warnings.js'
import { stat } from 'node:fs/promises'
import type { Workspace } from '@courier/storage'
import { readDocumentFile } from '../read-document-file.js'
import { loadCollectionArg, loadVariablesArg } from '../workspace/collection-arg.js'
import type { Terminal } from '../terminal.js'
import { renderCollectionOutline, renderEnvironmentOutline } from './render-outline.js'

/** Options of `courier inspect`. */
export interface InspectOptions {
  json: boolean
  showSecrets: boolean
  resolve: boolean
  environment?: string
  workspace?: string
  globals?: string
}

/**
 * `courier inspect <file>`: the outline of a collection (tree, variables, auth, scripts, examples) or the values
 * of an environment or globals file, as text or `--json`. With `--resolve`, request URLs show their variables
 * resolved from the collection, `-e` environment and `-g` globals (secrets masked unless `--show-secrets`).
 * @example await inspectCommand('c.json', { json: true, showSecrets: false, resolve: false }, terminal)
 */
export async function inspectCommand(
  file: string,
  options: InspectOptions,
  terminal: Terminal,
): Promise<number> {
  const document = await readInspected(file, options, terminal)
  printWarnings(document.warnings, terminal)
  if (document.type !== 'collection') {
    const outline = outlineEnvironment(
      document.type === 'environment' ? document.environment : document.globals,
    )
    const secretKeys = new Set(
      outline.values.filter((value) => value.type === 'secret').map((value) => value.key),
    )
    const shown = options.showSecrets
      ? outline
      : {
          ...outline,
          values: outline.values.map((value) =>
            secretKeys.has(value.key) ? { ...value, value: '••••' } : value,
          ),
        }
    if (options.json) terminal.out(`${JSON.stringify({ type: document.type, ...shown }, null, 2)}\n`)
    else terminal.out(renderEnvironmentOutline(shown, terminal.colors))
    return ExitCode.success
  }
  let outline = outlineCollection(document.collection)
  outline = options.showSecrets ? outline : maskSecretVariables(outline)
  if (options.resolve) {
    const scopes = await readScopes(document, options)
    outline = { ...outline, items: resolveUrls(outline.items, scopes, options.showSecrets) }
  }
  const format = document.workspace === undefined ? document.format : 'v3 workspace'
  if (options.json) {
    terminal.out(`${JSON.stringify({ type: 'collection', format, ...outline }, null, 2)}\n`)
  } else {
    terminal.out(renderCollectionOutline(outline, { format, colors: terminal.colors }))
  }
  return ExitCode.success
}

function maskSecretVariables(outline: CollectionOutline): CollectionOutline {
  return {
    ...outline,
    variables: outline.variables.map((variable) =>
      variable.type === 'secret' ? { ...variable, value: '••••' } : variable,
    ),
  }
}

type Inspected = ParsedDocument & { workspace?: Workspace }

// A file (collection, environment or globals), or a collection of the workspace by name.
async function readInspected(file: string, options: InspectOptions, terminal: Terminal): Promise<Inspected> {
  if (options.workspace === undefined && (await stat(file).catch(() => undefined))?.isFile() === true) {
    return parseDocument(await readDocumentFile(file), { source: file })
  }
  const arg = await loadCollectionArg(file, options, terminal)
  const document: Inspected = {
    type: 'collection',
    collection: arg.collection,
    format: 'v2.1.0',
    warnings: [],
  }
  return arg.workspace === undefined ? document : { ...document, workspace: arg.workspace.ws }
}

async function readScopes(
  document: Extract<ParsedDocument, { type: 'collection' }> & { workspace?: Workspace },
  options: InspectOptions,
): Promise<VariableScopes> {
  const scopes: VariableScopes = { collection: collectionVariables(document.collection) }
  const ws = document.workspace
  if (options.environment !== undefined)
    scopes.environment = (await loadVariablesArg(options.environment, ws, 'environment')).variables
  if (options.globals !== undefined)
    scopes.globals = (await loadVariablesArg(options.globals, ws, 'globals')).variables
  return scopes
}

function resolveUrls(
  items: readonly ItemOutline[],
  scopes: VariableScopes,
  showSecrets: boolean,
): ItemOutline[] {
  return items.map((item) =>
    item.type === 'folder'
      ? { ...item, items: resolveUrls(item.items, scopes, showSecrets) }
      : { ...item, url: resolveTemplate(item.url, scopes, { mask: showSecrets ? 'none' : 'secrets' }) },
  )
}
