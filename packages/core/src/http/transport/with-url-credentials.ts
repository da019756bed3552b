import type { HttpHeader } from '../types.js'

/**
 * The headers with `Authorization: Basic …` made from the URL's userinfo (`https://user:pass@host/`) when they have
 * no Authorization header, as postman-request does: the user and password percent-decoded, the password empty when
 * absent. undici would send the userinfo nowhere.
 * @example withUrlCredentials('https://us%40r:pw@x.test/', [])
 * // [{ key: 'Authorization', value: 'Basic dXNAcjpwdw==' }]
 */
export function withUrlCredentials(url: string, headers: HttpHeader[]): HttpHeader[] {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return headers
  }
  if (parsed.username === '' && parsed.password === '') return headers
  if (headers.some((header) => header.key.toLowerCase() === 'authorization')) return headers
  const credentials = `${decode(parsed.username)}:${decode(parsed.password)}`
  return [...headers, { key: 'Authorization', value: `Basic ${Buffer.from(credentials).toString('base64')}` }]
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
