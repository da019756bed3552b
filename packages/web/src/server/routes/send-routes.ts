// `POST /api/send` and the history (docs/ui-api.md "Sending"): the Send button goes through the pipeline
// `courier send` uses (prepareRequest + sendRequest, stored OAuth 2.0 tokens and their fields as variables), and
// every send, answered or not, is recorded in the history with source `ui`.
import {
  bodyJson,
  createDynamicVariables,
  hasScripts,
  isAppError,
  prepareRequest,
  resolveAuth,
  saveResponseAsExample,
  sendRequest,
  withTokenVariables,
  type HistoryEntry,
  type PrepareResult,
  type RequestTarget,
  type VariableScopes,
} from '@courier/core'
import { Hono } from 'hono'
import { errorBody, invalidInput } from '../api-error.js'
import { collectionId } from '../collection-tree.js'
import { optionalString, readObject, requireString, isObject, optionalInteger } from '../read-input.js'
import { collectionOfOne, recordSent, sendWithScripts, type SendRefs } from '../send-with-scripts.js'
import { editedTarget } from '../send-target.js'
import type { UiContext } from '../ui-context.js'
import { loadScopes } from '../variable-scopes.js'

/**
 * The routes `/api/send`, `/api/history` and `/api/collections/:id/items/:itemId/examples`.
 * @example app.route('/api', sendRoutes(ctx))
 */
export function sendRoutes(ctx: UiContext): Hono {
  const { session, options } = ctx
  const app = new Hono()

  app.post('/send', async (c) => {
    const input = await readObject(c)
    const reveal = c.req.query('reveal') === '1'
    const entry = session.store.collection(requireString(input, 'collectionId'))
    const itemId = optionalString(input, 'itemId')
    const item = input['item']
    if (item !== undefined && !isObject(item)) throw invalidInput('item', 'must be a v2.1 item object')
    const target = editedTarget(entry, { itemId, item: item })
    const loaded = await loadScopes(target.collection, {
      store: session.store,
      secrets: options.secrets,
      environment: optionalString(input, 'environment'),
    })
    const path = [...target.folders.map((f) => f.name ?? ''), target.item.name ?? ''].join('/')
    const refs: SendRefs = {
      collection: { id: collectionId(entry), name: entry.collection.info?.name ?? '' },
      item: { id: itemId ?? path, name: target.item.name ?? '', path },
      ...(loaded.environmentName === undefined ? {} : { environment: loaded.environmentName }),
    }
    // With scripts (the collection's, a folder's or the request's), Send is a run of this one request, as in
    // Postman: pre-request scripts, the send, test scripts; what they set is kept.
    const alone = collectionOfOne(target)
    const engine = hasScripts(alone) ? ctx.scriptEngine() : undefined
    if (engine !== undefined)
      return c.json(await sendWithScripts(ctx, { alone, engine, loaded, refs, reveal }))
    const scopes = usesOAuth2Grant(target, loaded.scopes)
      ? await withTokenVariables(target, loaded.scopes, options.tokens)
      : loaded.scopes
    let prepared: PrepareResult
    try {
      prepared = await prepareRequest(target, {
        scopes,
        files: options.files,
        dynamic: createDynamicVariables(),
        ...(options.userAgent === undefined ? {} : { userAgent: options.userAgent }),
      })
    } catch (error) {
      if (!isAppError(error)) throw error
      return c.json(errorBody(error))
    }
    try {
      const exchange = await sendRequest(prepared, {
        transport: ctx.transport,
        cookies: ctx.cookies,
        clock: options.clock,
        authorize: {
          context: {
            clock: options.clock,
            random: options.random,
            files: options.files,
            oauth2: { tokens: options.tokens, transport: ctx.transport },
          },
        },
      })
      return c.json(await recordSent(ctx, { refs, scopes, prepared, exchange, reveal }))
    } catch (error) {
      if (!isAppError(error)) throw error
      return c.json(await recordSent(ctx, { refs, scopes, prepared, error, reveal }))
    }
  })

  app.get('/history', async (c) => {
    const limit = Number(c.req.query('limit') ?? '50')
    const before = c.req.query('before')
    const collection = c.req.query('collectionId')
    const item = c.req.query('itemId')
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
      throw invalidInput('limit', 'must be 1 to 1000')
    return c.json(
      await options.history.list({
        limit,
        ...(before === undefined ? {} : { before: Number(before) }),
        ...(collection === undefined ? {} : { collection }),
        ...(item === undefined ? {} : { item }),
      }),
    )
  })

  app.get('/history/:id', async (c) => {
    const entry = await options.history.get(Number(c.req.param('id')))
    if (entry === undefined) return c.json(notFound(c.req.param('id')), 404)
    return c.json(historyJson(entry))
  })

  app.post('/collections/:id/items/:itemId/examples', async (c) => {
    const input = await readObject(c)
    const historyId = optionalInteger(input, 'historyId', 1)
    if (historyId === undefined) throw invalidInput('historyId', 'must be a history entry id')
    const name = optionalString(input, 'name')
    const entry = await options.history.get(historyId)
    if (entry?.response === undefined) return c.json(notFound(String(historyId)), 404)
    const response = entry.response
    const selector = c.req.param('itemId')
    await session.write(async (store) => {
      const { dir, collection } = store.collection(c.req.param('id'))
      const result = saveResponseAsExample(collection, selector, {
        exchange: { response: { ...response, body: response.body.bytes } },
        random: options.random,
        ...(name === undefined ? {} : { name }),
      })
      await store.saveCollection(dir, result.collection)
    })
    return c.json({ ok: true }, 201)
  })

  return app
}

function usesOAuth2Grant(target: RequestTarget, scopes: VariableScopes): boolean {
  const auth = resolveAuth(target, { scopes })
  const grant = auth?.type === 'oauth2' ? auth.params['grant_type'] : undefined
  return typeof grant === 'string' && grant !== ''
}

function notFound(id: string) {
  return { error: { code: 'HISTORY_NOT_FOUND', message: `no history entry ${id}` } }
}

// History bodies are bytes: the UI gets text (or base64), as for a send.
function historyJson(entry: HistoryEntry) {
  const { request, response } = entry
  const requestBody =
    request.body.type === 'bytes'
      ? { ...request.body, ...bodyJson(request.body.bytes), bytes: undefined }
      : request.body
  return {
    ...entry,
    request: { ...request, body: requestBody },
    ...(response === undefined
      ? {}
      : {
          response: {
            ...response,
            body: {
              ...bodyJson(response.body.bytes),
              sizeBytes: response.body.sizeBytes,
              truncated: response.body.truncated,
            },
          },
        }),
  }
}
