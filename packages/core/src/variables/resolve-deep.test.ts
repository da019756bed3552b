import { describe, expect, it } from 'vitest'
import { createDynamicVariables } from './create-dynamic-variables.js'
import { SECRET_MASK } from './mask-variables.js'
import { resolveDeep } from './resolve-deep.js'
import type { VariableScopes } from './variable.js'

const scopes: VariableScopes = {
  environment: [
    { key: 'host', value: 'api.example.com' },
    { key: 'token', value: 's3cret', type: 'secret' },
  ],
}

describe('resolveDeep', () => {
  it('resolves every string at any depth and returns a new object', () => {
    const input = { url: 'https://{{host}}/a', header: [{ key: 'Authorization', value: 'Bearer {{token}}' }] }
    const output = resolveDeep(input, scopes)
    expect(output).toEqual({
      url: 'https://api.example.com/a',
      header: [{ key: 'Authorization', value: 'Bearer s3cret' }],
    })
    expect(output).not.toBe(input)
    expect(input.url).toBe('https://{{host}}/a')
  })

  it('leaves non-strings and property names alone', () => {
    const date = new Date(0)
    const input = { n: 1, b: true, z: null, d: date, list: [2, '{{host}}'], '{{host}}': 'x' }
    expect(resolveDeep(input, scopes)).toEqual({
      n: 1,
      b: true,
      z: null,
      d: date,
      list: [2, 'api.example.com'],
      '{{host}}': 'x',
    })
    expect(resolveDeep(42, scopes)).toBe(42)
  })

  it('passes options through: masks secrets and uses the dynamic provider', () => {
    const dynamic = createDynamicVariables({ seed: 1, now: () => new Date('2024-01-01T00:00:00Z') })
    expect(resolveDeep(['{{token}}', '{{$isoTimestamp}}'], scopes, { mask: 'secrets', dynamic })).toEqual([
      SECRET_MASK,
      '2024-01-01T00:00:00.000Z',
    ])
  })
})
