// `POST /api/snippet`: the request as Courier would send it (variables resolved, auth signed), written as code by
// httpsnippet (curl, fetch, requests, Go…), secrets masked unless `?reveal=1`.
import { HTTPSnippet, type HarRequest } from '@readme/httpsnippet'
import {
  SYSTEM_HEADER_DEFAULTS,
  collectSecrets,
  createAuthHandler,
  createDynamicVariables,
  isAppError,
  maskSecrets,
  prepareRequest,
  type PreparedRequest,
} from '@courier/core'
import { Hono } from 'hono'
import { invalidInput } from '../api-error.js'
import { isObject, optionalString, readObject, requireString } from '../read-input.js'
import { editedTarget } from '../send-target.js'
import type { UiContext } from '../ui-context.js'
import { loadScopes } from '../variable-scopes.js'

/**
 * The snippet route.
 * @example app.route('/api', snippetRoutes(ctx))
 */
export function snippetRoutes(ctx: UiContext): Hono {
  const { options, session } = ctx
  const app = new Hono()
  app.post('/snippet', async (c) => {
    const input = await readObject(c)
    const [targetId, clientId] = requireString(input, 'target').split(':')
    const item = input['item']
    if (item !== undefined && !isObject(item)) throw invalidInput('item', 'must be a v2.1 item object')
    const entry = session.store.collection(requireString(input, 'collectionId'))
    const target = editedTarget(entry, {
      itemId: optionalString(input, 'itemId'),
      item: item,
    })
    const { scopes } = await loadScopes(target.collection, {
      store: session.store,
      secrets: options.secrets,
      environment: optionalString(input, 'environment'),
    })
    const prepared = await prepareRequest(target, {
      scopes,
      files: options.files,
      dynamic: createDynamicVariables(),
      ...(options.userAgent === undefined ? {} : { userAgent: options.userAgent }),
    })
    let request = prepared.request
    if (prepared.auth !== undefined) {
      try {
        request = await createAuthHandler(prepared.auth, {
          clock: options.clock,
          random: options.random,
          files: options.files,
          oauth2: { tokens: options.tokens, transport: ctx.transport },
        }).sign(request)
      } catch (error) {
        // No stored token yet, an unsupported scheme: the snippet goes without credentials.
        if (!isAppError(error)) throw error
      }
    }
    let code: string
    try {
      const converted = new HTTPSnippet(harRequest(request, options.userAgent)).convert(
        (targetId ?? '') as Parameters<HTTPSnippet['convert']>[0],
        clientId,
      )
      code = typeof converted[0] === 'string' ? converted[0] : ''
    } catch (error) {
      throw invalidInput('target', error instanceof Error ? error.message : String(error))
    }
    if (code === '') throw invalidInput('target', `no snippet target "${targetId ?? ''}:${clientId ?? ''}"`)
    const reveal = c.req.query('reveal') === '1'
    return c.json({ code: reveal ? code : maskSecrets(code, collectSecrets(scopes, prepared.auth)) })
  })
  return app
}

// HAR 1.2 (what httpsnippet reads), without the headers Courier adds to every request (they are noise in a
// snippet, as in Postman's).
function harRequest(request: PreparedRequest, userAgent: string | undefined): HarRequest {
  const defaults = new Map(
    SYSTEM_HEADER_DEFAULTS.map((h) => [
      h.key.toLowerCase(),
      h.key === 'User-Agent' ? (userAgent ?? h.value) : h.value,
    ]),
  )
  const headers = request.headers
    .filter((h) => defaults.get(h.key.toLowerCase()) !== h.value)
    .map((h) => ({ name: h.key, value: h.value }))
  const contentType =
    request.headers.find((h) => h.key.toLowerCase() === 'content-type')?.value ?? 'application/octet-stream'
  const body = request.body
  const postData =
    body.type === 'text'
      ? { mimeType: contentType, text: body.text }
      : body.type === 'multipart'
        ? {
            mimeType: 'multipart/form-data',
            params: body.parts.map((part) =>
              part.type === 'text'
                ? { name: part.name, value: part.value }
                : { name: part.name, fileName: part.fileName },
            ),
          }
        : body.type === 'bytes'
          ? { mimeType: contentType, text: '' }
          : undefined
  return {
    method: request.method,
    url: request.url,
    httpVersion: 'HTTP/1.1',
    headers,
    queryString: [],
    cookies: [],
    headersSize: -1,
    bodySize: -1,
    ...(postData === undefined ? {} : { postData }),
  } as HarRequest
}
