import { describe, expect, it } from 'vitest'
import { upgradeV20ToV21 } from './upgrade-v20.js'

describe('upgradeV20ToV21', () => {
  it('turns auth params objects into typed arrays at every level, keeping noauth objects', () => {
    const upgraded = upgradeV20ToV21({
      info: { name: 'n', schema: 'https://schema.getpostman.com/json/collection/v2.0.0/collection.json' },
      auth: {
        type: 'oauth2',
        oauth2: { accessToken: 't', addTokenTo: 'header', flag: true, n: 1, list: [] },
      },
      item: [
        {
          name: 'f',
          auth: { type: 'noauth', noauth: {} },
          item: [{ name: 'r', request: { url: 'x', auth: { type: 'basic', basic: { username: 'u' } } } }],
        },
      ],
    })
    expect(upgraded).toStrictEqual({
      info: { name: 'n', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      auth: {
        type: 'oauth2',
        oauth2: [
          { key: 'accessToken', value: 't', type: 'string' },
          { key: 'addTokenTo', value: 'header', type: 'string' },
          { key: 'flag', value: true, type: 'boolean' },
          { key: 'n', value: 1, type: 'number' },
          { key: 'list', value: [], type: 'any' },
        ],
      },
      item: [
        {
          name: 'f',
          auth: { type: 'noauth', noauth: {} },
          item: [
            {
              name: 'r',
              request: {
                url: 'x',
                auth: { type: 'basic', basic: [{ key: 'username', value: 'u', type: 'string' }] },
              },
            },
          ],
        },
      ],
    })
  })

  it('renames url.variable id to key in place, in requests and saved examples', () => {
    const request = { url: { raw: ':a', variable: [{ id: 'a', value: '1', type: 'string' }] } }
    const upgraded = upgradeV20ToV21({ item: [{ request, response: [{ originalRequest: request }] }] })
    const expected = { url: { raw: ':a', variable: [{ key: 'a', value: '1', type: 'string' }] } }
    expect(JSON.stringify(upgraded)).toBe(
      JSON.stringify({ item: [{ request: expected, response: [{ originalRequest: expected }] }] }),
    )
  })

  it('writes the canonical v2.1 URL for a non-canonical schema and leaves the input unchanged', () => {
    const input = { info: { schema: 'http://schema.getpostman.com/collection/v2/collection.json' }, item: [] }
    expect(upgradeV20ToV21(input)).toStrictEqual({
      info: { schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      item: [],
    })
    expect(input.info.schema).toBe('http://schema.getpostman.com/collection/v2/collection.json')
  })
})
