import { AppError } from '../errors/index.js'
import type { PostmanFormat, Warning } from './types.js'

/** The versions Courier reads, as named in errors. */
export const SUPPORTED_FORMATS: readonly PostmanFormat[] = ['v1.0.0', 'v2.0.0', 'v2.1.0']

type Json = Record<string, unknown>

/** What a parsed JSON document is, before validation. */
export type DetectedDocument =
  | { type: 'collection'; body: Json; format: PostmanFormat; warnings: Warning[] }
  | { type: 'environment' | 'globals'; body: Json; warnings: Warning[] }

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Tells a collection (v1, v2.0, v2.1), environment or globals document apart: by `info.schema` when it names a
 * version, else by content (Newman fixtures have no `info`; a v2.0 file has auth params as objects). Unwraps
 * `{ collection: {…} }` and `{ environment: {…} }` API exports and accepts a bare array of variables.
 * @example detectDocument(JSON.parse(text), 'c.json').type // 'collection'
 */
export function detectDocument(json: unknown, source: string): DetectedDocument {
  if (Array.isArray(json)) {
    if (
      json.length > 0 &&
      json.every((value) => isObject(value) && typeof value['key'] === 'string' && 'value' in value)
    ) {
      // Newman accepts a bare array of variables for --globals and --environment.
      const type = /globals/i.test(source) ? 'globals' : 'environment'
      const message = `a bare array of variables, read as ${type} { values: [...] } and exported in that shape`
      return { type, body: { values: json }, warnings: [{ path: '$', message }] }
    }
    throw unknown(source, json)
  }
  if (!isObject(json)) throw unknown(source, json)

  const isBare = !('info' in json) && !('item' in json) && !('values' in json)
  for (const wrapper of ['collection', 'environment'] as const) {
    const inner = json[wrapper]
    if (isBare && isObject(inner) && Object.keys(json).length === 1) {
      const detected = detectDocument(inner, source)
      const message = `wrapped in { "${wrapper}": … } (a Postman API export); exported without the wrapper`
      detected.warnings.unshift({ path: '$', message })
      return detected
    }
  }

  if (isObject(json['info']) || Array.isArray(json['item'])) {
    return { type: 'collection', body: json, ...collectionFormat(json, source) }
  }
  if (
    !('info' in json) &&
    (Array.isArray(json['requests']) || Array.isArray(json['order']) || Array.isArray(json['folders']))
  ) {
    return { type: 'collection', body: json, format: 'v1.0.0', warnings: [] }
  }
  if (Array.isArray(json['values'])) {
    const scope = json['_postman_variable_scope']
    return { type: scope === 'globals' ? 'globals' : 'environment', body: json, warnings: [] }
  }
  if ('info' in json || 'item' in json) {
    // Shaped like a collection but broken (`item` is not an array, `info` not an object): validation says where.
    return { type: 'collection', body: json, format: 'v2.1.0', warnings: [] }
  }
  throw unknown(source, json)
}

function collectionFormat(json: Json, source: string): { format: PostmanFormat; warnings: Warning[] } {
  const info = json['info']
  const schema = isObject(info) ? info['schema'] : undefined
  if (typeof schema !== 'string' || schema === '') {
    return { format: formatByContent(json), warnings: [] }
  }
  const match = /\/v(\d+)(?:\.(\d+))?(?:\.(\d+))?(?=\/|$)/.exec(schema)
  if (match === null) {
    const message = `unrecognised schema URL '${schema}'; the version is decided by content`
    return { format: formatByContent(json), warnings: [{ path: '$.info.schema', message }] }
  }
  const [, major, minor] = match
  if (major === '2' && minor === undefined) return { format: formatByContent(json), warnings: [] }
  if (major === '2' && minor === '0') return { format: 'v2.0.0', warnings: [] }
  if (major === '2' && minor === '1') return { format: 'v2.1.0', warnings: [] }
  throw new AppError(
    'SCHEMA_UNSUPPORTED',
    `${source}: unsupported collection schema ${schema} (supported: ${SUPPORTED_FORMATS.join(', ')})`,
    { source, schema, supported: [...SUPPORTED_FORMATS] },
  )
}

/**
 * Decides v2.0 vs v2.1 without a version: the first auth block with its params as an object means v2.0, as an
 * array v2.1; a `url.variable` entry with `id` and no `key` means v2.0. Default v2.1. Iterative (deep files).
 */
function formatByContent(json: Json): PostmanFormat {
  const stack: unknown[] = [json]
  while (stack.length > 0) {
    const node = stack.pop()
    if (Array.isArray(node)) {
      for (const child of node) if (typeof child === 'object' && child !== null) stack.push(child)
      continue
    }
    if (!isObject(node)) continue
    const auth = node['auth']
    if (isObject(auth) && typeof auth['type'] === 'string' && auth['type'] !== 'noauth') {
      const params = auth[auth['type']]
      if (Array.isArray(params)) return 'v2.1.0'
      if (isObject(params)) return 'v2.0.0'
    }
    const url = node['url']
    if (isObject(url) && Array.isArray(url['variable'])) {
      if (url['variable'].some((v) => isObject(v) && 'id' in v && !('key' in v))) return 'v2.0.0'
    }
    for (const value of Object.values(node))
      if (typeof value === 'object' && value !== null) stack.push(value)
  }
  return 'v2.1.0'
}

function unknown(source: string, json: unknown): AppError<'FORMAT_UNKNOWN'> {
  const found = describe(json)
  return new AppError(
    'FORMAT_UNKNOWN',
    `${source}: not a Postman collection, environment or globals file (found ${found})`,
    { source, found },
  )
}

function describe(json: unknown): string {
  if (json === null) return 'null'
  if (Array.isArray(json)) return 'an array'
  if (typeof json !== 'object') return `a ${typeof json}`
  const keys = Object.keys(json)
  if (keys.length === 0) return 'an empty object'
  return `an object with keys ${keys.slice(0, 5).join(', ')}${keys.length > 5 ? ', …' : ''}`
}
