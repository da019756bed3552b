import type { Collection, Item } from '../../collection/index.js'
import { isFolder } from '../../collection/index.js'
import { AppError } from '../../errors/index.js'
import type { RequestTarget } from './request-target.js'

/** A request of a collection with its path (`Folder/Sub/Request`, names joined by `/`). */
export interface ListedRequest {
  path: string
  target: RequestTarget
}

/**
 * Every request of a collection, depth-first in collection order (the order Newman runs them in).
 * @example listRequests(collection).map((entry) => entry.path) // ['Users/List users', 'Users/Get user', …]
 */
export function listRequests(collection: Collection): ListedRequest[] {
  const out: ListedRequest[] = []
  const visit = (items: readonly Item[], folders: Item[], prefix: string): void => {
    for (const item of items) {
      const path = `${prefix}${item.name ?? ''}`
      if (isFolder(item)) visit(item.item, [...folders, item], `${path}/`)
      else out.push({ path, target: { collection, item, folders } })
    }
  }
  visit(collection.item, [], '')
  return out
}

/** Options for {@link findRequest}. */
export interface FindRequestOptions {
  /** The collection's file or name, for error messages. */
  source: string
}

/**
 * Finds one request by path (`Folder/Sub/Request`), by id (`id` or `_postman_id`) or by a name no other request
 * has, in that order.
 * @throws AppError REQUEST_AMBIGUOUS listing the matching paths; REQUEST_NOT_FOUND with up to 3 close names.
 * @example findRequest(collection, 'Users/Get user', { source: 'api.json' }).item.name // 'Get user'
 */
export function findRequest(
  collection: Collection,
  query: string,
  options: FindRequestOptions,
): RequestTarget {
  const requests = listRequests(collection)
  const byPath = requests.filter((entry) => entry.path === query)
  const byId = requests.filter((entry) => itemIds(entry.target.item).includes(query))
  const byName = requests.filter((entry) => entry.target.item.name === query)
  for (const matches of [byPath, byId, byName]) {
    if (matches.length === 1 && matches[0] !== undefined) return matches[0].target
    if (matches.length > 1) {
      const paths = matches.map((entry) => entry.path)
      throw new AppError(
        'REQUEST_AMBIGUOUS',
        `${options.source}: ${matches.length} requests match "${query}": ${paths.join(', ')}`,
        { query, source: options.source, matches: paths },
      )
    }
  }
  const suggestions = suggest(query, requests)
  throw new AppError(
    'REQUEST_NOT_FOUND',
    `${options.source}: no request "${query}"${suggestions.length > 0 ? ` (did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?)` : ''}`,
    { query, source: options.source, suggestions },
  )
}

function itemIds(item: Item): string[] {
  return [item['id'], item['_postman_id']].filter((id): id is string => typeof id === 'string' && id !== '')
}

/** Up to three request paths closest to the query (by path or by name, case-insensitive), nearest first. */
function suggest(query: string, requests: readonly ListedRequest[]): string[] {
  const wanted = query.toLowerCase()
  const limit = Math.max(2, Math.floor(wanted.length / 4))
  return requests
    .map((entry) => {
      const name = (entry.target.item.name ?? '').toLowerCase()
      return {
        path: entry.path,
        distance: Math.min(distance(wanted, entry.path.toLowerCase()), distance(wanted, name)),
      }
    })
    .filter((candidate) => candidate.distance <= limit)
    .sort((a, b) => a.distance - b.distance)
    .map((candidate) => candidate.path)
    .filter((path, index, paths) => paths.indexOf(path) === index)
    .slice(0, 3)
}

/** Levenshtein distance (insertions, deletions and substitutions), on one row of memory. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost)
    }
    previous = current
  }
  return previous[b.length] ?? 0
}
