import { describe, expect, it } from 'vitest'
import { parseIterationData } from './parse-iteration-data.js'

describe('parseIterationData', () => {
  it('reads CSV with a header row, a BOM and quoted commas', () => {
    expect(parseIterationData('\uFEFFid,name\n1,"Doe, Jane"\n2,Bob\n', { source: 'data.csv' })).toEqual([
      { id: 1, name: 'Doe, Jane' },
      { id: 2, name: 'Bob' },
    ])
  })

  it('reads CSV as Newman does: trimmed, stray quotes kept, short rows, unquoted numbers as numbers', () => {
    const text = 'a , b,c,big\n"007", foo "bar" baz ,-12.5,12345678901234567890\n7,x\n'
    expect(parseIterationData(text, { source: 'data.csv' })).toEqual([
      { a: '007', b: 'foo "bar" baz', c: -12.5, big: '12345678901234567890' },
      { a: 7, b: 'x' },
    ])
  })

  it('names the line of malformed CSV', () => {
    expect(() => parseIterationData('a,b\n1,2\n3,"x\n', { source: 'data.csv' })).toThrow(
      expect.objectContaining({
        code: 'ITERATION_DATA_INVALID',
        details: expect.objectContaining({ line: 3 }),
      }),
    )
  })

  it('reads a JSON array of objects and rejects other JSON', () => {
    expect(parseIterationData('[{"a":1}]', { source: 'd.json' })).toEqual([{ a: 1 }])
    expect(() => parseIterationData('[1]', { source: 'd.json' })).toThrow(/row 1 is not an object/)
    expect(() => parseIterationData('[', { source: 'd.json' })).toThrow(/invalid JSON/)
  })
})
