import type { PlainObject } from './json-value.js'
import { isPlainObject } from './json-value.js'
import type { FileProblem } from './types.js'

/** What a path is in the layout, from its name alone. */
export type FileRole =
  | { kind: 'definition'; directory: string; stem: string }
  | { kind: 'request'; directory: string; stem: string }
  | { kind: 'example'; request: string; stem: string }
  | { kind: 'opaque'; problem?: FileProblem }

const REQUEST_FILE = /^(.*)\.request\.ya?ml$/
const EXAMPLE_FILE = /^(.*)\.example\.ya?ml$/
const DEFINITION_FILE = /^definition\.ya?ml$/

/**
 * Classifies a collection-relative path: `<dir>/.resources/definition.yaml`, `<dir>/<stem>.request.yaml`,
 * `<dir>/.resources/<stem>.resources/examples/<name>.example.yaml` (`.yml` too), anything else is opaque.
 */
export function classifyPath(path: string): FileRole {
  const parts = path.split('/')
  const name = parts[parts.length - 1] ?? ''
  const resources = parts.indexOf('.resources')
  if (resources === -1) {
    const request = REQUEST_FILE.exec(name)
    if (request === null) return { kind: 'opaque' }
    return { kind: 'request', directory: directoryOf(parts.slice(0, -1)), stem: request[1] ?? '' }
  }
  const inside = parts.slice(resources + 1)
  const directory = directoryOf(parts.slice(0, resources))
  if (inside.length === 1 && DEFINITION_FILE.test(name)) return { kind: 'definition', directory, stem: '' }
  const owner = /^(.*)\.resources$/.exec(inside[0] ?? '')
  const example = EXAMPLE_FILE.exec(name)
  if (inside.length === 3 && owner !== null && inside[1] === 'examples' && example !== null) {
    return { kind: 'example', request: `${directory}${owner[1] ?? ''}`, stem: example[1] ?? '' }
  }
  if (REQUEST_FILE.test(name)) {
    return {
      kind: 'opaque',
      problem: {
        path,
        code: 'REQUEST_IN_RESOURCES',
        message: `${path}: .resources holds metadata only; a request file there is not part of the collection`,
      },
    }
  }
  return { kind: 'opaque' }
}

const EXPECTED_KIND = { definition: 'collection', request: 'http-request', example: 'http-example' } as const

/** Known fields and the types they must have (a key list is a map or a list). */
const FIELD_TYPES: Record<string, 'string' | 'number' | 'map' | 'list' | 'keyList' | 'auth'> = {
  name: 'string',
  description: 'string',
  url: 'string',
  method: 'string',
  order: 'number',
  headers: 'keyList',
  queryParams: 'keyList',
  pathVariables: 'keyList',
  variables: 'keyList',
  body: 'map',
  auth: 'auth',
  scripts: 'list',
  settings: 'map',
  request: 'map',
  response: 'map',
}

/**
 * Checks a parsed file's `$kind` and known fields. A kind of another protocol (gRPC, WebSocket, MCP…) gives
 * `'foreign'` (kept verbatim, no problem); a missing or mismatched kind or a mistyped field gives a problem.
 */
export function checkFields(
  value: PlainObject,
  role: 'definition' | 'request' | 'example',
  path: string,
): FileProblem | 'foreign' | undefined {
  const kind = value['$kind']
  const expected = EXPECTED_KIND[role]
  if (typeof kind !== 'string' || kind === '') {
    return { path, code: 'KIND_MISSING', message: `${path}: no $kind (expected ${expected})` }
  }
  if (kind !== expected) {
    const family = role === 'definition' ? /^collection$/ : role === 'request' ? /-request$/ : /-example$/
    if (family.test(kind)) return 'foreign'
    return { path, code: 'KIND_MISMATCH', message: `${path}: $kind ${kind} in a file that holds ${expected}` }
  }
  for (const [field, type] of Object.entries(FIELD_TYPES)) {
    if (!Object.hasOwn(value, field)) continue
    if (!hasType(value[field], type)) {
      return { path, code: 'FIELD_INVALID', message: `${path}: ${field} must be ${describe(type)}` }
    }
  }
  return undefined
}

function hasType(value: unknown, type: (typeof FIELD_TYPES)[string]): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string'
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
    case 'map':
      return isPlainObject(value)
    case 'list':
      return Array.isArray(value)
    case 'keyList':
    case 'auth':
      return isPlainObject(value) || Array.isArray(value)
  }
}

function describe(type: (typeof FIELD_TYPES)[string]): string {
  return {
    string: 'a string',
    number: 'a number',
    map: 'a map',
    list: 'a list',
    keyList: 'a map or a list',
    auth: 'a map or a list',
  }[type]
}

function directoryOf(parts: string[]): string {
  return parts.length === 0 ? '' : `${parts.join('/')}/`
}
