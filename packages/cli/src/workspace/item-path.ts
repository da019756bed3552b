// Items of a workspace are named by path, as users see them in the sidebar: "GoToMeeting/Organizers/Get Organizer"
// is the request "Organizers/Get Organizer" of the collection "GoToMeeting". The collection is the longest leading
// part of the path that names one (collection names may contain `/`).
import type { Collection } from '@courier/core'
import type { Workspace, WorkspaceCollection } from '@courier/storage'

/** A collection of the workspace and the rest of the path inside it (`undefined`: the collection itself). */
export interface ItemPath {
  dir: string
  collection: Collection
  item?: string
}

/**
 * Splits "Collection/Folder/Request" into the collection and the item selector (a path, name or id inside it).
 * @throws AppError COLLECTION_NOT_FOUND when no leading part names a collection
 * @example resolveItemPath(ws, 'GoToMeeting/Organizers/Get Organizer')
 */
export function resolveItemPath(ws: Workspace, path: string): ItemPath {
  const parts = path.split('/')
  for (let n = parts.length; n >= 1; n--) {
    const head = parts.slice(0, n).join('/')
    const found = tryCollection(ws, head)
    if (found === undefined) continue
    const rest = parts.slice(n).join('/')
    return { dir: found.dir, collection: found.collection, ...(rest === '' ? {} : { item: rest }) }
  }
  // Not found: let the workspace say so, with the names it has.
  const { dir, collection } = ws.collection(parts[0] ?? path)
  return { dir, collection }
}

function tryCollection(ws: Workspace, selector: string): WorkspaceCollection | undefined {
  try {
    return ws.collection(selector)
  } catch {
    return undefined
  }
}
