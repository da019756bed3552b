import {
  collectionVariables,
  environmentVariables,
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
import { readDocumentFile } from '../read-document-file.js'
import type { Terminal } from '../terminal.js'
import { renderCollectionOutline, renderEnvironmentOutline } from './render-outline.js'

/** Options of `courier inspect`. */
export interface InspectOptions {
  json: boolean
  showSecrets: boolean
  resolve: boolean
  environment?: string
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
  const document = parseDocument(await readDocumentFile(file), { source: file })
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
  if (options.json) {
    terminal.out(`${JSON.stringify({ type: 'collection', format: document.format, ...outline }, null, 2)}\n`)
  } else {
    terminal.out(renderCollectionOutline(outline, { format: document.format, colors: terminal.colors }))
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

async function readScopes(
  document: Extract<ParsedDocument, { type: 'collection' }>,
  options: InspectOptions,
): Promise<VariableScopes> {
  const scopes: VariableScopes = { collection: collectionVariables(document.collection) }
  if (options.environment !== undefined) scopes.environment = await readVariables(options.environment)
  if (options.globals !== undefined) scopes.globals = await readVariables(options.globals)
  return scopes
}

async function readVariables(file: string): Promise<ReturnType<typeof environmentVariables>> {
  const document = parseDocument(await readDocumentFile(file), { source: file })
  if (document.type === 'collection') return collectionVariables(document.collection)
  return environmentVariables(document.type === 'environment' ? document.environment : document.globals)
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
