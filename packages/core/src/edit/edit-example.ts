import type { Collection, Request, Response } from '../collection/index.js'
import { requestObject } from '../collection/index.js'
import { AppError } from '../errors/index.js'
import type { HttpHeader } from '../http/index.js'
import type { Random } from '../ports/index.js'
import type { FoundItem } from './find-item.js'
import { findItem } from './find-item.js'
import { newId } from './internal/new-id.js'
import { checkName, idOf, updateItemAt } from './internal/tree.js'
import type { KeyValueEntry } from './item-patch.js'
import type { Change, EditResult, ExampleRef, ExampleSelector, ItemSelector } from './types.js'

/** A saved example (Body example) of a request: a response as it should look. */
export interface NewExample {
  name: string
  code: number
  /** The reason phrase (`OK`). */
  status?: string
  header?: KeyValueEntry[]
  body?: string
  /** The request the example answers; by default a copy of the request as it is now. */
  originalRequest?: Request
  /** Postman's `_postman_previewlanguage` (`json`, `xml`, `html`, `text`…); by default from Content-Type. */
  previewLanguage?: string
}

/** A change to an example; fields replace the example's. */
export type ExamplePatch = Partial<NewExample>

/** What {@link saveResponseAsExample} keeps of a send: an `Exchange` from `sendRequest` fits. */
export interface ResponseToSave {
  response: { status: number; statusText: string; headers: readonly HttpHeader[]; body: Uint8Array }
}

/**
 * Adds a saved example to a request (last in its `response` list), with a new id, as a v2.1 `response` entry.
 * @throws AppError ITEM_NOT_FOUND, ITEM_AMBIGUOUS, ITEM_WRONG_KIND (a folder); NAME_INVALID.
 * @example addExample(collection, 'Users/Get user', { example: { name: 'Found', code: 200, body: '{}' }, random })
 */
export function addExample(
  collection: Collection,
  selector: ItemSelector,
  options: { example: NewExample; random: Random },
): EditResult {
  return addExampleTo(collection, findItem(collection, selector, { kind: 'request' }), options)
}

function addExampleTo(
  collection: Collection,
  found: FoundItem,
  options: { example: NewExample; random: Random },
): EditResult {
  const { example } = options
  const response: Response = {
    id: newId(options.random),
    name: checkName(example.name, 'example'),
    originalRequest: structuredClone(example.originalRequest ?? requestObject(found.item.request) ?? {}),
    status: example.status ?? '',
    code: example.code,
    _postman_previewlanguage: example.previewLanguage ?? previewLanguage(example.header ?? []),
    header: (example.header ?? []).map((entry) => ({ ...entry })),
    cookie: [],
    body: example.body ?? '',
  }
  const index = found.item.response?.length ?? 0
  return updateExamples(collection, found, [...(found.item.response ?? []), response], {
    type: 'example-added',
    example: exampleRef(response, index),
  })
}

/**
 * Saves a response received from a send (history or the Send button) as an example of the request: status,
 * headers and body (decoded as UTF-8) as received, and the request as it is in the collection — never the
 * request as sent, which holds resolved secrets.
 * @example saveResponseAsExample(collection, 'Users/Get user', { exchange, random }) // named after the request
 */
export function saveResponseAsExample(
  collection: Collection,
  selector: ItemSelector,
  options: { exchange: ResponseToSave; random: Random; name?: string; originalRequest?: Request },
): EditResult {
  const { response } = options.exchange
  const found = findItem(collection, selector, { kind: 'request' })
  const example: NewExample = {
    // Postman names an example saved from a response after its request.
    name: options.name ?? found.item.name ?? 'Example',
    code: response.status,
    status: response.statusText,
    header: response.headers.map((header) => ({ key: header.key, value: header.value })),
    body: new TextDecoder().decode(response.body),
  }
  if (options.originalRequest !== undefined) example.originalRequest = options.originalRequest
  return addExampleTo(collection, found, { example, random: options.random })
}

/**
 * Changes an example's name, status, code, headers, body or original request.
 * @throws AppError EXAMPLE_NOT_FOUND; ITEM_NOT_FOUND, ITEM_AMBIGUOUS, ITEM_WRONG_KIND; NAME_INVALID.
 * @example editExample(collection, 'Users/Get user', { example: 'Found', patch: { code: 201 } })
 */
export function editExample(
  collection: Collection,
  selector: ItemSelector,
  options: { example: ExampleSelector; patch: ExamplePatch },
): EditResult {
  const found = findItem(collection, selector, { kind: 'request' })
  const examples = found.item.response ?? []
  const index = findExample(found, options.example)
  const { patch } = options
  const next: Response = { ...examples[index] }
  const fields: string[] = []
  if (patch.name !== undefined) {
    next.name = checkName(patch.name, 'example')
    fields.push('name')
  }
  if (patch.originalRequest !== undefined) next.originalRequest = structuredClone(patch.originalRequest)
  if (patch.status !== undefined) next['status'] = patch.status
  if (patch.code !== undefined) next.code = patch.code
  if (patch.previewLanguage !== undefined) next['_postman_previewlanguage'] = patch.previewLanguage
  if (patch.header !== undefined) next.header = patch.header.map((entry) => ({ ...entry }))
  if (patch.body !== undefined) next['body'] = patch.body
  for (const field of ['originalRequest', 'status', 'code', 'previewLanguage', 'header', 'body'] as const)
    if (patch[field] !== undefined) fields.push(field)
  const list = examples.slice()
  list[index] = next
  const previous = examples[index]?.name ?? ''
  const renamed = patch.name !== undefined && patch.name !== previous
  const change: ChangeWithoutItem[] = []
  if (renamed) change.push({ type: 'example-renamed', example: exampleRef(next, index), from: previous })
  const updated = fields.filter((field) => field !== 'name')
  if (updated.length > 0)
    change.push({ type: 'example-updated', example: exampleRef(next, index), fields: updated })
  return updateExamples(collection, found, list, ...change)
}

/**
 * Renames an example; reported as `example-renamed` (its file is renamed).
 * @example renameExample(collection, 'Users/Get user', { example: 0, name: 'Found' })
 */
export function renameExample(
  collection: Collection,
  selector: ItemSelector,
  options: { example: ExampleSelector; name: string },
): EditResult {
  return editExample(collection, selector, { example: options.example, patch: { name: options.name } })
}

/**
 * Removes an example from a request.
 * @throws AppError EXAMPLE_NOT_FOUND; ITEM_NOT_FOUND, ITEM_AMBIGUOUS, ITEM_WRONG_KIND.
 * @example deleteExample(collection, 'Users/Get user', { example: 'Not found' })
 */
export function deleteExample(
  collection: Collection,
  selector: ItemSelector,
  options: { example: ExampleSelector },
): EditResult {
  const found = findItem(collection, selector, { kind: 'request' })
  const examples = found.item.response ?? []
  const index = findExample(found, options.example)
  const removed = examples[index] ?? {}
  return updateExamples(
    collection,
    found,
    examples.filter((_, position) => position !== index),
    { type: 'example-removed', example: exampleRef(removed, index) },
  )
}

type ChangeWithoutItem<C = Change> = C extends { at: unknown } ? Omit<C, 'at' | 'itemId'> : never

function updateExamples(
  collection: Collection,
  found: FoundItem,
  examples: Response[],
  ...changes: ChangeWithoutItem[]
): EditResult {
  const next = updateItemAt(collection, found.location.index, (item) => ({ ...item, response: examples }))
  const about = { ...idOf(found.item), at: found.location }
  return { collection: next, changed: changes.map((change) => ({ ...change, ...about })) }
}

/** The position of the example an {@link ExampleSelector} names: its index, its id, or a unique name. */
function findExample(found: FoundItem, selector: ExampleSelector): number {
  const examples = found.item.response ?? []
  const item = found.location.path.join('/')
  if (typeof selector === 'number') {
    if (Number.isInteger(selector) && selector >= 0 && selector < examples.length) return selector
  } else {
    const byId = examples.findIndex((example) => example['id'] === selector)
    if (byId >= 0) return byId
    const byName = examples.flatMap((example, index) => (example.name === selector ? [index] : []))
    const [only] = byName
    if (byName.length === 1 && only !== undefined) return only
    if (byName.length > 1) {
      const matches = byName.map((index) => `${item} → ${selector} (#${index})`)
      throw new AppError('ITEM_AMBIGUOUS', `"${item}" has ${byName.length} examples named "${selector}"`, {
        query: selector,
        source: item,
        matches,
      })
    }
  }
  const names = examples.map((example) => example.name ?? '')
  throw new AppError('EXAMPLE_NOT_FOUND', `"${item}" has no example "${selector}"`, {
    item,
    query: String(selector),
    examples: names,
  })
}

function exampleRef(example: Response, index: number): ExampleRef {
  const id = example['id']
  return { index, name: example.name ?? '', ...(typeof id === 'string' && { id }) }
}

/** Postman's preview language for a Content-Type. */
function previewLanguage(headers: readonly KeyValueEntry[]): string {
  const type = headers.find((header) => header.key.toLowerCase() === 'content-type')?.value ?? ''
  for (const language of ['json', 'xml', 'html', 'javascript'])
    if (type.toLowerCase().includes(language)) return language
  return 'text'
}
