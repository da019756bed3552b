// Prepares every request of every v2.x collection in the shared corpus (../shared/corpus beside the clone). With
// only collection variables defined, a URL left with `{{name}}` is an expected VARIABLE_UNRESOLVED, a missing upload
// an expected BODY_FILE_UNREADABLE and an item with no URL an expected HTTP_URL_INVALID; anything else fails.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ErrorCode, FileSource } from '../src/index.js'
import {
  AppError,
  collectionVariables,
  createDynamicVariables,
  isAppError,
  listRequests,
  parseDocument,
  prepareRequest,
} from '../src/index.js'

const repoRoot = path.resolve(import.meta.dirname, '../../..')
const corpus = path.resolve(repoRoot, '../shared/corpus')

/** Outcomes that depend on what the run supplies (variables, files), not on Courier. */
const EXPECTED: readonly ErrorCode[] = ['VARIABLE_UNRESOLVED', 'BODY_FILE_UNREADABLE']

/** No file is read: uploads end as BODY_FILE_UNREADABLE, which the test expects. */
const files: FileSource = {
  read: (file) =>
    Promise.reject(
      new AppError('FILE_UNREADABLE', `${file}: not read in tests`, { source: file, reason: 'not read' }),
    ),
}

const collections = readdirSync(corpus, { recursive: true, encoding: 'utf8' })
  .map((file) => file.split(path.sep).join('/'))
  .filter((file) => file.endsWith('.json') && !file.startsWith('schemas/postmanlabs-schemas/'))
  .sort()
  .flatMap((file) => {
    try {
      const parsed = parseDocument(readFileSync(path.join(corpus, file)), { source: file })
      return parsed.type === 'collection' && /v2\.[01]/.test(parsed.format) ? [{ file, parsed }] : []
    } catch {
      return []
    }
  })

describe('prepare every corpus request', () => {
  const counts = { prepared: 0, expected: 0, emptyUrl: 0 }

  it.each(collections.map(({ file, parsed }) => [file, parsed] as const))('%s', async (file, parsed) => {
    if (parsed.type !== 'collection') return
    const collection = parsed.collection
    const scopes = { collection: collectionVariables(collection) }
    for (const { path: requestPath, target } of listRequests(collection)) {
      try {
        await prepareRequest(target, { scopes, files, dynamic: createDynamicVariables({ seed: 1 }) })
        counts.prepared++
      } catch (error) {
        if (isAppError(error) && EXPECTED.includes(error.code)) counts.expected++
        // Fixtures with no URL at all (17 when written); any other invalid URL is a bug of ours.
        else if (isAppError(error, 'HTTP_URL_INVALID') && error.details.url.trim() === '') counts.emptyUrl++
        else throw new Error(`${file} › ${requestPath}: ${String(error)}`, { cause: error })
      }
    }
  })

  it('prepares most requests', () => {
    expect(collections.length).toBeGreaterThan(150)
    expect(counts.prepared).toBeGreaterThan(0)
    // 2,062 prepared, 3,760 unresolved or missing files, 17 empty URLs when written.
    expect(counts.prepared, JSON.stringify(counts)).toBeGreaterThanOrEqual(2000)
  })
})
