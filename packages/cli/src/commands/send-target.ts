import {
  collectionVariables,
  findRequest,
  type Collection,
  type RequestTarget,
  type Variable,
  type VariableScopes,
} from '@courier/core'
import { AppError } from '@courier/core'
import type { Workspace } from '@courier/storage'
import type { Terminal } from '../terminal.js'
import { loadCollectionArg, loadVariablesArg } from '../workspace/collection-arg.js'
import { findWorkspaceRoot } from '@courier/storage'

/** How `courier send` names what to send: a request of a collection (file or workspace), or an ad hoc URL. */
export type SendSource =
  | { type: 'collection'; file: string; request?: string }
  | { type: 'adhoc'; method?: string; url: string; headers: string[]; data?: string }

/** Options that shape the variable scopes of `courier send`. */
export interface ScopeFlags {
  environment?: string
  globals?: string
  vars: string[]
  workspace?: string
}

/** What to send, the variables it sees, and the workspace it came from (history, tokens). */
export interface SendTarget {
  target: RequestTarget
  scopes: VariableScopes
  workspace?: { ws: Workspace; dir: string }
  environmentName?: string
}

/**
 * Finds what to send and the variables it sees: a collection's request with the collection's variables, or a
 * one-request collection built from the ad hoc flags (curl's: `-X`, `-H 'K: V'`, `-d data`, `-d @file`). A single
 * argument that is a workspace path ("GoToMeeting/Organizers/Get Organizer") is a collection request.
 * @example const { target, scopes } = await loadSendTarget(source, flags, terminal)
 */
export async function loadSendTarget(
  source: SendSource,
  flags: ScopeFlags,
  terminal: Terminal,
): Promise<SendTarget> {
  const resolved = source.type === 'adhoc' ? await asWorkspacePath(source, flags, terminal) : source
  if (resolved.type === 'adhoc') {
    const target = findRequest(adhocCollection(resolved), 'request', { source: 'command line' })
    return { target, scopes: await loadScopes(target.collection, flags) }
  }
  const arg = await loadCollectionArg(resolved.file, flags, terminal)
  const request = resolved.request ?? arg.workspace?.item
  if (request === undefined)
    throw new AppError('USAGE_INVALID', `${resolved.file}: name the request to send ("Folder/Request")`, {
      message: 'no request named',
    })
  const target = findRequest(arg.collection, request, { source: arg.source })
  const ws = arg.workspace?.ws
  const scopes = await loadScopes(target.collection, flags, ws)
  return {
    target,
    scopes: scopes.scopes,
    ...(arg.workspace === undefined ? {} : { workspace: { ws: arg.workspace.ws, dir: arg.workspace.dir } }),
    ...(scopes.environmentName === undefined ? {} : { environmentName: scopes.environmentName }),
  }
}

/**
 * The variable scopes a command sees: the collection's variables, `-e` environment, `-g` globals and `--var`
 * overrides (highest). In a workspace, `-e`/`-g` may name its environments.
 * @example const scopes = await loadScopes(collection, { environment: 'env.json', vars: [] })
 */
export async function loadScopes(collection: Collection, flags: ScopeFlags): Promise<VariableScopes>
export async function loadScopes(
  collection: Collection,
  flags: ScopeFlags,
  ws: Workspace | undefined,
): Promise<{ scopes: VariableScopes; environmentName?: string }>
export async function loadScopes(
  collection: Collection,
  flags: ScopeFlags,
  ...rest: [Workspace | undefined] | []
): Promise<VariableScopes | { scopes: VariableScopes; environmentName?: string }> {
  const ws = rest[0]
  const scopes: VariableScopes = { collection: collectionVariables(collection) }
  let environmentName: string | undefined
  if (flags.environment !== undefined) {
    const loaded = await loadVariablesArg(flags.environment, ws, 'environment')
    scopes.environment = loaded.variables
    environmentName = loaded.name
  }
  // In a workspace, its globals apply unless -g names others (as in Postman, where globals belong to the workspace).
  const globals = flags.globals ?? (ws?.globals() === undefined ? undefined : 'globals')
  if (globals !== undefined) scopes.globals = (await loadVariablesArg(globals, ws, 'globals')).variables
  if (flags.vars.length > 0) scopes.local = flags.vars.map(parseVar)
  if (rest.length === 0) return scopes
  return { scopes, ...(environmentName === undefined ? {} : { environmentName }) }
}

// `courier send "GoToMeeting/Organizers/Get Organizer"`: a bare argument without curl flags, no scheme, inside a
// workspace whose collection it names.
async function asWorkspacePath(
  source: Extract<SendSource, { type: 'adhoc' }>,
  flags: ScopeFlags,
  terminal: Terminal,
): Promise<SendSource> {
  const curlish = source.method !== undefined || source.data !== undefined || source.headers.length > 0
  if (curlish || /^[a-z][a-z0-9+.-]*:\/\//i.test(source.url) || !source.url.includes('/')) return source
  try {
    await findWorkspaceRoot(flags.workspace ?? process.cwd())
    const arg = await loadCollectionArg(source.url, flags, terminal)
    if (arg.workspace?.item !== undefined) return { type: 'collection', file: source.url }
  } catch {
    // Not a workspace path: an ad hoc URL without a scheme.
  }
  return source
}

function adhocCollection(source: Extract<SendSource, { type: 'adhoc' }>): Collection {
  const header = source.headers.map((line) => {
    const colon = line.indexOf(':')
    if (colon <= 0) {
      throw new AppError('USAGE_INVALID', `-H '${line}': expected 'Name: value'`, {
        message: `bad header ${line}`,
      })
    }
    return { key: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() }
  })
  const data = source.data
  const body =
    data === undefined
      ? undefined
      : data.startsWith('@')
        ? { mode: 'file', file: { src: data.slice(1) } }
        : { mode: 'raw', raw: data }
  // curl's rule: data without -X means POST.
  const method = source.method ?? (data === undefined ? 'GET' : 'POST')
  return {
    info: {
      name: 'command line',
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    },
    item: [
      {
        name: 'request',
        request: { method, header, url: source.url, ...(body === undefined ? {} : { body }) },
      },
    ],
  }
}

function parseVar(text: string): Variable {
  const equals = text.indexOf('=')
  if (equals <= 0) {
    throw new AppError('USAGE_INVALID', `--var ${text}: expected name=value`, {
      message: `bad --var ${text}`,
    })
  }
  return { key: text.slice(0, equals), value: text.slice(equals + 1) }
}
