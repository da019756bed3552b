import type { HttpHeader, PreparedBody, PreparedRequest } from '../../http/types.js'

/** The first value of a header, by case-insensitive name. */
export function getHeader(request: Pick<PreparedRequest, 'headers'>, name: string): string | undefined {
  const lower = name.toLowerCase()
  return request.headers.find((header) => header.key.toLowerCase() === lower)?.value
}

/** Every value of a header in a list, by case-insensitive name. */
export function headerValues(headers: readonly HttpHeader[], name: string): string[] {
  const lower = name.toLowerCase()
  return headers.filter((header) => header.key.toLowerCase() === lower).map((header) => header.value)
}

/** A copy of the request with every header of that name (any case) replaced by one, where the first one was. */
export function setHeader(request: PreparedRequest, key: string, value: string): PreparedRequest {
  const lower = key.toLowerCase()
  const index = request.headers.findIndex((header) => header.key.toLowerCase() === lower)
  const headers = request.headers.filter((header) => header.key.toLowerCase() !== lower)
  headers.splice(index === -1 ? headers.length : index, 0, { key, value })
  return { ...request, headers }
}

/** A copy of the request without the named headers (case-insensitive). */
export function removeHeaders(request: PreparedRequest, names: readonly string[]): PreparedRequest {
  const lower = new Set(names.map((name) => name.toLowerCase()))
  return { ...request, headers: request.headers.filter((header) => !lower.has(header.key.toLowerCase())) }
}

/** RFC 3986 percent-encoding: everything but unreserved characters (as OAuth 1 §3.6 and Postman's encoder). */
export function percentEncode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  )
}

/** Splits a URL into the part before the query, the raw query (without `?`) and the fragment (with `#`). */
export function splitUrl(url: string): { base: string; query: string | undefined; fragment: string } {
  const hashAt = url.indexOf('#')
  const fragment = hashAt === -1 ? '' : url.slice(hashAt)
  const rest = hashAt === -1 ? url : url.slice(0, hashAt)
  const queryAt = rest.indexOf('?')
  if (queryAt === -1) return { base: rest, query: undefined, fragment }
  return { base: rest.slice(0, queryAt), query: rest.slice(queryAt + 1), fragment }
}

/** Decodes a `application/x-www-form-urlencoded` component: `+` is a space, bad escapes stay as they are. */
export function formDecode(text: string): string {
  const spaced = text.replace(/\+/g, ' ')
  try {
    return decodeURIComponent(spaced)
  } catch {
    return spaced.replace(/(%[0-9a-f]{2})+/gi, (run) => {
      try {
        return decodeURIComponent(run)
      } catch {
        return run
      }
    })
  }
}

/** Parses a raw query or form body into decoded name/value pairs, keeping order and duplicates. */
export function parsePairs(raw: string | undefined): [string, string][] {
  if (raw === undefined || raw === '') return []
  return raw
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=')
      return eq === -1
        ? [formDecode(part), '']
        : [formDecode(part.slice(0, eq)), formDecode(part.slice(eq + 1))]
    })
}

/** A copy of the request without the query params of these (decoded) names; the rest of the URL kept as it is. */
export function removeQueryParams(request: PreparedRequest, names: Iterable<string>): PreparedRequest {
  const drop = new Set(names)
  const { base, query, fragment } = splitUrl(request.url)
  if (query === undefined) return request
  const parts = query.split('&')
  const kept = parts.filter((part) => part !== '' && !drop.has(formDecode(part.split('=', 1)[0] ?? '')))
  if (kept.length === parts.length) return request
  return { ...request, url: `${base}${kept.length > 0 ? `?${kept.join('&')}` : ''}${fragment}` }
}

/**
 * A copy of the request with query params set: existing params of the same (decoded) names are removed, the new
 * ones appended RFC 3986-encoded; the rest of the URL is kept byte for byte.
 */
export function setQueryParams(
  request: PreparedRequest,
  params: readonly (readonly [string, string])[],
): PreparedRequest {
  const { base, query, fragment } = splitUrl(
    removeQueryParams(
      request,
      params.map(([name]) => name),
    ).url,
  )
  const added = params.map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`)
  const all = [...(query === undefined || query === '' ? [] : [query]), ...added]
  return { ...request, url: `${base}${all.length > 0 ? `?${all.join('&')}` : ''}${fragment}` }
}

/** The request target as sent on the request line: raw path and query, no fragment (`/` when empty). */
export function requestTarget(url: string): string {
  const { base, query } = splitUrl(url)
  const schemeEnd = base.indexOf('://')
  const afterAuthority = schemeEnd === -1 ? base : base.slice(schemeEnd + 3)
  const slash = afterAuthority.indexOf('/')
  const path = slash === -1 ? '/' : afterAuthority.slice(slash)
  return query === undefined ? path : `${path}?${query}`
}

/** The body's bytes, or undefined for multipart (its boundary is chosen by the transport). */
export function bodyBytes(body: PreparedBody): Uint8Array | undefined {
  switch (body.type) {
    case 'none':
      return new Uint8Array(0)
    case 'text':
      return new TextEncoder().encode(body.text)
    case 'bytes':
      return body.bytes
    case 'multipart':
      return undefined
  }
}

/** The media type of the Content-Type header, lower-case and without parameters ('' when absent). */
export function mediaType(request: Pick<PreparedRequest, 'headers'>): string {
  return (getHeader(request, 'content-type') ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? ''
}
