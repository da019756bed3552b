import { describe, expect, it } from 'vitest'
import { findVariable, resolveValue } from './find-variable.js'
import type { Variable } from './variable.js'

const v = (key: string, value: unknown, extra: Partial<Variable> = {}): Variable => ({ key, value, ...extra })

describe('resolveValue precedence', () => {
  it('prefers a collection variable over a global', () => {
    expect(resolveValue('x', { globals: [v('x', 'g')], collection: [v('x', 'c')] })).toBe('c')
  })

  it('prefers an environment variable over a collection variable', () => {
    expect(resolveValue('x', { collection: [v('x', 'c')], environment: [v('x', 'e')] })).toBe('e')
  })

  it('prefers iteration data over environment', () => {
    expect(resolveValue('x', { environment: [v('x', 'e')], iterationData: [v('x', 'd')] })).toBe('d')
  })

  it('prefers local over iteration data', () => {
    expect(resolveValue('x', { iterationData: [v('x', 'd')], local: [v('x', 'l')] })).toBe('l')
  })

  it('uses globals, the lowest scope, when no other scope defines the name', () => {
    const scopes = {
      globals: [v('x', 'g')],
      collection: [v('y', 'c')],
      environment: [v('y', 'e')],
      iterationData: [v('y', 'd')],
      local: [v('y', 'l')],
    }
    expect(resolveValue('x', scopes)).toBe('g')
    expect(resolveValue('y', scopes)).toBe('l')
  })

  it('returns undefined when no scope defines the name', () => {
    expect(resolveValue('missing', { globals: [v('x', 1)] })).toBeUndefined()
    expect(resolveValue('x', {})).toBeUndefined()
  })

  it('matches names case-sensitively', () => {
    expect(resolveValue('Host', { environment: [v('host', 'a')] })).toBeUndefined()
  })

  it('returns the raw value without expanding references in it', () => {
    expect(resolveValue('url', { environment: [v('url', '{{host}}/a'), v('host', 'h')] })).toBe('{{host}}/a')
    expect(resolveValue('n', { environment: [v('n', 3, { type: 'number' })] })).toBe(3)
  })
})

describe('disabled variables', () => {
  it('skips an environment value with enabled: false and falls through to the lower scope', () => {
    const scopes = { globals: [v('x', 'g')], environment: [v('x', 'e', { enabled: false })] }
    expect(resolveValue('x', scopes)).toBe('g')
  })

  it('skips a collection variable with disabled: true and falls through to the lower scope', () => {
    const scopes = { globals: [v('x', 'g')], collection: [v('x', 'c', { disabled: true })] }
    expect(resolveValue('x', scopes)).toBe('g')
  })

  it('treats a variable that is only disabled as undefined', () => {
    // Newman's disabled-and-duplicate-variables suite: `justDisabled`.
    expect(findVariable('justDisabled', { environment: [v('justDisabled', '1', { disabled: true })] })).toBe(
      undefined,
    )
  })

  it('keeps variables with enabled: true or disabled: false', () => {
    expect(resolveValue('x', { environment: [v('x', 'e', { enabled: true, disabled: false })] })).toBe('e')
  })
})

describe('duplicate keys within one scope', () => {
  it('lets the last enabled duplicate win', () => {
    // Newman's disabled-and-duplicate-variables suite: `duplicate` is '1' then '2', and reads '2'.
    expect(resolveValue('duplicate', { environment: [v('duplicate', '1'), v('duplicate', '2')] })).toBe('2')
  })

  it('ignores a later disabled duplicate', () => {
    // Same suite: `oneDisabled` is '1', then '2' disabled, and reads '1'.
    const environment = [v('oneDisabled', '1'), v('oneDisabled', '2', { disabled: true })]
    expect(resolveValue('oneDisabled', { environment })).toBe('1')
  })

  it('returns the winning variable itself', () => {
    const winner = v('token', 't2', { type: 'secret' })
    expect(findVariable('token', { environment: [v('token', 't1'), winner] })).toBe(winner)
  })
})
