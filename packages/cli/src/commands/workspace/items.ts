// `courier new | mv | cp | rm | restore | edit`: the edit operations of core, applied to a workspace's files.
import {
  AppError,
  createFolder,
  createRequest,
  deleteItem,
  duplicateItem,
  editItem,
  findItem,
  isFolder,
  moveItem,
  moveItemBetween,
  renameItem,
  restoreItem,
  editCollection,
  systemClock,
  systemRandom,
  type Collection,
  type ItemPatch,
  type KeyValueEntry,
  type TrashEntry,
} from '@courier/core'
import type { Workspace } from '@courier/storage'
import { ExitCode } from '../../exit-codes.js'
import type { Terminal } from '../../terminal.js'
import { resolveItemPath } from '../../workspace/item-path.js'
import { parseHeaderFlag, textOrFile } from '../../workspace/text-input.js'
import { openWorkspace, type WorkspaceFlags } from '../../workspace/open-workspace.js'

/** Options of `courier new`. */
export interface NewOptions extends WorkspaceFlags {
  method?: string
  url?: string
}

/**
 * `courier new collection|folder|request <path>`: creates it at the end of its parent.
 * @example await newCommand('request', 'GoToMeeting/Organizers/List', { method: 'GET', url: '{{base}}/x' }, terminal)
 */
export async function newCommand(
  kind: string,
  path: string,
  options: NewOptions,
  terminal: Terminal,
): Promise<number> {
  if (!['collection', 'folder', 'request'].includes(kind))
    throw usage(`courier new ${kind}: expected collection, folder or request`)
  const ws = await openWorkspace(options, terminal)
  if (kind === 'collection') {
    const added = await ws.addCollection({
      info: {
        name: path,
        _postman_id: crypto.randomUUID(),
        schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
      },
      item: [],
    })
    done(terminal, `collection "${path}" → ${added.dir}`)
    return ExitCode.success
  }
  const { parent, name } = splitLast(path)
  const target = resolveItemPath(ws, parent)
  const parentSelector = target.item ?? null
  const random = { random: systemRandom }
  const result =
    kind === 'folder'
      ? createFolder(target.collection, { parent: parentSelector, name }, random)
      : createRequest(
          target.collection,
          {
            parent: parentSelector,
            name,
            method: (options.method ?? 'GET').toUpperCase(),
            ...(options.url === undefined ? {} : { url: options.url }),
          },
          random,
        )
  await ws.saveCollection(target.dir, result.collection)
  done(terminal, `${kind} "${path}" created`)
  return ExitCode.success
}

/**
 * `courier mv <from> <to>`: renames and/or moves an item. `<to>` is the new path; an existing folder or collection
 * (or a path ending in `/`) means "into it, same name". Works across collections.
 */
export async function mvCommand(
  from: string,
  to: string,
  options: WorkspaceFlags,
  terminal: Terminal,
): Promise<number> {
  const ws = await openWorkspace(options, terminal)
  const source = resolveItemPath(ws, from)
  if (source.item === undefined) {
    throw usage(
      `courier mv ${from}: give an item inside a collection (rename a collection with courier edit --name)`,
    )
  }
  const found = findItem(source.collection, source.item)
  const oldName = found.item.name ?? ''
  const into = isContainer(ws, to)
  const containerPath = into ? to.replace(/\/+$/, '') : splitLast(to).parent
  const newName = into ? oldName : splitLast(to).name
  const target = resolveItemPath(ws, containerPath)
  const folder = target.item ?? null
  // The moved item is found again by id, or by its path at the destination.
  const destinationPrefix =
    folder === null ? '' : `${findItem(target.collection, folder).location.path.join('/')}/`
  const id = typeof found.item.id === 'string' ? found.item.id : undefined
  const selector = id ?? `${destinationPrefix}${oldName}`
  if (target.dir === source.dir) {
    let { collection } = moveItem(source.collection, source.item, { to: folder })
    if (newName !== oldName) collection = renameItem(collection, selector, { name: newName }).collection
    await ws.saveCollection(source.dir, collection)
  } else {
    const moved = moveItemBetween(source.collection, source.item, {
      to: folder,
      collection: target.collection,
    })
    let destination = moved.to.collection
    if (newName !== oldName) destination = renameItem(destination, selector, { name: newName }).collection
    // One transaction for both collections: a crash leaves the item in exactly one of them.
    await ws.saveCollections([
      { dir: target.dir, collection: destination },
      { dir: source.dir, collection: moved.from.collection },
    ])
  }
  done(terminal, `${from} → ${containerPath === '' ? '' : `${containerPath}/`}${newName}`)
  return ExitCode.success
}

/** `courier cp <item> [to]`: duplicates an item (new ids, "Copy of …" unless `<to>` names it), right after it. */
export async function cpCommand(
  from: string,
  to: string | undefined,
  options: WorkspaceFlags,
  terminal: Terminal,
): Promise<number> {
  const ws = await openWorkspace(options, terminal)
  const source = resolveItemPath(ws, from)
  if (source.item === undefined) throw usage(`courier cp ${from}: give an item inside a collection`)
  const name = to === undefined ? undefined : splitLast(to).name
  const result = duplicateItem(source.collection, source.item, {
    random: systemRandom,
    ...(name === undefined ? {} : { name }),
  })
  const added = result.changed.find((change) => change.type === 'item-added')
  const copyName = added?.type === 'item-added' ? (added.at.path.at(-1) ?? '') : (name ?? '')
  await ws.saveCollection(source.dir, result.collection)
  done(terminal, `${from} duplicated as "${copyName}"`)
  return ExitCode.success
}

/** `courier rm <item|collection>`: deletes it to the local trash (`courier restore` brings it back). */
export async function rmCommand(path: string, options: WorkspaceFlags, terminal: Terminal): Promise<number> {
  const ws = await openWorkspace(options, terminal)
  const target = resolveItemPath(ws, path)
  if (target.item === undefined) {
    const file = await ws.removeCollection(target.dir)
    done(terminal, `collection "${target.collection.info?.name ?? ''}" moved to the trash (${file})`)
    return ExitCode.success
  }
  const result = deleteItem(target.collection, target.item, { clock: systemClock })
  await ws.putInTrash('item', result.trashed.item.name ?? 'item', {
    collection: target.dir,
    entry: result.trashed,
  })
  await ws.saveCollection(target.dir, result.collection)
  done(terminal, `${path} moved to the trash (courier restore lists it)`)
  return ExitCode.success
}

/** `courier restore [entry]`: lists the trash, or restores one entry (by its number in the list or file name). */
export async function restoreCommand(
  entry: string | undefined,
  options: WorkspaceFlags & { json: boolean },
  terminal: Terminal,
): Promise<number> {
  const ws = await openWorkspace(options, terminal)
  const trash = await ws.listTrash()
  if (entry === undefined) {
    if (options.json) {
      terminal.out(
        `${JSON.stringify(
          trash.map(({ file, kind, name, deletedAt }) => ({ file, kind, name, deletedAt })),
          null,
          2,
        )}\n`,
      )
      return ExitCode.success
    }
    const { dim } = terminal.colors
    if (trash.length === 0) terminal.out(dim('the trash is empty\n'))
    trash.forEach((t, i) =>
      terminal.out(`${i + 1}. ${t.kind} "${t.name}"  ${dim(`deleted ${t.deletedAt}`)}\n`),
    )
    return ExitCode.success
  }
  const index = /^\d+$/.test(entry) ? Number(entry) - 1 : trash.findIndex((t) => t.file.endsWith(entry))
  const chosen = trash[index]
  if (chosen === undefined)
    throw usage(`courier restore ${entry}: no such entry in the trash (run courier restore)`)
  if (chosen.kind === 'collection') {
    await ws.addCollection(chosen.value as Collection, 'copy')
  } else if (chosen.kind === 'environment') {
    await ws.saveEnvironment(chosen.value as never, 'environment')
  } else {
    const { collection: dir, entry: trashed } = chosen.value as { collection: string; entry: TrashEntry }
    const current = ws.collections().find((c) => c.dir === dir) ?? ws.collection(trashed.collectionId ?? dir)
    const result = restoreItem(current.collection, trashed)
    await ws.saveCollection(current.dir, result.collection)
  }
  await ws.dropFromTrash(chosen.file)
  done(terminal, `${chosen.kind} "${chosen.name}" restored`)
  return ExitCode.success
}

/** Options of `courier edit`. */
export interface EditOptions extends WorkspaceFlags {
  name?: string
  method?: string
  url?: string
  header: string[]
  removeHeader: string[]
  body?: string
  bodyLanguage?: string
  description?: string
  prerequest?: string
  test?: string
}

/**
 * `courier edit <item|collection> [--name] [--method] [--url] [--header 'K: V'] [--body text|@file]
 * [--description text|@file] [--prerequest @file] [--test @file]`: changes fields and saves (one file changes).
 */
export async function editCommand(path: string, options: EditOptions, terminal: Terminal): Promise<number> {
  const ws = await openWorkspace(options, terminal)
  const target = resolveItemPath(ws, path)
  const patch: ItemPatch = {}
  if (options.name !== undefined) patch.name = options.name
  if (options.description !== undefined) patch.description = await textOrFile(options.description)
  if (options.prerequest !== undefined || options.test !== undefined)
    patch.scripts = {
      ...(options.prerequest === undefined ? {} : { prerequest: await textOrFile(options.prerequest) }),
      ...(options.test === undefined ? {} : { test: await textOrFile(options.test) }),
    }
  if (target.item === undefined) {
    const result = editCollection(target.collection, patch)
    await ws.saveCollection(target.dir, result.collection)
    done(terminal, `${path} saved`)
    return ExitCode.success
  }
  const found = findItem(target.collection, target.item)
  if (!isFolder(found.item)) {
    if (options.method !== undefined) patch.method = options.method.toUpperCase()
    if (options.url !== undefined) patch.url = options.url
    if (options.header.length > 0 || options.removeHeader.length > 0)
      patch.header = mergeHeaders(found.item.request, options.header, options.removeHeader)
    if (options.body !== undefined) {
      const raw = await textOrFile(options.body)
      patch.body = {
        mode: 'raw',
        raw,
        ...(options.bodyLanguage === undefined
          ? {}
          : { options: { raw: { language: options.bodyLanguage } } }),
      }
    }
  }
  const result = editItem(target.collection, target.item, patch)
  await ws.saveCollection(target.dir, result.collection)
  done(terminal, `${path} saved`)
  return ExitCode.success
}

function mergeHeaders(request: unknown, set: readonly string[], remove: readonly string[]): KeyValueEntry[] {
  const current =
    typeof request === 'object' && request !== null && Array.isArray((request as { header?: unknown }).header)
      ? (request as { header: KeyValueEntry[] }).header
      : []
  const removed = new Set(remove.map((name) => name.toLowerCase()))
  let headers = current.filter((h) => !removed.has(h.key.toLowerCase()))
  for (const line of set) {
    const { key, value } = parseHeaderFlag(line)
    const at = headers.findIndex((h) => h.key.toLowerCase() === key.toLowerCase())
    headers =
      at === -1 ? [...headers, { key, value }] : headers.map((h, i) => (i === at ? { ...h, value } : h))
  }
  return headers
}

function isContainer(ws: Workspace, path: string): boolean {
  if (path.endsWith('/')) return true
  try {
    const target = resolveItemPath(ws, path)
    if (target.item === undefined) return true
    return isFolder(findItem(target.collection, target.item).item)
  } catch {
    return false
  }
}

function splitLast(path: string): { parent: string; name: string } {
  const trimmed = path.replace(/\/+$/, '')
  const at = trimmed.lastIndexOf('/')
  if (at === -1) return { parent: '', name: trimmed }
  return { parent: trimmed.slice(0, at), name: trimmed.slice(at + 1) }
}

function usage(message: string): AppError<'USAGE_INVALID'> {
  return new AppError('USAGE_INVALID', message, { message })
}

function done(terminal: Terminal, text: string): void {
  terminal.err(`${terminal.colors.green('✓')} ${text}\n`)
}
