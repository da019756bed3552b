import type { Collection, Item } from '../collection/index.js'
import { AppError } from '../errors/index.js'
import type { ListedRequest } from '../http/index.js'
import { listRequests } from '../http/index.js'
import { shardRequests, type Shard } from './shard.js'

/** Options for {@link selectRequests}. */
export interface SelectRequestsOptions {
  /** The collection's file or name, for error messages. */
  source: string
  /** Keep only this part of the selection (`--shard i/n`): see {@link shardRequests}. */
  shard?: Shard
}

/**
 * The requests a run goes through, in collection order: all of them, or those inside the named folders (Newman's
 * `--folder`, by name or path; a request's name or path selects that request), then only `shard`'s part of them.
 * @throws AppError REQUEST_NOT_FOUND when a name matches no folder or request.
 * @example selectRequests(collection, ['Users'], { source: 'api.json' }).map((entry) => entry.path)
 */
export function selectRequests(
  collection: Collection,
  folders: readonly string[] | undefined,
  options: SelectRequestsOptions,
): ListedRequest[] {
  const selected = selectFolders(collection, folders, options)
  return options.shard === undefined ? selected : shardRequests(selected, options.shard)
}

function selectFolders(
  collection: Collection,
  folders: readonly string[] | undefined,
  options: SelectRequestsOptions,
): ListedRequest[] {
  const all = listRequests(collection)
  if (folders === undefined || folders.length === 0) return all
  const matched = new Set<string>()
  const selected = all.filter((entry) => {
    const hit = folders.find((query) => containers(entry).some((c) => c.path === query || c.name === query))
    if (hit !== undefined) matched.add(hit)
    return hit !== undefined
  })
  for (const query of folders) {
    if (!matched.has(query)) {
      throw new AppError('REQUEST_NOT_FOUND', `${options.source}: no folder or request "${query}"`, {
        query,
        source: options.source,
        suggestions: [],
      })
    }
  }
  return selected
}

/** The folders holding a request and the request itself, each with its path. */
function containers(entry: ListedRequest): { name: string; path: string }[] {
  const out: { name: string; path: string }[] = []
  let path = ''
  for (const item of [...entry.target.folders, entry.target.item] as Item[]) {
    const name = item.name ?? ''
    path = path === '' ? name : `${path}/${name}`
    out.push({ name, path })
  }
  return out
}
