import { describe, expect, it } from 'vitest'
import { encodeSets, percentEncode } from './percent-encode.js'

describe('percentEncode', () => {
  it('returns text with nothing to encode unchanged', () => {
    expect(percentEncode('/api/v1/users', encodeSets.path)).toBe('/api/v1/users')
  })

  it('encodes the characters of the set and every byte of non-ASCII characters, keeping %XX', () => {
    expect(percentEncode(' a"b%20c', encodeSets.path)).toBe('%20a%22b%20c')
    expect(percentEncode('é€😀', encodeSets.path)).toBe('%C3%A9%E2%82%AC%F0%9F%98%80')
    expect(percentEncode('a\u007fb', encodeSets.fragment)).toBe('a%7Fb')
  })

  it('encodes a lone surrogate as U+FFFD, as TextEncoder does', () => {
    expect(percentEncode('x\uD800y', encodeSets.path)).toBe('x%EF%BF%BDy')
  })

  it('encodes per part: = stays in a query value but not in a key', () => {
    expect(percentEncode('a=b&c', encodeSets.queryValue)).toBe('a=b%26c')
    expect(percentEncode('a=b&c', encodeSets.queryKey)).toBe('a%3Db%26c')
  })
})
