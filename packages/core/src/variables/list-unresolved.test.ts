import { describe, expect, it } from 'vitest'
import { listUnresolved } from './list-unresolved.js'

describe('listUnresolved', () => {
  it('names the variables left unresolved, once each, in order', () => {
    const scopes = { environment: [{ key: 'host', value: 'a' }] }
    expect(listUnresolved('{{path}}/{{host}}/{{id}}/{{path}}', scopes)).toEqual(['path', 'id'])
  })

  it('names unknown variables met inside values, unknown $ names and unresolved nested names', () => {
    const scopes = {
      environment: [
        { key: 'base', value: 'https://{{missing}}' },
        { key: 'i', value: 3 },
      ],
    }
    expect(listUnresolved('{{base}}/{{$foo}}/{{user{{i}}}}/{{$guid}}', scopes)).toEqual([
      'missing',
      '$foo',
      'user3',
    ])
  })

  it('returns an empty list when everything resolves', () => {
    expect(listUnresolved('plain {{a}}', { local: [{ key: 'a', value: 1 }] })).toEqual([])
  })
})
