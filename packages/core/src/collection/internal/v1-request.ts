import { convertV1Auth } from './v1-auth.js'
import { convertV1Body } from './v1-body.js'
import { type JsonObject, type V1Context } from './v1-context.js'
import { convertV1Headers } from './v1-headers.js'
import { convertV1Url } from './v1-url.js'

/** Converts the request part of a v1 request to a v2.1 `request` (auth, method, header, body, url, description). */
export function convertV1Request(request: JsonObject, ctx: V1Context): JsonObject {
  const result: JsonObject = {}
  const auth = convertV1Auth(request, ctx)
  if (auth) result.auth = auth
  result.method = typeof request.method === 'string' ? request.method : 'GET'
  result.header = convertV1Headers(request)
  const body = convertV1Body(request, ctx)
  if (body) result.body = body
  result.url = convertV1Url(request, ctx)
  if (request.description) result.description = request.description
  return result
}
