import { describe, expectTypeOf, it } from 'vitest'
import type { Collection, Environment, ParsedDocument, PostmanFormat, Warning } from './index.js'
import { exportCollection, parseCollection, parseDocument } from './index.js'

describe('collection public types', () => {
  it('parses to a union discriminated on type', () => {
    expectTypeOf(parseDocument).returns.toEqualTypeOf<ParsedDocument>()
    expectTypeOf<Extract<ParsedDocument, { type: 'collection' }>['collection']>().toEqualTypeOf<Collection>()
    expectTypeOf<
      Extract<ParsedDocument, { type: 'environment' }>['environment']
    >().toEqualTypeOf<Environment>()
    expectTypeOf<Extract<ParsedDocument, { type: 'globals' }>['globals']>().toEqualTypeOf<Environment>()
    expectTypeOf<ParsedDocument['warnings']>().toEqualTypeOf<Warning[]>()
  })

  it('names the source format and exports text', () => {
    expectTypeOf(parseCollection).returns.toHaveProperty('format').toEqualTypeOf<PostmanFormat>()
    expectTypeOf(exportCollection).parameter(0).toEqualTypeOf<Collection>()
    expectTypeOf(exportCollection).returns.toEqualTypeOf<string>()
  })
})
