import { convertV1Auth } from './v1-auth.js'
import { type JsonObject, type V1Context, childContext, isRecord, warn } from './v1-context.js'
import { convertV1Events, convertV1Variables } from './v1-events.js'
import { convertV1Item } from './v1-item.js'

interface Indexed {
  value: JsonObject
  index: number
}

/**
 * Builds the v2.1 `item` tree of a v1 collection: folders in `folders_order` (nested through each folder's
 * `folders_order`) then requests in `order`. Unlike Postman's transformer, nothing is dropped: requests and
 * folders that no order references are appended, and every repair is reported as a warning.
 */
export function buildV1ItemTree(collection: JsonObject, ctx: V1Context): JsonObject[] {
  return new TreeBuilder(collection, ctx).build()
}

// A class only to share the lookup tables between the recursive steps of one conversion.
class TreeBuilder {
  private readonly requests = new Map<string, Indexed>()
  private readonly folders = new Map<string, Indexed>()
  private readonly folderItems = new Map<string, JsonObject[]>()
  private readonly placedRequests = new Set<string>()
  private readonly placedFolders = new Set<string>()
  private readonly childFolderIds = new Set<string>()
  private readonly orphans: JsonObject[] = []
  private readonly lookup = (id: string): JsonObject | undefined => this.requests.get(id)?.value

  constructor(
    private readonly collection: JsonObject,
    private readonly ctx: V1Context,
  ) {
    this.indexRequests()
    this.indexFolders()
  }

  build(): JsonObject[] {
    const rootFolders: JsonObject[] = []
    const foldersOrder = this.collection.folders_order
    const rootFolderIds = Array.isArray(foldersOrder)
      ? foldersOrder
      : [...this.folders.keys()].filter((id) => !this.childFolderIds.has(id))
    rootFolderIds.forEach((id, index) => {
      if (typeof id === 'string' && this.childFolderIds.has(id) && this.folders.has(id)) return
      const folder = this.placeFolder(id, `.folders_order[${index}]`)
      if (folder) rootFolders.push(folder)
    })

    // Folders no order reaches: first the tops of unreached subtrees, then whatever a cycle left out.
    for (const pass of [false, true]) {
      for (const [id, { index }] of this.folders) {
        if (this.placedFolders.has(id) || (!pass && this.childFolderIds.has(id))) continue
        warn(
          this.ctx,
          `.folders[${index}]`,
          `folder "${id}" is not referenced by any folders_order; appended`,
        )
        const folder = this.placeFolder(id, `.folders[${index}]`)
        if (folder) rootFolders.push(folder)
      }
    }

    const rootRequests = this.placeRequests(this.collection.order, this.ctx, '.order')
    return [...rootFolders, ...this.orphans, ...rootRequests, ...this.unplacedRequests()]
  }

  private indexRequests(): void {
    const { requests } = this.collection
    if (requests === undefined) return
    if (!Array.isArray(requests)) {
      warn(this.ctx, '.requests', 'requests is not an array; no requests converted')
      return
    }
    requests.forEach((value, index) => {
      const path = `.requests[${index}]`
      if (!isRecord(value)) return warn(this.ctx, path, 'request is not an object; skipped')
      if (typeof value.id !== 'string' || value.id === '') {
        warn(this.ctx, path, 'request has no id, so no order can reference it; appended at the end')
        this.orphans.push(this.convertRequest(value, index))
        return
      }
      if (this.requests.has(value.id)) {
        return warn(this.ctx, path, `duplicate request id "${value.id}"; only the first is kept`)
      }
      this.requests.set(value.id, { value, index })
    })
  }

  private indexFolders(): void {
    const { folders } = this.collection
    if (folders === undefined || folders === null) return
    if (!Array.isArray(folders)) return warn(this.ctx, '.folders', 'folders is not an array; folders ignored')
    folders.forEach((value, index) => {
      const path = `.folders[${index}]`
      if (!isRecord(value) || typeof value.id !== 'string') {
        return warn(this.ctx, path, 'folder is not an object with an id; skipped')
      }
      if (this.folders.has(value.id)) {
        return warn(this.ctx, path, `duplicate folder id "${value.id}"; only the first is kept`)
      }
      this.folders.set(value.id, { value, index })
    })
    for (const { value } of this.folders.values()) {
      if (!Array.isArray(value.folders_order)) continue
      for (const id of value.folders_order) {
        if (typeof id === 'string' && id !== value.id) this.childFolderIds.add(id)
      }
    }
  }

  private placeFolder(id: unknown, refPath: string): JsonObject | undefined {
    const entry = typeof id === 'string' ? this.folders.get(id) : undefined
    if (typeof id !== 'string' || !entry) {
      warn(this.ctx, refPath, `reference to missing folder ${JSON.stringify(id)}; skipped`)
      return undefined
    }
    if (this.placedFolders.has(id)) {
      warn(this.ctx, refPath, `folder "${id}" is referenced more than once; kept at its first place`)
      return undefined
    }
    this.placedFolders.add(id)
    const { value: folder, index } = entry
    const ctx = childContext(this.ctx, `.folders[${index}]`)
    const items: JsonObject[] = []
    this.folderItems.set(id, items)
    const result: JsonObject = { id, name: typeof folder.name === 'string' ? folder.name : '' }
    result.item = items
    if (folder.description) result.description = folder.description
    const auth = convertV1Auth(folder, ctx)
    if (auth) result.auth = auth
    const event = convertV1Events(folder, ctx)
    if (event) result.event = event
    const variable = convertV1Variables(folder)
    if (variable) result.variable = variable
    if (isRecord(folder.protocolProfileBehavior))
      result.protocolProfileBehavior = folder.protocolProfileBehavior

    if (Array.isArray(folder.folders_order)) {
      folder.folders_order.forEach((childId, childIndex) => {
        const child = this.placeFolder(childId, `.folders[${index}].folders_order[${childIndex}]`)
        if (child) items.push(child)
      })
    }
    items.push(...this.placeRequests(folder.order, ctx, '.order'))
    return result
  }

  private placeRequests(order: unknown, ctx: V1Context, suffix: string): JsonObject[] {
    if (!Array.isArray(order)) return []
    const items: JsonObject[] = []
    order.forEach((id, index) => {
      const entry = typeof id === 'string' ? this.requests.get(id) : undefined
      const path = `${suffix}[${index}]`
      if (typeof id !== 'string' || !entry) {
        return warn(ctx, path, `reference to missing request ${JSON.stringify(id)}; skipped`)
      }
      if (this.placedRequests.has(id)) {
        return warn(ctx, path, `request "${id}" is referenced more than once; kept at its first place`)
      }
      this.placedRequests.add(id)
      items.push(this.convertRequest(entry.value, entry.index))
    })
    return items
  }

  // Requests no order lists go into the folder they name (`request.folder`), else to the collection's end.
  private unplacedRequests(): JsonObject[] {
    const items: JsonObject[] = []
    for (const [id, { value, index }] of this.requests) {
      if (this.placedRequests.has(id)) continue
      this.placedRequests.add(id)
      const folderItems = typeof value.folder === 'string' ? this.folderItems.get(value.folder) : undefined
      const where = folderItems ? `its folder "${String(value.folder)}"` : 'the end of the collection'
      warn(
        this.ctx,
        `.requests[${index}]`,
        `request "${id}" is not referenced by any order; appended to ${where}`,
      )
      ;(folderItems ?? items).push(this.convertRequest(value, index))
    }
    return items
  }

  private convertRequest(request: JsonObject, index: number): JsonObject {
    return convertV1Item(request, childContext(this.ctx, `.requests[${index}]`), { lookup: this.lookup })
  }
}
