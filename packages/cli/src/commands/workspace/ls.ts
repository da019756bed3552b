import { findItem, isFolder, requestMethod, requestUrlText, type Collection, type Item } from '@courier/core'
import { ExitCode } from '../../exit-codes.js'
import type { Terminal } from '../../terminal.js'
import { resolveItemPath } from '../../workspace/item-path.js'
import { openWorkspace, type WorkspaceFlags } from '../../workspace/open-workspace.js'

/** Options of `courier ls`. */
export interface LsOptions extends WorkspaceFlags {
  json: boolean
}

interface Entry {
  type: 'folder' | 'request'
  name: string
  path: string
  id?: string
  method?: string
  url?: string
  examples?: number
  items?: Entry[]
}

/**
 * `courier ls [path]`: the workspace's collections and environments; with a path, the tree of a collection or
 * folder (folders first as Postman shows them, in their saved order), with methods, URLs and example counts.
 * @example await lsCommand('GoToMeeting/Organizers', { json: false }, terminal)
 */
export async function lsCommand(
  path: string | undefined,
  options: LsOptions,
  terminal: Terminal,
): Promise<number> {
  const ws = await openWorkspace(options, terminal)
  const { bold, dim, cyan } = terminal.colors
  if (path === undefined) {
    const collections = ws.collections().map(({ dir, collection }) => ({
      name: collection.info?.name ?? '',
      dir,
      requests: countRequests(collection.item),
    }))
    const environments = ws.environments().map((e) => ({ name: e.environment.name ?? '', path: e.path }))
    if (options.json) {
      terminal.out(`${JSON.stringify({ workspace: ws.root, collections, environments }, null, 2)}\n`)
      return ExitCode.success
    }
    terminal.out(`${bold('Collections')}\n`)
    if (collections.length === 0) terminal.out(dim('  (none: courier import <file.json>)\n'))
    for (const c of collections) terminal.out(`  ${c.name}  ${dim(`${c.requests} requests · ${c.dir}`)}\n`)
    terminal.out(`${bold('Environments')}\n`)
    if (environments.length === 0) terminal.out(dim('  (none)\n'))
    for (const e of environments) terminal.out(`  ${e.name}  ${dim(e.path)}\n`)
    return ExitCode.success
  }
  const target = resolveItemPath(ws, path)
  const base = target.collection.info?.name ?? ''
  const root = target.item === undefined ? undefined : findItem(target.collection, target.item).item
  const entries =
    root === undefined
      ? tree(target.collection.item, base)
      : tree(
          [root],
          `${base}/${findItem(target.collection, target.item ?? '')
            .location.path.slice(0, -1)
            .join('/')}`.replace(/\/$/, ''),
        )
  if (options.json) {
    terminal.out(`${JSON.stringify({ collection: base, items: entries }, null, 2)}\n`)
    return ExitCode.success
  }
  terminal.out(`${bold(root === undefined ? base : path)}\n`)
  const print = (list: Entry[], indent: string) => {
    for (const entry of list) {
      if (entry.type === 'folder') {
        terminal.out(`${indent}${cyan(`${entry.name}/`)}\n`)
        print(entry.items ?? [], `${indent}  `)
      } else {
        const examples = entry.examples
          ? dim(` · ${entry.examples} example${entry.examples === 1 ? '' : 's'}`)
          : ''
        terminal.out(
          `${indent}${bold((entry.method ?? 'GET').padEnd(7))}${entry.name}  ${dim(entry.url ?? '')}${examples}\n`,
        )
      }
    }
  }
  print(root !== undefined && isFolder(root) ? (entries[0]?.items ?? []) : entries, '  ')
  return ExitCode.success
}

function tree(items: readonly Item[], parent: string): Entry[] {
  return items.map((item) => {
    const name = item.name ?? ''
    const path = `${parent}/${name}`
    const id = typeof item.id === 'string' ? { id: item.id } : {}
    if (isFolder(item)) return { type: 'folder', name, path, ...id, items: tree(item.item, path) }
    return {
      type: 'request',
      name,
      path,
      ...id,
      method: requestMethod(item.request),
      url: requestUrlText(item.request),
      examples: Array.isArray(item.response) ? item.response.length : 0,
    }
  })
}

function countRequests(items: readonly Item[]): number {
  let n = 0
  for (const item of items) n += isFolder(item) ? countRequests(item.item) : 1
  return n
}

/** For callers that already hold a collection. */
export function requestCount(collection: Collection): number {
  return countRequests(collection.item)
}
