import { describe, expect, it } from 'vitest'
import { authParams, authType } from './auth-params.js'
import {
  descriptionText,
  eventList,
  isFolder,
  requestMethod,
  requestUrlText,
  scriptLines,
} from './item-accessors.js'

describe('item accessors', () => {
  it('tells folders from requests', () => {
    expect(isFolder({ item: [] })).toBe(true)
    expect(isFolder({ request: 'x' })).toBe(false)
  })

  it('reads URLs from strings, raw and parts', () => {
    expect(requestUrlText('https://a/b')).toBe('https://a/b')
    expect(requestUrlText({ url: 'https://a' })).toBe('https://a')
    expect(requestUrlText({ url: { raw: '{{u}}/x' } })).toBe('{{u}}/x')
    expect(
      requestUrlText({
        url: {
          protocol: 'https',
          host: ['api', 'x', 'com'],
          path: ['v1', ':id'],
          query: [
            { key: 'a', value: '1' },
            { key: 'b', value: '2', disabled: true },
          ],
        },
      }),
    ).toBe('https://api.x.com/v1/:id?a=1')
    expect(requestUrlText(undefined)).toBe('')
  })

  it('keeps custom methods and falls back to GET', () => {
    expect(requestMethod({ method: 'COPY' })).toBe('COPY')
    expect(requestMethod({ method: '' })).toBe('GET')
    expect(requestMethod({ method: null })).toBe('GET')
    expect(requestMethod('https://x')).toBe('GET')
  })

  it('reads script lines from a string or an array', () => {
    expect(scriptLines({ listen: 'test', script: { exec: 'a\r\nb' } })).toStrictEqual(['a', 'b'])
    expect(scriptLines({ listen: 'test', script: { exec: ['a'] } })).toStrictEqual(['a'])
    expect(scriptLines({ listen: 'test' })).toStrictEqual([])
    expect(eventList({ listen: 'test' })).toHaveLength(1)
    expect(eventList(null)).toStrictEqual([])
  })

  it('reads descriptions as text', () => {
    expect(descriptionText('d')).toBe('d')
    expect(descriptionText({ content: 'c', type: 'text/plain' })).toBe('c')
    expect(descriptionText(null)).toBeUndefined()
  })

  it('maps auth: null to inherit and reads params from v2.1 arrays and v2.0 objects', () => {
    expect(authType(null)).toBe('inherit')
    expect(authType(undefined)).toBe('inherit')
    expect(authType({ type: 'noauth' })).toBe('noauth')
    expect(
      authParams({
        type: 'basic',
        basic: [
          { key: 'username', value: 'u', type: 'string' },
          { key: 'password', value: 'p' },
        ],
      }),
    ).toStrictEqual({
      username: 'u',
      password: 'p',
    })
    expect(authParams({ type: 'bearer', bearer: { token: 't' } })).toStrictEqual({ token: 't' })
    expect(authParams(null)).toStrictEqual({})
  })
})
