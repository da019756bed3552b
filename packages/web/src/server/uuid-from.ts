/**
 * A version 4 UUID from 16 random bytes (RFC 9562 §5.4): ids for new collections.
 * @example uuidFrom(random.bytes(16))
 */
export function uuidFrom(bytes: Uint8Array): string {
  const hex = Array.from(bytes.subarray(0, 16), (byte, index) =>
    (index === 6 ? (byte & 0x0f) | 0x40 : index === 8 ? (byte & 0x3f) | 0x80 : byte)
      .toString(16)
      .padStart(2, '0'),
  ).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
