import type { HttpHeader, PreparedBody, ResolvedAuth, TransportResponse } from '../http/index.js'
import type { VariableScopes } from '../variables/index.js'
import { SECRET_MASK, isEnabled, isSecret, variableScopeOrder } from '../variables/index.js'
import type { Exchange, SentRequest } from './exchange.js'

/** Headers whose values are credentials whatever they hold. */
const credentialHeaders = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
])

/** Auth parameters that hold credentials (Postman's names across schemes). */
const credentialParams = new Set([
  'password',
  'token',
  'accessToken',
  'refreshToken',
  'clientSecret',
  'consumerSecret',
  'tokenSecret',
  'authKey',
  'secretKey',
  'sessionToken',
  'privateKey',
  'secret',
  'clientToken',
  'value',
])

/** Shortest text treated as a secret when searching for it: shorter values would mask innocent text. */
const minSecretLength = 4

/**
 * The secret values a request may carry: every enabled secret-typed variable in the scopes and the credential
 * parameters of its auth, longest first.
 * @example const secrets = collectSecrets(scopes, prepared.auth)
 */
export function collectSecrets(scopes: VariableScopes, auth: ResolvedAuth | undefined): string[] {
  const found = new Set<string>()
  for (const scope of variableScopeOrder) {
    for (const variable of scopes[scope] ?? []) {
      if (isSecret(variable) && isEnabled(variable) && typeof variable.value === 'string')
        found.add(variable.value)
    }
  }
  for (const [key, value] of Object.entries(auth?.params ?? {})) {
    if (credentialParams.has(key) && typeof value === 'string') found.add(value)
  }
  return [...found].filter((value) => value.length >= minSecretLength).sort((a, b) => b.length - a.length)
}

/**
 * A copy of an exchange safe to print, log or report: credential headers masked as `••••` (scheme kept:
 * `Bearer ••••`), and every known secret value masked wherever it appears in URLs, headers and text bodies
 * (a server that echoes a token back does not reveal it either).
 * @example terminal.out(JSON.stringify(redactExchange(exchange, collectSecrets(scopes, auth))))
 */
export function redactExchange(exchange: Exchange, secrets: readonly string[]): Exchange {
  const mask = (text: string): string => maskSecrets(text, secrets)
  const request = (sent: SentRequest): SentRequest => ({
    ...sent,
    url: mask(sent.url),
    headers: redactHeaders(sent.headers, mask),
    body: redactBody(sent.body, mask),
  })
  const response = (received: TransportResponse): TransportResponse => ({
    ...received,
    headers: redactHeaders(received.headers, mask),
    body: redactBytes(received.body, mask),
  })
  const hops = exchange.hops.map((hop) => ({
    request: request(hop.request),
    response: response(hop.response),
  }))
  return { ...exchange, request: request(exchange.request), response: response(exchange.response), hops }
}

/**
 * Masks every occurrence of the secrets in `text`.
 * @example maskSecrets('token=abcd1234', ['abcd1234']) // 'token=••••'
 */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  let masked = text
  for (const secret of secrets) {
    if (masked.includes(secret)) masked = masked.split(secret).join(SECRET_MASK)
    const encoded = encodeURIComponent(secret)
    if (encoded !== secret && masked.includes(encoded)) masked = masked.split(encoded).join(SECRET_MASK)
  }
  return masked
}

function redactHeaders(headers: readonly HttpHeader[], mask: (text: string) => string): HttpHeader[] {
  return headers.map(({ key, value }) => {
    if (!credentialHeaders.has(key.toLowerCase())) return { key, value: mask(value) }
    const scheme = /^([A-Za-z][\w-]*) \S/.exec(value)?.[1]
    const keepScheme = scheme !== undefined && !['cookie', 'set-cookie'].includes(key.toLowerCase())
    return { key, value: keepScheme ? `${scheme} ${SECRET_MASK}` : SECRET_MASK }
  })
}

function redactBytes(bytes: Uint8Array, mask: (text: string) => string): Uint8Array {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return bytes
  }
  const masked = mask(text)
  return masked === text ? bytes : new TextEncoder().encode(masked)
}

function redactBody(body: PreparedBody, mask: (text: string) => string): PreparedBody {
  switch (body.type) {
    case 'text':
      return { type: 'text', text: mask(body.text) }
    case 'multipart':
      return {
        type: 'multipart',
        parts: body.parts.map((part) => (part.type === 'text' ? { ...part, value: mask(part.value) } : part)),
      }
    case 'none':
    case 'bytes':
      return body
  }
}
