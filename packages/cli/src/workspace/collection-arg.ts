// Every command that reads a collection takes either a Postman JSON file or a workspace path
// ("GoToMeeting/Organizers/Get Organizer"); every `-e`/`-g` takes a file or a workspace environment name. A path
// that names an existing file is a file, unless --workspace is given.
import { stat } from 'node:fs/promises'
import {
  AppError,
  collectionVariables,
  environmentVariables,
  parseDocument,
  withCollectionSecrets,
  type Collection,
  type Variable,
} from '@courier/core'
import { withSecretValues, type Workspace } from '@courier/storage'
import { readDocumentFile } from '../read-document-file.js'
import type { Terminal } from '../terminal.js'
import { resolveItemPath } from './item-path.js'
import { openWorkspace, openWorkspaceState, type WorkspaceFlags } from './open-workspace.js'

/** A collection as a command reads it. */
export interface CollectionArg {
  collection: Collection
  /** For messages: the file, or the collection's folder in the workspace. */
  source: string
  /** Set when it came from a workspace: the workspace, the collection's folder, and the item path given after it. */
  workspace?: { ws: Workspace; dir: string; item?: string }
}

/**
 * Reads a collection argument: an existing file (Postman JSON), else a path in the workspace.
 * @throws AppError WORKSPACE_NOT_FOUND when it is neither a file nor inside a workspace
 * @example const { collection, workspace } = await loadCollectionArg('GoToMeeting', flags, terminal)
 */
export async function loadCollectionArg(
  arg: string,
  flags: WorkspaceFlags,
  terminal: Terminal,
): Promise<CollectionArg> {
  if (flags.workspace === undefined && (await isFile(arg))) {
    const document = parseDocument(await readDocumentFile(arg), { source: arg })
    if (document.type !== 'collection') {
      throw new AppError('FORMAT_UNKNOWN', `${arg}: this is a ${document.type} file, not a collection`, {
        source: arg,
        found: document.type,
      })
    }
    return { collection: document.collection, source: arg }
  }
  let ws: Workspace
  try {
    ws = await openWorkspace(flags, terminal)
  } catch (error) {
    // Outside a workspace, the argument was meant as a file: say that it is missing.
    if (flags.workspace === undefined && !(await isFile(arg))) await readDocumentFile(arg)
    throw error
  }
  const target = resolveItemPath(ws, arg)
  const state = await openWorkspaceState(ws.root, process.env)
  let collection: Collection
  try {
    collection = await withCollectionSecrets(target.collection, state.secrets)
  } finally {
    state.close()
  }
  return {
    collection,
    source: target.dir,
    workspace: { ws, dir: target.dir, ...(target.item === undefined ? {} : { item: target.item }) },
  }
}

/**
 * Reads the variables of a `-e`/`-g` argument: an existing file, else an environment of the workspace (or
 * `globals`) with its secret values from local state.
 * @example const vars = await loadVariablesArg('Staging', ws, 'environment')
 */
export async function loadVariablesArg(
  arg: string,
  ws: Workspace | undefined,
  kind: 'environment' | 'globals',
): Promise<{ variables: Variable[]; name: string }> {
  if (ws === undefined || (await isFile(arg))) {
    const document = parseDocument(await readDocumentFile(arg), { source: arg })
    if (document.type === 'collection')
      return {
        variables: collectionVariables(document.collection),
        name: document.collection.info?.name ?? arg,
      }
    const env = document.type === 'environment' ? document.environment : document.globals
    return { variables: environmentVariables(env), name: env.name ?? arg }
  }
  const env = kind === 'globals' || arg.toLowerCase() === 'globals' ? ws.globals() : ws.environment(arg)
  if (env === undefined) return { variables: [], name: 'Globals' }
  const state = await openWorkspaceState(ws.root, process.env)
  try {
    const scope = env.kind === 'globals' ? 'globals' : (`environment:${env.environment.name ?? ''}` as const)
    return {
      variables: await withSecretValues(environmentVariables(env.environment), scope, state.secrets),
      name: env.environment.name ?? 'Globals',
    }
  } finally {
    state.close()
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}
