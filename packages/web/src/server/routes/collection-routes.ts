// Collections and their items (docs/ui-api.md "Workspace"): the sidebar tree, an item to edit and save with
// stale detection, and the edit operations of core (create, duplicate, move, rename, delete).
import { basename } from 'node:path'
import {
  createFolder,
  createRequest,
  duplicateItem,
  deleteItem,
  exportCollection,
  findItem,
  isFolder,
  moveItem,
  moveItemBetween,
  renameItem,
  AppError,
  type Collection,
  type CollectionVariable,
  type Item,
  type WorkspaceCollection,
} from '@courier/core'
import { Hono } from 'hono'
import { invalidInput } from '../api-error.js'
import { shownVariables, storeSecretVariables } from '../collection-secret-values.js'
import { collectionId, itemId, summarizeCollection } from '../collection-tree.js'
import { itemHash } from '../item-hash.js'
import { optionalInteger, optionalString, readObject, requireObject, requireString } from '../read-input.js'
import { replaceItemAt } from '../replace-item.js'
import type { UiContext } from '../ui-context.js'
import { uuidFrom } from '../uuid-from.js'

const schemaV21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json'
const replaceableFields = ['auth', 'variable', 'event'] as const

/**
 * The routes under `/api/collections` and `/api/workspace`.
 * @example app.route('/api', collectionRoutes(ctx))
 */
export function collectionRoutes(ctx: UiContext): Hono {
  const { session } = ctx
  const app = new Hono()
  const find = (id: string): WorkspaceCollection => session.store.collection(id)
  // An edit of one collection: read it inside the writer's turn (so it is the latest), save what `edit` returns.
  const edit = <T>(id: string, change: (collection: Collection) => { collection: Collection; result: T }) =>
    session.write(async (store) => {
      const { dir, collection } = store.collection(id)
      const { collection: next, result } = change(collection)
      await store.saveCollection(dir, next)
      return result
    })

  app.get('/workspace', (c) =>
    c.json({
      root: session.store.root,
      name: basename(session.store.root),
      problems: session.store.problems.map(({ path, line, column, message }) => ({
        path,
        ...(line === undefined ? {} : { line }),
        ...(column === undefined ? {} : { column }),
        message,
      })),
    }),
  )

  app.get('/collections', (c) => c.json(session.store.collections().map(summarizeCollection)))

  app.post('/collections', async (c) => {
    const name = requireString(await readObject(c), 'name')
    const added = await session.write((store) =>
      store.addCollection({
        info: { name, _postman_id: uuidFrom(ctx.options.random.bytes(16)), schema: schemaV21 },
        item: [],
      }),
    )
    return c.json({ id: collectionId(added), dir: added.dir }, 201)
  })

  app.get('/collections/:id', async (c) => {
    const entry = find(c.req.param('id'))
    const { collection } = entry
    const reveal = c.req.query('reveal') === '1'
    return c.json({
      id: collectionId(entry),
      dir: entry.dir,
      name: collection.info?.name ?? '',
      description: collection.info?.description ?? null,
      auth: collection.auth ?? null,
      variable: await shownVariables(collection, ctx.options.secrets, reveal),
      event: collection.event ?? [],
    })
  })

  app.put('/collections/:id', async (c) => {
    const input = await readObject(c)
    const name = optionalString(input, 'name')
    const variables = input['variable']
    if (variables !== undefined && variables !== null && !Array.isArray(variables))
      throw invalidInput('variable', 'must be a list of variables')
    // Secret values go to local state before the file is written, never into it.
    if (Array.isArray(variables))
      input['variable'] = await storeSecretVariables(
        find(c.req.param('id')).collection,
        variables as CollectionVariable[],
        ctx.options.secrets,
      )
    await edit(c.req.param('id'), (collection) => {
      const next: Collection = { ...collection }
      const info = { ...collection.info }
      if (name !== undefined) info.name = name
      if ('description' in input) info.description = input['description'] as string
      next.info = info
      for (const field of replaceableFields) {
        if (!(field in input)) continue
        if (input[field] === null) delete next[field]
        else next[field] = input[field] as never
      }
      return { collection: next, result: undefined }
    })
    return c.json({ ok: true })
  })

  app.delete('/collections/:id', async (c) => {
    const { dir } = find(c.req.param('id'))
    const trash = await session.write((store) => store.removeCollection(dir))
    return c.json({ trash })
  })

  app.get('/collections/:id/export', (c) => {
    const { collection, dir } = find(c.req.param('id'))
    const file = `${collection.info?.name ?? basename(dir)}.postman_collection.json`
    c.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file)}`)
    c.header('content-type', 'application/json; charset=utf-8')
    return c.body(exportCollection(collection))
  })

  app.get('/collections/:id/items/:itemId', (c) => {
    const { collection } = find(c.req.param('id'))
    const { item, location } = findItem(collection, c.req.param('itemId'))
    return c.json({ item, path: location.path.join('/'), hash: itemHash(item) })
  })

  app.put('/collections/:id/items/:itemId', async (c) => {
    const input = await readObject(c)
    const edited = requireObject(input, 'item') as Item
    const hash = requireString(input, 'hash')
    const selector = c.req.param('itemId')
    const saved = await edit(c.req.param('id'), (collection) => {
      const { item, location } = findItem(collection, selector)
      const path = location.path.join('/')
      if (itemHash(item) !== hash)
        throw new AppError('WORKSPACE_STALE', `${path}: changed on disk since it was opened`, { path })
      // The item keeps its id; a folder keeps its children (they are saved on their own).
      const next: Item = { ...edited }
      if (isFolder(item)) next.item = item.item
      else delete next.item
      for (const key of ['id', '_postman_id'] as const) if (item[key] !== undefined) next[key] = item[key]
      const names = [...location.path.slice(0, -1), next.name ?? '']
      return {
        collection: replaceItemAt(collection, location.index, next),
        result: { hash: itemHash(next), path: names.join('/'), id: itemId(next, names.join('/')) },
      }
    })
    return c.json(saved)
  })

  app.post('/collections/:id/items', async (c) => {
    const input = await readObject(c)
    const type = requireString(input, 'type')
    if (type !== 'folder' && type !== 'request') throw invalidInput('type', "must be 'folder' or 'request'")
    const name = requireString(input, 'name')
    const parent = optionalString(input, 'parentId') ?? null
    const index = optionalInteger(input, 'index')
    const method = optionalString(input, 'method')
    const url = optionalString(input, 'url')
    const placement = { parent, ...(index === undefined ? {} : { index }) }
    const random = ctx.options.random
    const id = await edit(c.req.param('id'), (collection) => {
      const result =
        type === 'folder'
          ? createFolder(collection, { ...placement, name }, { random })
          : createRequest(
              collection,
              {
                ...placement,
                name,
                ...(method === undefined ? {} : { method }),
                ...(url === undefined ? {} : { url }),
              },
              { random },
            )
      return { collection: result.collection, result: addedId(result.changed) }
    })
    return c.json({ id }, 201)
  })

  app.post('/collections/:id/items/:itemId/duplicate', async (c) => {
    const selector = c.req.param('itemId')
    const id = await edit(c.req.param('id'), (collection) => {
      const result = duplicateItem(collection, selector, { random: ctx.options.random })
      return { collection: result.collection, result: addedId(result.changed) }
    })
    return c.json({ id }, 201)
  })

  app.post('/collections/:id/items/:itemId/rename', async (c) => {
    const name = requireString(await readObject(c), 'name')
    const selector = c.req.param('itemId')
    await edit(c.req.param('id'), (collection) => ({
      collection: renameItem(collection, selector, { name }).collection,
      result: undefined,
    }))
    return c.json({ ok: true })
  })

  app.post('/collections/:id/items/:itemId/move', async (c) => {
    const input = await readObject(c)
    const to = optionalString(input, 'parentId') ?? null
    const index = optionalInteger(input, 'index')
    const target = { to, ...(index === undefined ? {} : { index }) }
    const selector = c.req.param('itemId')
    const fromId = c.req.param('id')
    const toCollection = optionalString(input, 'toCollection')
    if (toCollection === undefined || find(toCollection).dir === find(fromId).dir) {
      await edit(fromId, (collection) => ({
        collection: moveItem(collection, selector, target).collection,
        result: undefined,
      }))
      return c.json({ ok: true })
    }
    // Between collections: both in one transaction, so a crash never leaves the item in both or in neither.
    await session.write(async (store) => {
      const source = store.collection(fromId)
      const destination = store.collection(toCollection)
      const moved = moveItemBetween(source.collection, selector, {
        ...target,
        collection: destination.collection,
      })
      await store.saveCollections([
        { dir: destination.dir, collection: moved.to.collection },
        { dir: source.dir, collection: moved.from.collection },
      ])
    })
    return c.json({ ok: true })
  })

  app.delete('/collections/:id/items/:itemId', async (c) => {
    const selector = c.req.param('itemId')
    const trash = await session.write(async (store) => {
      const { dir, collection } = store.collection(c.req.param('id'))
      const result = deleteItem(collection, selector, { clock: ctx.options.clock })
      const file = await store.putInTrash('item', result.trashed.item.name ?? 'item', {
        collection: dir,
        entry: result.trashed,
      })
      await store.saveCollection(dir, result.collection)
      return file
    })
    return c.json({ trash })
  })

  return app
}

// The id of the item an edit added (create, duplicate): core's change list names it.
function addedId(changed: readonly { type: string; itemId?: string; at?: { path: string[] } }[]): string {
  const added = changed.find((change) => change.type === 'item-added')
  if (added?.itemId !== undefined) return added.itemId
  if (added?.at !== undefined) return added.at.path.join('/')
  throw new TypeError('the edit added no item')
}
