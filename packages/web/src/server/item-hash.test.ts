import { describe, expect, it } from 'vitest'
import { itemHash } from './item-hash.js'

describe('itemHash', () => {
  it('is the same for the same content whatever the key order (an item read back from YAML)', () => {
    const a = { name: 'Get', request: { method: 'GET', url: 'http://x/' }, id: '1' }
    const b = { id: '1', request: { url: 'http://x/', method: 'GET' }, name: 'Get' }
    expect(itemHash(a)).toBe(itemHash(b))
  })

  it('changes with any field of the item, and ignores a folder’s children', () => {
    const folder = { name: 'F', item: [{ name: 'a' }] }
    expect(itemHash({ name: 'Get', request: 'http://x/' })).not.toBe(
      itemHash({ name: 'Get', request: 'http://y/' }),
    )
    expect(itemHash(folder)).toBe(itemHash({ ...folder, item: [{ name: 'b' }] }))
    expect(itemHash(folder)).not.toBe(itemHash({ ...folder, description: 'docs' }))
  })
})
