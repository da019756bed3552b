import { requestUrlText } from '@courier/core'
import { bodyFromV3, bodyToV3 } from './body-v3.js'
import type { PlainObject } from './json-value.js'
import { isPlainObject, own } from './json-value.js'
import { keyListFromV3, keyListToV3 } from './key-values.js'
import { urlObject } from './url-parts.js'

/**
 * The HTTP fields of a v2.1 request as v3 writes them, in the Postman app's order: `url, method, headers,
 * queryParams, pathVariables, body`.
 */
export function requestFieldsToV3(request: unknown): PlainObject {
  const out: PlainObject = {}
  const object: PlainObject | undefined =
    typeof request === 'string' ? { url: request } : isPlainObject(request) ? request : undefined
  if (object === undefined) return out
  const url = own(object, 'url')
  if (typeof url === 'string' || isPlainObject(url)) out['url'] = requestUrlText(object)
  if (typeof object['method'] === 'string') out['method'] = object['method']
  const headers = keyListToV3(own(object, 'header'))
  if (headers !== undefined && !isEmpty(headers)) out['headers'] = headers
  if (isPlainObject(url)) {
    const query = keyListToV3(own(url, 'query'))
    if (query !== undefined && !isEmpty(query)) out['queryParams'] = query
    const variables = keyListToV3(own(url, 'variable'))
    if (variables !== undefined && !isEmpty(variables)) out['pathVariables'] = variables
  }
  const body = bodyToV3(own(object, 'body'))
  if (body !== undefined) out['body'] = body
  return out
}

/** v3 HTTP fields as a v2.1 request object `{method, header, body, url}` (Postman's export shape). */
export function requestFieldsFromV3(v3: PlainObject): PlainObject {
  const out: PlainObject = {}
  if (Object.hasOwn(v3, 'method')) out['method'] = v3['method']
  out['header'] = keyListFromV3(own(v3, 'headers')) ?? []
  const body = bodyFromV3(own(v3, 'body'))
  if (body !== undefined) out['body'] = body
  const url = own(v3, 'url')
  if (typeof url === 'string') {
    out['url'] = urlObject(
      url,
      keyListFromV3(own(v3, 'queryParams')),
      keyListFromV3(own(v3, 'pathVariables')),
    )
  } else if (url !== undefined) {
    out['url'] = url
  }
  return out
}

function isEmpty(list: PlainObject | PlainObject[]): boolean {
  return Array.isArray(list) ? list.length === 0 : Object.keys(list).length === 0
}
