import { type JsonObject, type V1Context, childContext, isRecord, warn } from './v1-context.js'
import { convertV1Request } from './v1-request.js'

/** Looks a request up by its v1 id, for responses that name their request instead of embedding it. */
export type RequestLookup = (id: string) => JsonObject | undefined

/** Converts a v1 request's saved `responses` to v2.1 `response` examples. */
export function convertV1Responses(
  request: JsonObject,
  ctx: V1Context,
  options: { lookup: RequestLookup },
): JsonObject[] {
  if (!Array.isArray(request.responses)) return []
  const responses: JsonObject[] = []
  request.responses.forEach((entry, index) => {
    const responseCtx = childContext(ctx, `.responses[${index}]`)
    if (!isRecord(entry)) {
      warn(responseCtx, '', 'saved response is not an object; skipped')
      return
    }
    responses.push(convertResponse(entry, responseCtx, options.lookup))
  })
  return responses
}

function convertResponse(response: JsonObject, ctx: V1Context, lookup: RequestLookup): JsonObject {
  const result: JsonObject = {}
  if (typeof response.id === 'string' && response.id !== '') result.id = response.id
  result.name = typeof response.name === 'string' && response.name !== '' ? response.name : 'response'
  const saved = savedRequest(response, ctx, lookup)
  if (saved) result.originalRequest = convertV1Request(saved, childContext(ctx, '.request'))
  const code = isRecord(response.responseCode) ? response.responseCode : {}
  if (code.name !== undefined) result.status = code.name
  if (code.code !== undefined) result.code = code.code
  if (response.language !== undefined) result._postman_previewlanguage = response.language
  if (response.previewType !== undefined) result._postman_previewtype = response.previewType
  result.header = convertResponseHeaders(response.headers)
  result.cookie = Array.isArray(response.cookies) ? response.cookies.filter(isRecord).map(convertCookie) : []
  if (response.time !== undefined) result.responseTime = response.time
  result.body = typeof response.text === 'string' ? response.text : ''
  return result
}

// A saved response points at its request as an object, as JSON text, or by the request's id.
function savedRequest(response: JsonObject, ctx: V1Context, lookup: RequestLookup): JsonObject | undefined {
  let id: string | undefined
  for (const candidate of [response.requestObject, response.request]) {
    if (isRecord(candidate)) return candidate
    if (typeof candidate !== 'string' || candidate === '') continue
    try {
      const parsed: unknown = JSON.parse(candidate)
      if (isRecord(parsed)) return parsed
    } catch {
      id = candidate
    }
  }
  if (id === undefined) return undefined
  const found = lookup(id)
  if (!found) warn(ctx, '.request', `saved response refers to unknown request "${id}"; no originalRequest`)
  return found
}

function convertResponseHeaders(source: unknown): JsonObject[] {
  if (!Array.isArray(source)) return []
  return source.filter(isRecord).map((header) => {
    const { name, ...rest } = header
    // v1 response headers repeat the key as `name`; v2.1 only has `key`.
    return rest.key === undefined && name !== undefined ? { key: name, ...rest } : rest
  })
}

function convertCookie(cookie: JsonObject): JsonObject {
  const result: JsonObject = {}
  // v1 stores expiry as seconds since the epoch; v2.1 as a date string.
  if (typeof cookie.expirationDate === 'number' && Number.isFinite(cookie.expirationDate)) {
    const expires = new Date(cookie.expirationDate * 1000)
    if (!Number.isNaN(expires.getTime())) result.expires = expires.toISOString()
  }
  for (const key of ['hostOnly', 'httpOnly', 'domain', 'path', 'secure', 'session', 'value'] as const) {
    if (cookie[key] !== undefined) result[key] = cookie[key]
  }
  result.key = cookie.name ?? cookie.key
  return result
}
