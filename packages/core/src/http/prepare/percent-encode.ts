// Postman's percent-encode sets (postman-url-encoder encoder/encode-set.js, after the WHATWG URL Standard): C0
// controls, DEL and every non-ASCII byte are always encoded; each URL part adds its own characters. `%` is never in a
// set, so an existing `%XX` is kept and a lone `%` passes through, as Postman sends it.

const C0_AND_NON_ASCII = (byte: number): boolean => byte < 0x20 || byte >= 0x7f

const withChars = (chars: string): ((byte: number) => boolean) => {
  const extra = new Set([...chars].map((char) => char.charCodeAt(0)))
  return (byte) => C0_AND_NON_ASCII(byte) || extra.has(byte)
}

/** The character sets each URL part percent-encodes. */
export const encodeSets = {
  fragment: withChars(' "<>`'),
  path: withChars(' "<>`#?{}'),
  userinfo: withChars(' "<>`#?{}/:;=@[\\]^|'),
  /** A query parameter's key: the query set (space " # ' < >) plus `&` and `=`. */
  queryKey: withChars(' "#\'<>&='),
  /** A query parameter's value: the query set plus `&`. */
  queryValue: withChars(' "#\'<>&'),
} as const

const isHex = (byte: number | undefined): boolean =>
  byte !== undefined &&
  ((byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66))

const hex = (byte: number): string => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`

/**
 * Percent-encodes the UTF-8 bytes of `text` that `inSet` selects, keeping sequences already encoded.
 * @example percentEncode('a b%20c', encodeSets.path) // 'a%20b%20c'
 */
export function percentEncode(text: string, inSet: (byte: number) => boolean): string {
  const bytes = new TextEncoder().encode(text)
  let out = ''
  let plain: number[] = []
  const flush = (): void => {
    if (plain.length > 0) out += new TextDecoder().decode(new Uint8Array(plain))
    plain = []
  }
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index] as number
    if (byte === 0x25 && isHex(bytes[index + 1]) && isHex(bytes[index + 2])) {
      plain.push(byte)
      continue
    }
    if (inSet(byte)) {
      flush()
      out += hex(byte)
    } else plain.push(byte)
  }
  flush()
  return out
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/**
 * Encodes `application/x-www-form-urlencoded` text as Newman sends it: Node's `querystring.escape` followed by
 * postman-request's RFC 3986 pass, so only `A-Z a-z 0-9 - . _ ~` stay as they are and a space becomes `%20`.
 * @example formEncode("it's 1+1") // 'it%27s%201%2B1'
 */
export function formEncode(text: string): string {
  return encodeURIComponent(text.replace(LONE_SURROGATE, '\uFFFD')).replace(/[!'()*]/g, (char) =>
    hex(char.charCodeAt(0)),
  )
}
