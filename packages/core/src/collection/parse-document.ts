import type { z } from 'zod'
import { AppError } from '../errors/index.js'
import type { Issue } from '../errors/index.js'
import { collectWarnings } from './collect-warnings.js'
import type { Collection } from './collection-schema.js'
import { collectionSchema } from './collection-schema.js'
import { convertV1ToV21 } from './convert-v1.js'
import { decodeText } from './decode-text.js'
import { detectDocument } from './detect-document.js'
import type { Environment } from './environment-schema.js'
import { environmentSchema } from './environment-schema.js'
import { isCollectionShape } from './internal/is-collection-shape.js'
import { measureDepth } from './internal/measure-depth.js'
import { toIssues } from './internal/to-issues.js'
import { parseJson } from './parse-json.js'
import type { PostmanFormat, Warning } from './types.js'
import { upgradeV20ToV21 } from './upgrade-v20.js'

/** Deepest folder nesting accepted (real collections reach 7; Postman's UI stops far below this). */
export const MAX_FOLDER_DEPTH = 256

/** Issues listed in an invalid-document error (the first one is in its message). */
const MAX_ISSUES = 20

/** Options for {@link parseDocument} and {@link parseCollection}. */
export interface ParseDocumentOptions {
  /** File name used in messages. */
  source: string
}

/** A parsed collection, environment or globals document, with the oddities noticed on the way. */
export type ParsedDocument =
  | { type: 'collection'; collection: Collection; format: PostmanFormat; warnings: Warning[] }
  | { type: 'environment'; environment: Environment; warnings: Warning[] }
  | { type: 'globals'; globals: Environment; warnings: Warning[] }

/** A parsed collection: the v2.1.0 model, the source's format and the warnings. */
export interface ParseCollectionResult {
  collection: Collection
  format: PostmanFormat
  warnings: Warning[]
}

/**
 * Reads a Postman collection (v1, v2.0, v2.1), environment or globals file. A v2.1 collection is the parsed object
 * itself (unchanged, so it exports deep-equal); v2.0 and v1 are converted to v2.1. Throws AppError FILE_EMPTY,
 * FILE_BINARY, JSON_INVALID, FORMAT_UNKNOWN, SCHEMA_UNSUPPORTED, COLLECTION_TOO_DEEP, COLLECTION_INVALID or
 * ENVIRONMENT_INVALID.
 * @example const doc = parseDocument(await readFile(path), { source: path })
 */
export function parseDocument(input: Uint8Array | string, options: ParseDocumentOptions): ParsedDocument {
  const { source } = options
  const json = parseJson(decodeText(input, options), options)
  const detected = detectDocument(json, source)
  if (detected.type !== 'collection') {
    const checked = environmentSchema.safeParse(detected.body, { reportInput: true })
    if (!checked.success) throw invalid('ENVIRONMENT_INVALID', source, checked.error)
    const environment = detected.body as Environment
    return detected.type === 'globals'
      ? { type: 'globals', globals: environment, warnings: detected.warnings }
      : { type: 'environment', environment, warnings: detected.warnings }
  }

  const { format } = detected
  const warnings = [...detected.warnings]
  let body: unknown = detected.body
  if (format === 'v1.0.0') {
    const converted = convertV1ToV21(body)
    body = converted.collection
    warnings.push(...converted.warnings)
  }
  const depth = measureDepth(body, MAX_FOLDER_DEPTH)
  if (depth.tooDeepAt !== undefined) {
    throw new AppError(
      'COLLECTION_TOO_DEEP',
      `${source}: folders nest deeper than ${MAX_FOLDER_DEPTH} levels at ${depth.tooDeepAt}`,
      { source, path: depth.tooDeepAt, maxDepth: MAX_FOLDER_DEPTH },
    )
  }
  // Validate what the user wrote (paths then point into their file), then upgrade v2.0: same structure.
  // The fast check copies nothing; zod, the authority, runs only to explain a document the check refused.
  if (!isCollectionShape(body)) {
    const checked = collectionSchema.safeParse(body, { reportInput: true })
    if (!checked.success) throw invalid('COLLECTION_INVALID', source, checked.error)
  }
  const collection = (
    format === 'v2.0.0' ? upgradeV20ToV21(body as Record<string, unknown>) : body
  ) as Collection
  warnings.push(...collectWarnings(collection))
  return { type: 'collection', collection, format, warnings }
}

/**
 * Reads a Postman collection file (v1, v2.0, v2.1) into the v2.1.0 model; throws FORMAT_UNKNOWN for an environment
 * or globals file, and otherwise as {@link parseDocument}.
 * @example const { collection, warnings } = parseCollection(text, { source: 'api.postman_collection.json' })
 */
export function parseCollection(
  input: Uint8Array | string,
  options: ParseDocumentOptions,
): ParseCollectionResult {
  const document = parseDocument(input, options)
  if (document.type === 'collection') {
    const { collection, format, warnings } = document
    return { collection, format, warnings }
  }
  const { source } = options
  throw new AppError('FORMAT_UNKNOWN', `${source}: this is a ${document.type} file, not a collection`, {
    source,
    found: document.type,
  })
}

function invalid(
  code: 'COLLECTION_INVALID' | 'ENVIRONMENT_INVALID',
  source: string,
  error: z.ZodError,
): AppError<'COLLECTION_INVALID' | 'ENVIRONMENT_INVALID'> {
  const all = toIssues(error.issues)
  const issues: Issue[] = all.slice(0, MAX_ISSUES)
  const first = issues[0] ?? { path: '$', message: 'invalid document' }
  const more = all.length > 1 ? ` (and ${all.length - 1} more)` : ''
  const what = code === 'COLLECTION_INVALID' ? 'invalid collection' : 'invalid environment'
  return new AppError(code, `${source}: ${what}: ${first.path}: ${first.message}${more}`, { source, issues })
}
