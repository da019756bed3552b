import type { HttpHeader } from '../types.js'

/** Header lines undici writes itself, in lower case, at fixed places: it takes these names out of the list given. */
const TRANSPORT_OWNED: Readonly<Record<string, string>> = {
  host: 'Host',
  connection: 'Connection',
  'content-length': 'Content-Length',
}

/** Methods for which Node's http client sends no `Content-Length: 0` on a request without a body. */
const NO_EMPTY_LENGTH = new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT'])

/** Headers Postman's request library adds after `Host` (Accept-Encoding for its `gzip` option, Connection). */
const AFTER_HOST = new Set(['accept-encoding', 'connection'])

/**
 * Rewrites the request head undici wrote (`host:` and `connection:` first, `content-length:` last, all in lower case)
 * into the head Newman sends for the same request: every header where the list puts it, with its case, `Host`,
 * `Connection` and `Content-Length` capitalised where the list has none (Host before the trailing Accept-Encoding /
 * Connection, as postman-request sets it; Connection and Content-Length last, as Node's http client does), and
 * `Content-Length: 0` on a bodiless request that lists one or whose method Node gives one (POST, PUT, custom
 * methods…). The values
 * undici chose (the Host, keep-alive or close, the body length) are kept. A head that is not this request's (a proxy's
 * CONNECT) is returned unchanged.
 * @example rewriteRequestHead('GET / HTTP/1.1\r\nhost: a\r\nconnection: keep-alive\r\n\r\n', [], 'GET')
 * // 'GET / HTTP/1.1\r\nHost: a\r\nConnection: keep-alive\r\n\r\n'
 */
export function rewriteRequestHead(head: string, headers: readonly HttpHeader[], method: string): string {
  if (!head.startsWith(`${method} `) || !head.endsWith('\r\n\r\n')) return head
  const [requestLine = '', ...lines] = head.slice(0, -4).split('\r\n')
  const owned = new Map<string, string>()
  const rest: string[] = []
  for (const line of lines) {
    const colon = line.indexOf(':')
    const name = line.slice(0, colon).toLowerCase()
    if (colon > 0 && name in TRANSPORT_OWNED && !owned.has(name))
      owned.set(name, line.slice(colon + 1).replace(/^ /, ''))
    else rest.push(line)
  }
  const listed = new Set(headers.map((header) => header.key.toLowerCase()))
  // No content-length line and no chunks: the body is empty. A listed Content-Length (undici drops a 0 on a GET) and
  // the methods Node gives one say so.
  const chunked = rest.some((line) => /^transfer-encoding:/i.test(line))
  const emptyLength = listed.has('content-length') || !NO_EMPTY_LENGTH.has(method.toUpperCase())
  if (!owned.has('content-length') && !chunked && emptyLength) owned.set('content-length', '0')

  let hostAt = headers.length
  while (hostAt > 0 && AFTER_HOST.has(headers[hostAt - 1]!.key.toLowerCase())) hostAt--
  const out = [requestLine]
  const written = new Set<string>()
  const put = (name: string, key: string): void => {
    const value = owned.get(name)
    if (value === undefined || written.has(name)) return
    out.push(`${key}: ${value}`)
    written.add(name)
  }
  let next = 0
  headers.forEach((header, index) => {
    if (index === hostAt && !listed.has('host')) put('host', 'Host')
    const name = header.key.toLowerCase()
    if (name in TRANSPORT_OWNED) put(name, header.key)
    else if (next < rest.length) out.push(rest[next++]!)
  })
  put('host', 'Host')
  out.push(...rest.slice(next))
  put('connection', 'Connection')
  put('content-length', 'Content-Length')
  return `${out.join('\r\n')}\r\n\r\n`
}
