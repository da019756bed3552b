import { describe, expect, it } from 'vitest'
import { collectionVariables, environmentVariables } from './scope-variables.js'

describe('scope variables', () => {
  it('takes collection variables by key, or by the v2.0 id, keeping type and disabled', () => {
    const list = collectionVariables({
      item: [],
      variable: [
        { key: 'host', value: 'example.com', type: 'string' },
        { id: 'legacy', value: 1 },
        { key: 'off', value: 'x', disabled: true },
        { value: 'no name' },
      ],
    })
    expect(list).toEqual([
      { key: 'host', value: 'example.com', type: 'string' },
      { key: 'legacy', value: 1 },
      { key: 'off', value: 'x', disabled: true },
    ])
  })

  it('takes environment values by key or by the older name, keeping enabled and secret type', () => {
    const list = environmentVariables({
      values: [
        { key: 'token', value: 's3cret', type: 'secret', enabled: true },
        { name: 'old', value: 'v', enabled: false },
      ],
    })
    expect(list).toEqual([
      { key: 'token', value: 's3cret', type: 'secret', enabled: true },
      { key: 'old', value: 'v', enabled: false },
    ])
  })
})
