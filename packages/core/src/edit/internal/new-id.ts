import type { Random } from '../../ports/index.js'

/**
 * A version 4 UUID (RFC 9562 §5.4) from the Random port: the shape of the ids Postman gives items, examples and
 * scripts.
 */
export function newId(random: Random): string {
  return newIds(random, 1)[0] ?? ''
}

/**
 * `count` version 4 UUIDs from one draw of the Random port (a draw from the platform's generator costs far more
 * than formatting 16 bytes, and a duplicated folder needs hundreds).
 */
export function newIds(random: Random, count: number): string[] {
  if (count === 0) return []
  const bytes = random.bytes(16 * count)
  if (bytes.length !== 16 * count)
    throw new TypeError(`Random.bytes(${16 * count}) returned ${bytes.length} bytes`)
  const ids: string[] = []
  for (let start = 0; start < bytes.length; start += 16) {
    const hex = Array.from(bytes.subarray(start, start + 16), (byte, index) =>
      (index === 6 ? (byte & 0x0f) | 0x40 : index === 8 ? (byte & 0x3f) | 0x80 : byte)
        .toString(16)
        .padStart(2, '0'),
    ).join('')
    ids.push(
      `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`,
    )
  }
  return ids
}
