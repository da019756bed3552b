import { type JsonObject, type V1Context } from './v1-context.js'
import { convertV1Events, convertV1Variables } from './v1-events.js'
import { convertV1Request } from './v1-request.js'
import { type RequestLookup, convertV1Responses } from './v1-response.js'

/** Converts one v1 request to a v2.1 item: id, name, event, protocolProfileBehavior, request, response, variable. */
export function convertV1Item(
  request: JsonObject,
  ctx: V1Context,
  options: { lookup: RequestLookup },
): JsonObject {
  const item: JsonObject = {}
  if (typeof request.id === 'string' && request.id !== '') item.id = request.id
  item.name = typeof request.name === 'string' ? request.name : ''
  const event = convertV1Events(request, ctx)
  if (event) item.event = event
  if (request.protocolProfileBehavior !== undefined && request.protocolProfileBehavior !== null) {
    item.protocolProfileBehavior = request.protocolProfileBehavior
  }
  item.request = convertV1Request(request, ctx)
  item.response = convertV1Responses(request, ctx, options)
  const variable = convertV1Variables(request)
  if (variable) item.variable = variable
  return item
}
