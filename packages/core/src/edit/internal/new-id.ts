import type { Random } from '../../ports/index.js'

/**
 * A version 4 UUID (RFC 9562 §5.4) from the Random port: the shape of the ids Postman gives items, examples and
 * scripts.
 */
export function newId(random: Random): string {
  const bytes = random.bytes(16)
  if (bytes.length !== 16) throw new TypeError(`Random.bytes(16) returned ${bytes.length} bytes`)
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
