import {
  AppError,
  findRequest,
  isAppError,
  isFolder,
  type Collection,
  type Item,
  type RequestTarget,
} from '@courier/core'

/**
 * What `courier auth login` takes its OAuth 2.0 block from: the collection itself (no path), a folder by its path
 * (`"Organizers"`), or a request by path, name or id — whose auth it inherits like a send would.
 * @example const target = authTarget(collection, 'Organizers/Get Organizer', { source: file })
 */
export function authTarget(
  collection: Collection,
  path: string | undefined,
  options: { source: string },
): RequestTarget {
  if (path === undefined) return { collection, item: { name: collection.info?.name ?? '' }, folders: [] }
  try {
    return findRequest(collection, path, options)
  } catch (error) {
    if (!isAppError(error, 'REQUEST_NOT_FOUND')) throw error
    const folder = findFolder(collection.item, path.split('/'), [])
    if (folder === undefined) throw error
    return { collection, item: folder.item, folders: folder.ancestors }
  }
}

function findFolder(
  items: readonly Item[],
  names: readonly string[],
  ancestors: Item[],
): { item: Item; ancestors: Item[] } | undefined {
  const [name, ...rest] = names
  const match = items.find((item) => isFolder(item) && item.name === name)
  if (match === undefined) return undefined
  if (rest.length === 0) return { item: match, ancestors }
  return findFolder(match.item ?? [], rest, [...ancestors, match])
}

/** The error for a target whose auth is not OAuth 2.0. */
export function notOAuth2(
  source: string,
  path: string | undefined,
  type: string | undefined,
): AppError<'OAUTH2_CONFIG_INVALID'> {
  const where = path === undefined ? `${source} (collection)` : `${source} › ${path}`
  return new AppError('OAUTH2_CONFIG_INVALID', `${where}: its auth is ${type ?? 'none'}, not OAuth 2.0`, {
    field: 'auth',
    reason: `auth type ${type ?? 'none'}`,
  })
}
