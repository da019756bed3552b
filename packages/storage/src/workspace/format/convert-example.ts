import { authFromV3, authToV3 } from './auth-v3.js'
import type { SiblingPosition } from './convert-request.js'
import { fileExtension } from './convert-request.js'
import { createPatch } from './extension-patch.js'
import { EXTENSION_KEY } from './file-names.js'
import type { PlainObject } from './json-value.js'
import { isPlainObject, own } from './json-value.js'
import { keyListFromV3, keyListToV3 } from './key-values.js'
import { modelExtension, setModelExtension, writeUnknownKeys } from './model-extension.js'
import { requestFieldsFromV3, requestFieldsToV3 } from './request-fields.js'

/** Top-level keys of an `http-example` file. */
export const EXAMPLE_KEYS: ReadonlySet<string> = new Set([
  '$kind',
  'name',
  'request',
  'response',
  'auth',
  'order',
])

/** Response body types v3 accepts on examples. */
const BODY_TYPES = new Set(['text', 'json', 'xml', 'html', 'javascript', 'yaml'])

/** A v2.1 saved response (example) as the content of its `*.example.yaml`. */
export function exampleFileFromResponse(
  response: PlainObject,
  position: SiblingPosition & { order: number },
): PlainObject {
  const ext = modelExtension(response)
  const v3: PlainObject = { $kind: 'http-example' }
  if (typeof response['name'] === 'string' && response['name'] !== position.stem)
    v3['name'] = response['name']
  const original = own(response, 'originalRequest')
  if (original !== undefined && original !== null) v3['request'] = requestFieldsToV3(original)
  const out: PlainObject = {}
  if (Object.hasOwn(response, 'code')) out['statusCode'] = response['code']
  if (Object.hasOwn(response, 'status')) out['statusText'] = response['status']
  const headers = keyListToV3(own(response, 'header'))
  if (headers !== undefined && (Array.isArray(headers) ? headers.length : Object.keys(headers).length) > 0) {
    out['headers'] = headers
  }
  const language = response['_postman_previewlanguage']
  const body = response['body']
  out['body'] = {
    type: typeof language === 'string' && BODY_TYPES.has(language) ? language : 'text',
    content: typeof body === 'string' ? body : '',
  }
  v3['response'] = out
  const auth = authToV3(isPlainObject(original) ? own(original, 'auth') : undefined)
  if (auth !== undefined) v3['auth'] = auth
  v3['order'] = position.order
  writeUnknownKeys(v3, ext.extra, EXAMPLE_KEYS)
  const patch = createPatch(responseFromV3(v3, position), response)
  if (patch !== undefined) v3[EXTENSION_KEY] = patch
  return v3
}

/** The v2.1 response an example file gives, before its `x-courier` patch. */
export function responseFromV3(v3: PlainObject, position: SiblingPosition): PlainObject {
  const response: PlainObject = { name: Object.hasOwn(v3, 'name') ? v3['name'] : position.stem }
  const request = own(v3, 'request')
  if (isPlainObject(request)) {
    const original: PlainObject = {}
    const auth = authFromV3(own(v3, 'auth'))
    if (auth !== undefined) original['auth'] = auth
    response['originalRequest'] = Object.assign(original, requestFieldsFromV3(request))
  }
  const out = own(v3, 'response')
  const part: PlainObject = isPlainObject(out) ? out : {}
  if (Object.hasOwn(part, 'statusText')) response['status'] = part['statusText']
  if (Object.hasOwn(part, 'statusCode')) response['code'] = part['statusCode']
  const body = own(part, 'body')
  if (isPlainObject(body) && Object.hasOwn(body, 'type')) response['_postman_previewlanguage'] = body['type']
  response['header'] = keyListFromV3(own(part, 'headers')) ?? []
  response['cookie'] = []
  if (isPlainObject(body) && Object.hasOwn(body, 'content')) response['body'] = body['content']
  setModelExtension(response, fileExtension(v3, position, EXAMPLE_KEYS, []))
  return response
}
