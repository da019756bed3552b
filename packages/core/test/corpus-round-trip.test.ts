// Round-trips every collection, environment and globals JSON file of the shared corpus (../shared/corpus beside the
// clone; never copied into the repo): import → export → JSON.parse must equal the source (key order included) for
// v2.1 and environments, equal the independently checked v2.1 upgrade for v2.0, and import cleanly for v1.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ErrorCode } from '../src/index.js'
import { exportCollection, exportEnvironment, isAppError, parseDocument } from '../src/index.js'

const repoRoot = path.resolve(import.meta.dirname, '../../..')
const corpus = path.resolve(repoRoot, '../shared/corpus')

/** Split schema sources (several are JSONC with `//` comments): schema definitions, not documents. */
const SKIPPED_PREFIX = 'schemas/postmanlabs-schemas/'

/** Files that are not collections/environments/globals, or are deliberately broken: the exact error expected. */
const EXPECTED_ERRORS: Record<string, { code: ErrorCode; reason: string }> = {
  'goto/api-evangelist-goto-webinar/oauth-authorization-server.rfc8414.json': {
    code: 'FORMAT_UNKNOWN',
    reason: 'RFC 8414 OAuth server metadata',
  },
  'newman/examples/reports/sample-collection-report.json': {
    code: 'FORMAT_UNKNOWN',
    reason: 'Newman JSON-reporter output',
  },
  'newman/fixtures/files/outside.json': { code: 'FORMAT_UNKNOWN', reason: 'arbitrary JSON fixture' },
  'newman/fixtures/files/work-dir/test.json': { code: 'FORMAT_UNKNOWN', reason: 'arbitrary JSON fixture' },
  'newman/fixtures/files/ssl-client-cert-config.json': {
    code: 'FORMAT_UNKNOWN',
    reason: 'Newman --ssl-client-cert-list config',
  },
  'newman/fixtures/run/spaces/data.json': { code: 'FORMAT_UNKNOWN', reason: 'iteration data file' },
  'newman/fixtures/run/test-data.postman_data.json': {
    code: 'FORMAT_UNKNOWN',
    reason: 'iteration data file',
  },
  'newman/fixtures/run/spaces/simple-cookie-jar.json': { code: 'FORMAT_UNKNOWN', reason: 'tough-cookie jar' },
  'newman/integration/data-file-var-replacement/data-file-var-replacement.postman_data.json': {
    code: 'FORMAT_UNKNOWN',
    reason: 'iteration data file',
  },
  'newman/integration/globals-env-data-files/globals-env-data-files.postman_data.json': {
    code: 'FORMAT_UNKNOWN',
    reason: 'iteration data file',
  },
  'newman/integration/steph/steph.postman_data.json': {
    code: 'FORMAT_UNKNOWN',
    reason: 'iteration data file',
  },
  'newman/integration/redirect-test/redirect-test.postman_config.json': {
    code: 'FORMAT_UNKNOWN',
    reason: 'Newman test-harness run options',
  },
  'newman/integration/timeout/timeout.postman_config.json': {
    code: 'FORMAT_UNKNOWN',
    reason: 'Newman test-harness run options',
  },
  'newman/integration/v2-regression-tests/v2-regression-tests.postman_config.json': {
    code: 'FORMAT_UNKNOWN',
    reason: 'Newman test-harness run options',
  },
  'newman/integration/tc4/upload-file.json': {
    code: 'FORMAT_UNKNOWN',
    reason: 'a file uploaded by a request',
  },
  'newman/postman-runtime/fixtures/upload-file.json': {
    code: 'FORMAT_UNKNOWN',
    reason: 'a file uploaded by a request',
  },
  'newman/postman-runtime/fixtures/auth-requests.json': {
    code: 'FORMAT_UNKNOWN',
    reason: 'a map of single v1 requests per auth type, not a collection',
  },
  'newman/postman-runtime/fixtures/upload-csv.json': {
    code: 'JSON_INVALID',
    reason: 'CSV content named .json',
  },
  'public/importer-fixtures/bruno/import/postman-invalid-schema.json': {
    code: 'SCHEMA_UNSUPPORTED',
    reason: 'deliberately invalid: v999 schema URL',
  },
  'public/importer-fixtures/bruno/import/postman-malformed.json': {
    code: 'COLLECTION_INVALID',
    reason: 'deliberately malformed: item is a string',
  },
  'public/sabre/Deep Dive NDC.postman_test_run.json': {
    code: 'FORMAT_UNKNOWN',
    reason: 'a Postman test-run export',
  },
  ...Object.fromEntries(
    ['draft-04', 'draft-07'].flatMap((draft) =>
      ['v1.0.0', 'v2.0.0', 'v2.1.0'].map((version) => [
        `schemas/compiled/${draft}/${version}/collection.json`,
        { code: 'FORMAT_UNKNOWN' as const, reason: 'compiled JSON schema definition, not a collection' },
      ]),
    ),
  ),
}

/** Files imported on purpose in a normalised shape: what their export must equal instead of the source. */
const NORMALISED: Record<string, { reason: string; expected: (source: unknown) => unknown }> = {
  'public/importer-fixtures/bruno/import/postman-v21-wrapped.json': {
    reason: '{ collection: {…} } API export: exported without the wrapper',
    expected: (source) => (source as { collection: unknown }).collection,
  },
  'newman/integration/globals-env-data-files/globals-env-data-files.postman_globals.json': {
    reason: 'bare array of variables (Newman accepts it): exported as { values: [...] }',
    expected: (source) => ({ values: source }),
  },
}

const files = readdirSync(corpus, { recursive: true, encoding: 'utf8' })
  .map((file) => file.split(path.sep).join('/'))
  .filter((file) => file.endsWith('.json') && !file.startsWith(SKIPPED_PREFIX))
  .sort()

/** Decodes a corpus file independently of the code under test (UTF-8 ± BOM, UTF-16LE with BOM). */
function sourceJson(bytes: Uint8Array): unknown {
  const text =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? new TextDecoder('utf-16le').decode(bytes.subarray(2))
      : new TextDecoder().decode(bytes).replace(/^\uFEFF/, '')
  return JSON.parse(text)
}

/** Asserts `actual` equals `expected` including key order (toStrictEqual ignores order). */
function expectSameJson(actual: unknown, expected: unknown): void {
  expect(actual).toStrictEqual(expected)
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected))
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Test-side check of the v2.0 → v2.1 rules, written as the inverse: walks the upgraded output beside the v2.0
 * source, verifies each difference is one the rules allow, and undoes it. The result must equal the source.
 */
function undoUpgrade(upgraded: unknown, source: unknown, at: string[]): unknown {
  const key = at.at(-1)
  if (key === 'schema' && at.at(-2) === 'info' && typeof source === 'string') {
    expect(upgraded).toMatch(/v2\.1\.0/)
    return source
  }
  if (Array.isArray(source) && Array.isArray(upgraded)) {
    expect(upgraded).toHaveLength(source.length)
    const isUrlVariables = key === 'variable' && at.at(-2) === 'url'
    return source.map((inner, index) => {
      const out = upgraded[index] as unknown
      if (isUrlVariables && isObject(inner) && isObject(out) && 'id' in inner && !('id' in out)) {
        expect(out['key']).toBe('key' in inner ? inner['key'] : inner['id'])
        // `id` renamed to `key` in place; when both existed, `id` was dropped and comes back in source order.
        const undone: Record<string, unknown> = Object.fromEntries(
          Object.entries(out).map(([name, value]) => [
            name === 'key' && !('key' in inner) ? 'id' : name,
            value,
          ]),
        )
        if (!('key' in inner)) return undone
        undone['id'] = inner['id']
        return Object.fromEntries(Object.keys(inner).map((name) => [name, undone[name]]))
      }
      return undoUpgrade(out, inner, [...at, String(index)])
    })
  }
  if (isObject(source) && Array.isArray(upgraded) && at.at(-2) === 'auth') {
    // v2.0 params object → v2.1 [{ key, value, type }] with the type Postman writes.
    const entries = Object.entries(source)
    expect(upgraded).toHaveLength(entries.length)
    entries.forEach(([name, value], index) => {
      const kind = value === null || typeof value === 'object' ? 'any' : typeof value
      expect(upgraded[index]).toStrictEqual({ key: name, value, type: kind })
    })
    return source
  }
  if (isObject(source) && isObject(upgraded)) {
    expect(Object.keys(upgraded)).toStrictEqual(Object.keys(source))
    return Object.fromEntries(
      Object.entries(source).map(([name, inner]) => [
        name,
        undoUpgrade(upgraded[name], inner, [...at, name]),
      ]),
    )
  }
  return upgraded
}

describe('corpus round trip', () => {
  it('finds the corpus beside the clone', () => {
    expect(files.length).toBeGreaterThan(300)
    for (const file of [...Object.keys(EXPECTED_ERRORS), ...Object.keys(NORMALISED)])
      expect(files).toContain(file)
  })

  it.each(files)('%s', (file) => {
    const bytes = readFileSync(path.join(corpus, file))
    const expectedError = EXPECTED_ERRORS[file]
    if (expectedError !== undefined) {
      let thrown: unknown
      try {
        parseDocument(bytes, { source: file })
      } catch (error) {
        thrown = error
      }
      expect(isAppError(thrown), expectedError.reason).toBe(true)
      expect(isAppError(thrown) && thrown.code).toBe(expectedError.code)
      return
    }

    const document = parseDocument(bytes, { source: file })
    const source = sourceJson(bytes)
    const normalised = NORMALISED[file]
    const exported =
      document.type === 'collection'
        ? exportCollection(document.collection)
        : exportEnvironment(document.type === 'environment' ? document.environment : document.globals)
    const result = JSON.parse(exported) as unknown

    if (normalised !== undefined) expectSameJson(result, normalised.expected(source))
    else if (document.type !== 'collection' || document.format === 'v2.1.0') expectSameJson(result, source)
    else if (document.format === 'v2.0.0') expectSameJson(undoUpgrade(result, source, []), source)

    // Whatever the source format, the export is v2.1 that re-imports unchanged.
    const again = parseDocument(exported, { source: file })
    if (normalised === undefined) expect(again.type).toBe(document.type)
    if (again.type === 'collection') {
      expect(again.format).toBe('v2.1.0')
      expectSameJson(JSON.parse(exportCollection(again.collection)), result)
    }
  })
})

describe('v2.0 → v2.1 golden pairs (schemas/examples/draft-07)', () => {
  const pairs = [
    'bearerAuthTest',
    'box',
    'collection',
    'github',
    'hackernews',
    'httpbin',
    'jsonblob',
    'request',
  ]
  it.each(pairs)('%s.json upgrades to its v2.1.0 twin', (name) => {
    const read = (version: string): Buffer =>
      readFileSync(path.join(corpus, `schemas/examples/draft-07/${version}/${name}.json`))
    const document = parseDocument(read('v2.0.0'), { source: `${name}.json` })
    expect(document.type === 'collection' && document.format).toBe('v2.0.0')
    if (document.type !== 'collection') return
    expectSameJson(JSON.parse(exportCollection(document.collection)), sourceJson(read('v2.1.0')))
  })
})
