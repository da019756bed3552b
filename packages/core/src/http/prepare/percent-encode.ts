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

const hex = (byte: number): string => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`

/**
 * Percent-encodes the UTF-8 bytes of `text` that `inSet` selects, keeping sequences already encoded (`%` is in no
 * set). Text with nothing to encode is returned as it is, without copying: this runs for every URL part of every
 * request.
 * @example percentEncode('a b%20c', encodeSets.path) // 'a%20b%20c'
 */
export function percentEncode(text: string, inSet: (byte: number) => boolean): string {
  let out = ''
  let plainFrom = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code < 0x80) {
      if (!inSet(code)) continue
      out += `${text.slice(plainFrom, index)}${hex(code)}`
      plainFrom = index + 1
      continue
    }
    // Every byte of a non-ASCII character is in every set; a lone surrogate encodes as U+FFFD, as TextEncoder does.
    const width = (text.codePointAt(index) ?? 0) > 0xffff ? 2 : 1
    const bytes = new TextEncoder().encode(text.slice(index, index + width))
    out += text.slice(plainFrom, index)
    for (const byte of bytes) out += hex(byte)
    index += width - 1
    plainFrom = index + 1
  }
  return plainFrom === 0 ? text : out + text.slice(plainFrom)
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
