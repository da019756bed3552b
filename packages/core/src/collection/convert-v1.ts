import { AppError } from '../errors/index.js'
import { convertV1Auth } from './internal/v1-auth.js'
import { type JsonObject, type V1Context, isRecord } from './internal/v1-context.js'
import { convertV1Events, convertV1Variables } from './internal/v1-events.js'
import { buildV1ItemTree } from './internal/v1-tree.js'
import type { Warning } from './types.js'

const SCHEMA_V21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json'

/**
 * Converts a Postman Collection v1.0.0 document to a v2.1.0 collection object, repairing what real v1 files
 * get wrong (unreferenced requests, malformed URLs…) and reporting each repair as a warning.
 *
 * @example
 * const { collection, warnings } = convertV1ToV21(JSON.parse(text))
 */
export function convertV1ToV21(input: unknown): { collection: unknown; warnings: Warning[] } {
  if (!isRecord(input)) {
    throw new AppError('COLLECTION_INVALID', 'v1 collection: the document is not a JSON object', {
      source: 'v1 collection',
      issues: [{ path: '$', message: 'expected a JSON object' }],
    })
  }
  const warnings: Warning[] = []
  const ctx: V1Context = { path: '$', warnings }

  const collection: JsonObject = { info: convertInfo(input, ctx), item: buildV1ItemTree(input, ctx) }
  const auth = convertV1Auth(input, ctx)
  // A collection-level "noauth" means the same as no auth at all (Postman's transformer drops it too).
  if (auth && auth.type !== 'noauth') collection.auth = auth
  const event = convertV1Events(input, ctx)
  if (event) collection.event = event
  const variable = convertV1Variables(input)
  if (variable) collection.variable = variable
  if (isRecord(input.protocolProfileBehavior))
    collection.protocolProfileBehavior = input.protocolProfileBehavior
  return { collection, warnings }
}

function convertInfo(input: JsonObject, ctx: V1Context): JsonObject {
  const info: JsonObject = {}
  if (typeof input.id === 'string' && input.id !== '') info._postman_id = input.id
  if (typeof input.name === 'string') {
    info.name = input.name
  } else {
    info.name = ''
    ctx.warnings.push({ path: '$.name', message: 'collection has no name' })
  }
  if (input.description) info.description = input.description
  info.schema = SCHEMA_V21
  return info
}
