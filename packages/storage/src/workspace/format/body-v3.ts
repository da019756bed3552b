import type { PlainObject } from './json-value.js'
import { isPlainObject, own } from './json-value.js'
import { descriptionString, keyListFromV3, keyListToV3 } from './key-values.js'

/** Raw-body languages v3 names as body types. */
const RAW_TYPES = new Set(['json', 'text', 'xml', 'html', 'javascript'])

/**
 * A v2.1 body as v3 `body {type, content}`; `undefined` when there is none or its mode has no v3 type.
 * @example bodyToV3({ mode: 'raw', raw: '{}', options: { raw: { language: 'json' } } }) // { type: 'json', content: '{}' }
 */
export function bodyToV3(body: unknown): PlainObject | undefined {
  if (!isPlainObject(body)) return undefined
  switch (body['mode']) {
    case 'raw': {
      const options = own(body, 'options')
      const raw = isPlainObject(options) ? own(options, 'raw') : undefined
      const language = isPlainObject(raw) ? raw['language'] : undefined
      const out: PlainObject = {
        type: typeof language === 'string' && RAW_TYPES.has(language) ? language : 'text',
      }
      if (Object.hasOwn(body, 'raw')) out['content'] = body['raw']
      return out
    }
    case 'urlencoded':
      return { type: 'urlencoded', content: keyListToV3(body['urlencoded']) ?? [] }
    case 'formdata': {
      const parts = Array.isArray(body['formdata']) ? body['formdata'].filter(isPlainObject) : []
      return { type: 'formdata', content: parts.map(formPartToV3) }
    }
    case 'file': {
      const file = own(body, 'file')
      return {
        type: 'file',
        content: isPlainObject(file) && Object.hasOwn(file, 'src') ? { src: file['src'] } : {},
      }
    }
    case 'graphql': {
      const graphql = own(body, 'graphql')
      return isPlainObject(graphql) ? { type: 'graphql', content: graphql } : { type: 'graphql' }
    }
    default:
      return undefined
  }
}

/** v3 `body` as a v2.1 body (`type: none` or no type: no body). */
export function bodyFromV3(body: unknown): PlainObject | undefined {
  if (!isPlainObject(body) || typeof body['type'] !== 'string') return undefined
  const { type } = body
  const has = Object.hasOwn(body, 'content')
  const content = body['content']
  switch (type) {
    case 'none':
      return undefined
    case 'text':
      return has ? { mode: 'raw', raw: content } : { mode: 'raw' }
    case 'urlencoded':
      return { mode: 'urlencoded', urlencoded: keyListFromV3(content) ?? [] }
    case 'formdata':
      return {
        mode: 'formdata',
        formdata: Array.isArray(content) ? content.filter(isPlainObject).map(formPartFromV3) : [],
      }
    case 'file':
      return { mode: 'file', file: isPlainObject(content) ? { ...content } : {} }
    case 'graphql':
      return has ? { mode: 'graphql', graphql: content } : { mode: 'graphql' }
    default: {
      const out: PlainObject = { mode: 'raw' }
      if (has) out['raw'] = content
      out['options'] = { raw: { language: type } }
      return out
    }
  }
}

function formPartToV3(part: PlainObject): PlainObject {
  const out: PlainObject = {}
  for (const field of ['type', 'key', 'value', 'src', 'contentType']) {
    if (Object.hasOwn(part, field)) out[field] = part[field]
  }
  const description = descriptionString(own(part, 'description'))
  if (description !== undefined) out['description'] = description
  if (Object.hasOwn(part, 'disabled')) out['disabled'] = part['disabled']
  return out
}

function formPartFromV3(part: PlainObject): PlainObject {
  const out: PlainObject = {}
  for (const field of ['key', 'value', 'src', 'type', 'contentType', 'description', 'disabled']) {
    if (Object.hasOwn(part, field)) out[field] = part[field]
  }
  return out
}
