import { describe, expect, it } from 'vitest'
import { bodyJson } from './exchange-json.js'

describe('bodyJson', () => {
  it('keeps UTF-8 as text and says so', () => {
    expect(bodyJson(new TextEncoder().encode('héllo ✓'))).toEqual({ body: 'héllo ✓', bodyEncoding: 'utf8' })
  })

  it('gives bytes that are not UTF-8 as base64, large ones whole', () => {
    expect(bodyJson(Uint8Array.of(0xff, 0x00, 0x80))).toEqual({ body: '/wCA', bodyEncoding: 'base64' })
    const large = new Uint8Array(100_000).map((_, i) => (i * 7) % 256)
    const { body, bodyEncoding } = bodyJson(large)
    expect(bodyEncoding).toBe('base64')
    expect(Buffer.from(body, 'base64').equals(Buffer.from(large))).toBe(true)
  })
})
