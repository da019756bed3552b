import { describe, expect, it } from 'vitest'
import { AppError, isAppError } from './app-error.js'
import { hintFor, messages } from './messages.js'

describe('AppError', () => {
  it('carries its code and typed details and serialises them', () => {
    const error = new AppError('VARIABLE_CYCLE', 'a → b → a', { name: 'a', chain: ['a', 'b', 'a'] })
    expect(error.details.chain).toEqual(['a', 'b', 'a'])
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      code: 'VARIABLE_CYCLE',
      message: 'a → b → a',
      details: { name: 'a', chain: ['a', 'b', 'a'] },
    })
  })

  it('is recognised by code without instanceof, and rejects other errors', () => {
    const error: unknown = new AppError('FILE_EMPTY', 'x: empty', { source: 'x' })
    expect(isAppError(error)).toBe(true)
    expect(isAppError(error, 'FILE_EMPTY')).toBe(true)
    expect(isAppError(error, 'JSON_INVALID')).toBe(false)
    expect(isAppError(new TypeError('bug'))).toBe(false)
    expect(isAppError({ name: 'AppError', code: 'FILE_EMPTY', details: {} })).toBe(true)
  })

  it('has a message for every code that renders from its details', () => {
    expect(
      hintFor('SCHEMA_UNSUPPORTED', { source: 's', schema: 'v9', supported: ['v2.0.0', 'v2.1.0'] }),
    ).toBe('Supported versions: v2.0.0, v2.1.0.')
    for (const entry of Object.values(messages)) expect(entry.title.length).toBeGreaterThan(0)
  })
})
