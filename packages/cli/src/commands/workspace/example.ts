// `courier example ls | add | save | rm`: the saved examples of a request (Postman's "several Body examples"):
// listed, written by hand, saved from a response in the history, or deleted.
import {
  AppError,
  addExample,
  deleteExample,
  findItem,
  saveResponseAsExample,
  systemRandom,
} from '@courier/core'
import { ExitCode } from '../../exit-codes.js'
import type { Terminal } from '../../terminal.js'
import { resolveItemPath, type ItemPath } from '../../workspace/item-path.js'
import { parseHeaderFlag, textOrFile } from '../../workspace/text-input.js'
import { openWorkspace, openWorkspaceState, type WorkspaceFlags } from '../../workspace/open-workspace.js'

/**
 * `courier example ls <request>`: the request's examples, in order (name, status, size of the body).
 * @example await exampleLsCommand('GoToMeeting/Organizers/Get Organizer', { json: false }, terminal)
 */
export async function exampleLsCommand(
  path: string,
  options: WorkspaceFlags & { json: boolean },
  terminal: Terminal,
): Promise<number> {
  const ws = await openWorkspace(options, terminal)
  const target = requestPath(resolveItemPath(ws, path), path)
  const { item } = findItem(target.collection, target.item, { kind: 'request' })
  const examples = (item.response ?? []).map((example, index) => ({
    index: index + 1,
    name: example.name ?? '',
    code: example.code,
    status: example.status,
    bodyBytes: typeof example.body === 'string' ? Buffer.byteLength(example.body) : 0,
  }))
  if (options.json) {
    terminal.out(`${JSON.stringify(examples, null, 2)}\n`)
    return ExitCode.success
  }
  const { dim } = terminal.colors
  if (examples.length === 0)
    terminal.out(dim('no examples (courier example add, or save one from history)\n'))
  for (const e of examples)
    terminal.out(
      `${e.index}. ${e.name}  ${dim([e.code, e.status].filter((x) => typeof x === 'number' || typeof x === 'string').join(' '))}\n`,
    )
  return ExitCode.success
}

/** Options of `courier example add`. */
export interface ExampleAddOptions extends WorkspaceFlags {
  name: string
  status: number
  header: string[]
  body?: string
}

/** `courier example add <request> --name N --status 200 [-H 'K: V'] [--body text|@file]`. */
export async function exampleAddCommand(
  path: string,
  options: ExampleAddOptions,
  terminal: Terminal,
): Promise<number> {
  const ws = await openWorkspace(options, terminal)
  const target = requestPath(resolveItemPath(ws, path), path)
  const body = options.body === undefined ? undefined : await textOrFile(options.body)
  const result = addExample(target.collection, target.item, {
    example: {
      name: options.name,
      code: options.status,
      header: options.header.map(parseHeaderFlag),
      ...(body === undefined ? {} : { body }),
    },
    random: systemRandom,
  })
  await ws.saveCollection(target.dir, result.collection)
  terminal.err(`${terminal.colors.green('✓')} example "${options.name}" added to ${path}\n`)
  return ExitCode.success
}

/**
 * `courier example save <request> <history-id> [--name N]`: keeps a response from the history as an example of the
 * request (the request as written in the collection, never the request as sent: no secret goes into the file).
 */
export async function exampleSaveCommand(
  path: string,
  historyId: number,
  options: WorkspaceFlags & { name?: string },
  terminal: Terminal,
): Promise<number> {
  const ws = await openWorkspace(options, terminal)
  const target = requestPath(resolveItemPath(ws, path), path)
  const state = await openWorkspaceState(ws.root, process.env)
  let entry
  try {
    entry = await state.history.get(historyId)
  } finally {
    state.close()
  }
  if (entry?.response === undefined) {
    const why = entry === undefined ? 'no such entry' : 'that send got no response'
    throw new AppError('USAGE_INVALID', `history #${historyId}: ${why} (courier history lists them)`, {
      message: why,
    })
  }
  const { response } = entry
  const result = saveResponseAsExample(target.collection, target.item, {
    exchange: {
      response: {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
        body: response.body.bytes,
      },
    },
    random: systemRandom,
    ...(options.name === undefined ? {} : { name: options.name }),
  })
  await ws.saveCollection(target.dir, result.collection)
  const truncated = response.body.truncated ? ' (the body was stored cut to the history limit)' : ''
  terminal.err(
    `${terminal.colors.green('✓')} history #${historyId} saved as an example of ${path}${truncated}\n`,
  )
  return ExitCode.success
}

/** `courier example rm <request> <example>`: by name or number (from `courier example ls`). */
export async function exampleRmCommand(
  path: string,
  example: string,
  options: WorkspaceFlags,
  terminal: Terminal,
): Promise<number> {
  const ws = await openWorkspace(options, terminal)
  const target = requestPath(resolveItemPath(ws, path), path)
  const selector = /^\d+$/.test(example) ? Number(example) - 1 : example
  const result = deleteExample(target.collection, target.item, { example: selector })
  await ws.saveCollection(target.dir, result.collection)
  terminal.err(`${terminal.colors.green('✓')} example ${example} of ${path} deleted\n`)
  return ExitCode.success
}

function requestPath(target: ItemPath, path: string): ItemPath & { item: string } {
  if (target.item === undefined)
    throw new AppError('USAGE_INVALID', `${path}: name a request ("Collection/Folder/Request")`, {
      message: 'not a request',
    })
  return { ...target, item: target.item }
}
