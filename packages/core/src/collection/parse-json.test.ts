import { describe, expect, it } from 'vitest'
import type { AppError } from '../errors/index.js'
import { parseJson } from './parse-json.js'

function failure(text: string): AppError<'JSON_INVALID'> {
  try {
    parseJson(text, { source: 'c.json' })
  } catch (error) {
    return error as AppError<'JSON_INVALID'>
  }
  throw new Error('expected JSON_INVALID')
}

describe('parseJson', () => {
  it('parses valid JSON', () => {
    expect(parseJson('{"a":[1,true,null]}', { source: 'c.json' })).toStrictEqual({ a: [1, true, null] })
  })

  it('reports a trailing comma at its 1-based line and column', () => {
    const error = failure('{\n  "a": 1,\n}')
    expect(error.code).toBe('JSON_INVALID')
    expect(error.details).toMatchObject({ source: 'c.json', line: 3, column: 1 })
    expect(error.message).toBe('c.json:3:1: expected a double-quoted property name')
  })

  it('reports a missing comma between properties', () => {
    expect(failure('{"a": 1\n "b": 2}').message).toBe(
      "c.json:2:2: expected ',' or '}' after a property value",
    )
  })

  it('reports truncated input at its end', () => {
    expect(failure('[1, 2').message).toBe(
      "c.json:1:6: unexpected end of input, expected ',' or ']' after an array element",
    )
  })

  it('locates errors V8 reports without a position (a CSV named .json)', () => {
    expect(failure('key, value\na, b').details).toMatchObject({
      line: 1,
      column: 1,
      expected: 'expected a JSON value',
    })
  })

  it('reports text after the value and control characters in strings', () => {
    expect(failure('{} x').details).toMatchObject({ line: 1, column: 4 })
    expect(failure('{"a": "x\ny"}').details).toMatchObject({ line: 1, column: 9 })
  })
})
