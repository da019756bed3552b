import type { Body } from '../../collection/index.js'
import { AppError, isAppError } from '../../errors/index.js'
import type { FileSource } from '../../ports/index.js'
import type { DynamicVariableProvider, VariableScopes } from '../../variables/index.js'
import { resolveDeep, resolveTemplate } from '../../variables/index.js'
import type { FormPart, PreparedBody } from '../types.js'
import { formEncode } from './percent-encode.js'

/** Options for {@link buildBody}. */
export interface BuildBodyOptions {
  scopes: VariableScopes
  dynamic?: DynamicVariableProvider
  files: FileSource
  /** The method and URL, for error messages. */
  method: string
  url: string
}

/** A body and the Content-Type Postman gives it when the request sets none. */
export interface BuildBodyResult {
  body: PreparedBody
  contentType?: string
}

/** `options.raw.language` → Content-Type (postman-runtime `core-body-builder.js`); anything else is text. */
export const RAW_LANGUAGE_CONTENT_TYPES: Readonly<Record<string, string>> = Object.freeze({
  html: 'text/html',
  text: 'text/plain',
  json: 'application/json',
  javascript: 'application/javascript',
  xml: 'application/xml',
})

const NONE: BuildBodyResult = { body: { type: 'none' } }

/**
 * The body of a request, variables resolved and files read, as Newman builds it for each mode (`raw`, `urlencoded`,
 * `formdata`, `file`, `graphql`); an unknown mode or an empty body sends none. Pruning for GET and friends is the
 * caller's (see `prepareRequest`).
 * @throws AppError BODY_FILE_UNREADABLE when a file named by the body cannot be read.
 * @example await buildBody({ mode: 'raw', raw: '{"id":{{id}}}' }, options) // { body: { type: 'text', … } }
 */
export async function buildBody(body: Body, options: BuildBodyOptions): Promise<BuildBodyResult> {
  const resolveOptions = options.dynamic === undefined ? {} : { dynamic: options.dynamic }
  const resolve = (text: string): string => resolveTemplate(text, options.scopes, resolveOptions)
  switch (body.mode ?? '') {
    case 'raw': {
      const raw: unknown = body.raw
      if (raw == null || raw === '') return NONE
      const text = resolve(typeof raw === 'string' ? raw : JSON.stringify(raw))
      const language = (body['options'] as { raw?: { language?: unknown } } | undefined)?.raw?.language
      const contentType =
        (typeof language === 'string' ? RAW_LANGUAGE_CONTENT_TYPES[language] : undefined) ?? 'text/plain'
      return { body: { type: 'text', text }, contentType }
    }
    case 'urlencoded': {
      const fields = (body.urlencoded ?? []).filter((field) => field.disabled !== true)
      if (fields.length === 0) return NONE
      const text = fields
        .map(
          (field) =>
            `${formEncode(resolve(field.key ?? ''))}=${formEncode(resolve(fieldText(field['value'])))}`,
        )
        .join('&')
      return { body: { type: 'text', text }, contentType: 'application/x-www-form-urlencoded' }
    }
    case 'formdata': {
      const parts = await formParts(body.formdata ?? [], { ...options, resolve })
      if (parts.length === 0) return NONE
      return { body: { type: 'multipart', parts }, contentType: 'multipart/form-data' }
    }
    case 'file': {
      const file = body['file'] as { src?: unknown; content?: unknown } | undefined
      if (typeof file?.src === 'string' && file.src !== '') {
        const path = resolve(file.src)
        return { body: { type: 'bytes', bytes: await readFile(path, options, undefined) } }
      }
      if (typeof file?.content === 'string' && file.content !== '')
        return { body: { type: 'text', text: file.content } }
      return NONE
    }
    case 'graphql':
      return graphqlBody(body['graphql'], { ...options, resolveOptions })
    default:
      return NONE
  }
}

function fieldText(value: unknown): string {
  if (value == null) return ''
  return typeof value === 'string' ? value : JSON.stringify(value)
}

type FormField = NonNullable<Body['formdata']>[number]

async function formParts(
  fields: readonly FormField[],
  options: BuildBodyOptions & { resolve: (text: string) => string },
): Promise<FormPart[]> {
  const parts: FormPart[] = []
  for (const field of fields) {
    if (field.disabled === true) continue
    const name = options.resolve(field.key ?? '')
    const contentType =
      typeof field['contentType'] === 'string' && field['contentType'] !== ''
        ? field['contentType']
        : undefined
    const typed = <P extends FormPart>(part: P): P =>
      contentType === undefined ? part : { ...part, contentType: options.resolve(contentType) }
    if (field['type'] !== 'file') {
      parts.push(typed({ type: 'text', name, value: options.resolve(fieldText(field['value'])) }))
      continue
    }
    // `src` is a path or, since Postman 7.x, several paths sent under the same name. A file field with no file
    // chosen (`""`, `[]`, absent) is left out, as postman-runtime's request-helpers-presend.js removes it.
    const src: unknown = field['src']
    const paths = (Array.isArray(src) ? (src as unknown[]) : [src]).filter(
      (path): path is string => typeof path === 'string' && path !== '',
    )
    const fileName =
      typeof field['fileName'] === 'string' && field['fileName'] !== '' ? field['fileName'] : undefined
    for (const rawPath of paths) {
      const path = options.resolve(rawPath)
      const bytes = await readFile(path, options, name)
      parts.push(typed({ type: 'file', name, fileName: fileName ?? baseName(path), bytes }))
    }
  }
  return parts
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path
}

async function readFile(
  path: string,
  options: BuildBodyOptions,
  field: string | undefined,
): Promise<Uint8Array> {
  try {
    return await options.files.read(path)
  } catch (error) {
    // Newman only warns and sends the request without the file; Courier stops, since the request would not be
    // the one the user wrote.
    const reason = isAppError(error, 'FILE_UNREADABLE')
      ? error.details.reason
      : error instanceof Error
        ? error.message
        : String(error)
    const what = field === undefined ? 'body file' : `file of form field "${field}"`
    throw new AppError(
      'BODY_FILE_UNREADABLE',
      `${options.method} ${options.url}: cannot read the ${what} ${path}: ${reason}`,
      field === undefined ? { path, reason } : { path, field, reason },
      { cause: error },
    )
  }
}

/**
 * GraphQL as postman-runtime sends it: `{"query","operationName","variables"}` as JSON; `variables` written as a
 * JSON string is spliced in as written (not parsed, so its formatting is kept) unless it is empty.
 */
function graphqlBody(
  graphql: unknown,
  options: BuildBodyOptions & { resolveOptions: { dynamic?: DynamicVariableProvider } },
): BuildBodyResult {
  if (typeof graphql !== 'object' || graphql === null) return NONE
  const content = resolveDeep(graphql as Record<string, unknown>, options.scopes, options.resolveOptions)
  const { query, operationName, variables } = content
  let text: string
  if (typeof variables !== 'string') {
    text = JSON.stringify({ query, operationName, variables })
  } else {
    const members: string[] = []
    if (typeof query === 'string') members.push(`"query":${JSON.stringify(query)}`)
    if (typeof operationName === 'string') members.push(`"operationName":${JSON.stringify(operationName)}`)
    if (variables.trim() !== '') members.push(`"variables":${variables}`)
    text = `{${members.join(',')}}`
  }
  return { body: { type: 'text', text }, contentType: 'application/json' }
}
