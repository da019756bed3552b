import { describe, expect, expectTypeOf, it } from 'vitest'
import { isAppError } from '../errors/index.js'
import type { AppError, ErrorCode } from '../errors/index.js'
import { exportCollection } from './export-collection.js'
import type { ParsedDocument, PostmanFormat, Warning } from './index.js'
import { parseCollection, parseDocument } from './parse-document.js'

const options = { source: 'c.json' }
const V21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json'

function failure(input: unknown): AppError {
  try {
    parseDocument(typeof input === 'string' ? input : JSON.stringify(input), options)
  } catch (error) {
    if (isAppError(error)) return error
    throw error
  }
  throw new Error('expected an AppError')
}
const codeOf = (input: unknown): ErrorCode => failure(input).code

/** A collection with `depth` nested folders, built as text (JSON.stringify itself overflows on 5000 levels). */
function nested(depth: number): string {
  const open = '{"name":"f","item":['.repeat(depth)
  const close = ']}'.repeat(depth)
  return `{"info":{"name":"deep","schema":"${V21}"},"item":[${open}{"name":"leaf","request":"https://x"}${close}]}`
}

describe('parseDocument', () => {
  it('keeps a v2.1 collection as parsed: key order, string exec, null auth, custom methods', () => {
    const text = JSON.stringify({
      item: [{ request: { method: 'POSTMAN', url: 'x', auth: null }, name: 'a', zz: 1 }],
      info: { version: {}, schema: V21, name: 'n' },
      event: [{ listen: 'test', script: { exec: 'pm.test()' } }],
    })
    const document = parseDocument(text, options)
    expect(document.type === 'collection' && document.format).toBe('v2.1.0')
    if (document.type !== 'collection') return
    expect(JSON.stringify(JSON.parse(exportCollection(document.collection)))).toBe(text)
    expect(exportCollection(document.collection)).toContain('\n\t"item"')
  })

  it('names the first offending JSON path of a wrong shape', () => {
    const item = (url: unknown): unknown => ({ name: 'r', request: { url } })
    const error = failure({ info: { name: 'n' }, item: [item('a'), item('b'), item('c'), item(42)] })
    expect(error.code).toBe('COLLECTION_INVALID')
    const details = error.details as { issues: { path: string; message: string }[] }
    expect(details.issues[0]).toStrictEqual({
      path: '$.item[3].request.url',
      message: 'expected a string or an object, got number',
    })
    expect(error.message).toBe(
      'c.json: invalid collection: $.item[3].request.url: expected a string or an object, got number',
    )
  })

  it('rejects an unknown schema version with SCHEMA_UNSUPPORTED listing the supported ones', () => {
    const error = failure({
      info: { schema: 'https://schema.getpostman.com/json/collection/v999.0.0/collection.json' },
      item: [],
    })
    expect(error.code).toBe('SCHEMA_UNSUPPORTED')
    expect(error.details).toMatchObject({ supported: ['v1.0.0', 'v2.0.0', 'v2.1.0'] })
    expect(
      codeOf({
        info: { schema: 'https://schema.postman.com/collection/json/v3.0.0/collection.json' },
        item: [],
      }),
    ).toBe('SCHEMA_UNSUPPORTED')
  })

  it('rejects JSON that is no Postman document with FORMAT_UNKNOWN', () => {
    expect(codeOf({ run: {} })).toBe('FORMAT_UNKNOWN')
    expect(codeOf([{ a: 1 }])).toBe('FORMAT_UNKNOWN')
    expect(codeOf('"text"')).toBe('FORMAT_UNKNOWN')
    expect(codeOf('null')).toBe('FORMAT_UNKNOWN')
  })

  it('accepts 200 nested folders and rejects 5000 with COLLECTION_TOO_DEEP', () => {
    const ok = parseDocument(nested(200), options)
    expect(ok.type).toBe('collection')
    const error = failure(nested(5000))
    expect(error.code).toBe('COLLECTION_TOO_DEEP')
    expect(error.details).toMatchObject({ maxDepth: 256 })
  })

  it('reads the version from non-canonical schema URLs and by content when absent', () => {
    const v20auth = { type: 'bearer', bearer: { token: 't' } }
    const format = (input: unknown): PostmanFormat | undefined => {
      const document = parseDocument(JSON.stringify(input), options)
      return document.type === 'collection' ? document.format : undefined
    }
    expect(
      format({
        info: { schema: 'http://schema.getpostman.com/json/collection/v2.0.0/collection.json' },
        item: [],
      }),
    ).toBe('v2.0.0')
    expect(
      format({
        info: { schema: 'http://schema.getpostman.com/collection/v2/collection.json' },
        item: [],
        auth: v20auth,
      }),
    ).toBe('v2.0.0')
    expect(format({ item: [{ request: { url: 'x', auth: v20auth } }] })).toBe('v2.0.0')
    expect(format({ item: [{ request: { url: 'x', auth: { type: 'bearer', bearer: [] } } }] })).toBe('v2.1.0')
    expect(format({ item: [] })).toBe('v2.1.0')
  })

  it('unwraps a { collection } API export with a warning', () => {
    const document = parseDocument(
      JSON.stringify({ collection: { info: { name: 'w', schema: V21 }, item: [] } }),
      options,
    )
    expect(document.type).toBe('collection')
    expect(document.warnings[0]?.message).toMatch(/wrapped/)
  })

  it('tells environments from globals', () => {
    const env = parseDocument(
      JSON.stringify({ name: 'e', values: [{ key: 'a', value: '1', enabled: true }] }),
      options,
    )
    expect(env.type).toBe('environment')
    const globals = parseDocument(JSON.stringify({ values: [], _postman_variable_scope: 'globals' }), options)
    expect(globals.type).toBe('globals')
    expect(codeOf({ values: [3] })).toBe('ENVIRONMENT_INVALID')
  })

  it('warns about a null method and an unknown body mode, and keeps them', () => {
    const document = parseDocument(
      JSON.stringify({ item: [{ name: 'r', request: { method: null, url: 'x', body: { mode: 'weird' } } }] }),
      options,
    )
    expect(document.warnings.map((warning) => warning.path)).toStrictEqual([
      '$',
      '$.item[0].request.method',
      '$.item[0].request.body.mode',
    ])
  })

  it('converts v1 collections through the v1 converter', () => {
    const v1 = {
      id: '1',
      name: 'v1',
      order: ['r'],
      folders: [],
      requests: [{ id: 'r', name: 'r', url: 'https://x', method: 'GET' }],
    }
    const document = parseDocument(JSON.stringify(v1), options)
    expect(document.type === 'collection' && document.format).toBe('v1.0.0')
  })

  it('has the public types the CLI codes against', () => {
    expectTypeOf(parseDocument).returns.toEqualTypeOf<ParsedDocument>()
    expectTypeOf<Warning>().toEqualTypeOf<{ path: string; message: string }>()
  })
})

describe('parseCollection', () => {
  it('throws FORMAT_UNKNOWN for an environment file', () => {
    expect(() => parseCollection(JSON.stringify({ values: [] }), options)).toThrow(
      /environment file, not a collection/,
    )
  })
})
