import type { Collection, Description, Event, EventList, Item } from '../collection/index.js'
import { eventList, isFolder, requestObject } from '../collection/index.js'
import { AppError } from '../errors/index.js'
import type { FoundItem } from './find-item.js'
import { findItem } from './find-item.js'
import { checkName, idOf, updateItemAt } from './internal/tree.js'
import { urlObjectFor, urlObjectWithQuery } from './internal/url-object.js'
import type { CollectionPatch, ContainerPatch, ItemPatch, ScriptsPatch } from './item-patch.js'
import type { Change, EditResult, ItemSelector } from './types.js'

const REQUEST_ONLY = ['method', 'url', 'query', 'header', 'body', 'settings'] as const

/**
 * Changes a folder or request: name, description, auth, scripts, variables and, for a request, its method, URL,
 * query, headers, body and settings. A new name is reported as `item-moved` (its file is renamed), the rest as
 * `item-updated` naming the patch's fields.
 * @throws AppError ITEM_NOT_FOUND, ITEM_AMBIGUOUS; ITEM_WRONG_KIND for request fields on a folder; NAME_INVALID.
 * @example editItem(collection, 'Users/Get user', { url: '{{base}}/users/:id', method: 'GET' })
 */
export function editItem(collection: Collection, selector: ItemSelector, patch: ItemPatch): EditResult {
  return editFoundItem(collection, findItem(collection, selector), patch, selector)
}

/** {@link editItem} on an item already found (`selector` only names it in errors). */
export function editFoundItem(
  collection: Collection,
  found: FoundItem,
  patch: ItemPatch,
  selector: ItemSelector,
): EditResult {
  const { item, location } = found
  const folder = isFolder(item)
  const requestOnly = REQUEST_ONLY.filter((field) => patch[field] !== undefined)
  if (folder && requestOnly.length > 0) {
    const path = location.path.join('/')
    throw new AppError('ITEM_WRONG_KIND', `"${path}" is a folder: it has no ${requestOnly.join(', ')}`, {
      query: selector,
      path,
      expected: 'request',
    })
  }
  const next: Item = { ...item }
  if (folder) {
    const fields = patchContainer(next, patch, 'folder')
    return finish(collection, found, next, fields)
  }
  const { auth, description, ...itemLevel } = patch
  const fields = patchContainer(next, itemLevel, 'request')
  // Postman keeps a request's auth and documentation in its request object (an item-level description read
  // from an import stays where it is).
  const request = { ...requestObject(item.request) }
  const descriptionOwner = 'description' in item ? next : request
  const requestFields = patchContainer(request, auth === undefined ? {} : { auth }, 'request')
  if (description !== undefined) {
    setDescriptionField(descriptionOwner, description)
    requestFields.push('description')
  }
  if (patch.method !== undefined) request.method = patch.method
  if (patch.url !== undefined) request.url = urlObjectFor(patch.url, request.url)
  if (patch.query !== undefined) request.url = urlObjectWithQuery(request.url, patch.query)
  if (patch.header !== undefined) request.header = patch.header.map((entry) => ({ ...entry }))
  if (patch.body === null) delete request.body
  else if (patch.body !== undefined) request.body = { ...request.body, ...patch.body }
  if (patch.settings === null) delete next['protocolProfileBehavior']
  else if (patch.settings !== undefined) next['protocolProfileBehavior'] = { ...patch.settings }
  const onRequest = REQUEST_ONLY.filter((field) => patch[field] !== undefined && field !== 'settings')
  if (onRequest.length > 0 || requestFields.length > 0) next.request = request
  const settings = patch.settings !== undefined ? ['settings'] : []
  return finish(collection, found, next, [...fields, ...requestFields, ...onRequest, ...settings])
}

function finish(collection: Collection, found: FoundItem, next: Item, fields: string[]): EditResult {
  const { item, location } = found
  const result = updateItemAt(collection, location.index, () => next)
  const changed: Change[] = []
  const to = { index: location.index, path: [...location.path.slice(0, -1), next.name ?? ''] }
  if ((next.name ?? '') !== (item.name ?? ''))
    changed.push({ type: 'item-moved', ...idOf(item), from: location, to })
  const updated = fields.filter((field) => field !== 'name')
  if (updated.length > 0) changed.push({ type: 'item-updated', ...idOf(item), at: to, fields: updated })
  return { collection: result, changed }
}

/**
 * Renames a folder or request (sibling names may repeat, as in Postman); reported as `item-moved`.
 * @throws AppError NAME_INVALID for an empty name; ITEM_NOT_FOUND, ITEM_AMBIGUOUS.
 * @example renameItem(collection, 'Users/Get user', { name: 'Get one user' })
 */
export function renameItem(
  collection: Collection,
  selector: ItemSelector,
  options: { name: string },
): EditResult {
  return editItem(collection, selector, { name: options.name })
}

/**
 * Changes the collection's own name, description, auth, scripts or variables.
 * @throws AppError NAME_INVALID for an empty name.
 * @example editCollection(collection, { description: '# Shop API' }).changed // [{ type: 'collection-updated', fields: ['description'] }]
 */
export function editCollection(collection: Collection, patch: CollectionPatch): EditResult {
  const { name, description, ...rest } = patch
  const next: Collection = { ...collection }
  const fields = patchContainer(next, rest, 'collection')
  if (name !== undefined || description !== undefined) {
    const info = { ...collection.info }
    fields.unshift(
      ...patchContainer(
        info,
        { ...(name !== undefined && { name }), ...(description !== undefined && { description }) },
        'collection',
      ),
    )
    next.info = info
  }
  return { collection: next, changed: fields.length > 0 ? [{ type: 'collection-updated', fields }] : [] }
}

/**
 * Writes the Markdown documentation of the collection (`null` selector), a folder or a request; a `null`
 * description removes it.
 * @example setDescription(collection, 'Users', { description: 'Everything about users.' })
 */
export function setDescription(
  collection: Collection,
  selector: ItemSelector | null,
  options: { description: string | null },
): EditResult {
  return selector === null
    ? editCollection(collection, { description: options.description })
    : editItem(collection, selector, { description: options.description })
}

/** Applies the fields every container has to `target` (always a fresh copy), returning their names. */
function patchContainer(
  target: Record<string, unknown> & { name?: string | undefined; description?: Description | undefined },
  patch: ContainerPatch,
  what: string,
): string[] {
  const fields: string[] = []
  if (patch.name !== undefined) {
    target.name = checkName(patch.name, what)
    fields.push('name')
  }
  if (patch.description !== undefined) {
    setDescriptionField(target, patch.description)
    fields.push('description')
  }
  if (patch.auth !== undefined) {
    if (patch.auth === null) delete target['auth']
    else target['auth'] = structuredClone(patch.auth)
    fields.push('auth')
  }
  if (patch.scripts !== undefined) {
    const events = withScripts(target['event'] as EventList, patch.scripts)
    if (events === undefined) delete target['event']
    else target['event'] = events
    fields.push('scripts')
  }
  if (patch.variable !== undefined) {
    if (patch.variable === null) delete target['variable']
    else target['variable'] = patch.variable.map((variable) => ({ ...variable }))
    fields.push('variable')
  }
  return fields
}

function setDescriptionField(
  target: { description?: Description | undefined },
  markdown: string | null,
): void {
  if (markdown === null) delete target.description
  else if (typeof target.description === 'object' && target.description !== null)
    target.description = { ...target.description, content: markdown }
  else target.description = markdown
}

/** The events with each script of `scripts` replaced (its event's other fields kept) or removed. */
function withScripts(events: EventList, scripts: ScriptsPatch): Event[] | undefined {
  let list = eventList(events).slice()
  for (const listen of ['prerequest', 'test'] as const) {
    const code = scripts[listen]
    if (code === undefined) continue
    if (code === null) {
      list = list.filter((event) => event.listen !== listen)
      continue
    }
    const exec = code.split('\n')
    const at = list.findIndex((event) => event.listen === listen)
    const event = list[at]
    if (event === undefined) list.push({ listen, script: { type: 'text/javascript', exec } })
    else {
      const script = typeof event.script === 'object' ? event.script : { type: 'text/javascript' }
      list[at] = { ...event, script: { ...script, exec } }
    }
  }
  return list.length === 0 && events == null ? undefined : list
}
