import { createHmac, timingSafeEqual } from 'node:crypto'
import { parseAuthParams } from './internal/auth-params.js'

/** RFC 5849 section 3.6 percent-encoding: everything but ALPHA / DIGIT / `-._~`, over UTF-8. */
export function oauth1PercentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
}

/** The inputs of an RFC 5849 section 3.4.1 signature base string. */
export interface OAuth1BaseStringInput {
  method: string
  /** Scheme, host and path; a default port is dropped (section 3.4.1.2). */
  baseUri: string
  /** Decoded name/value pairs from the query, the form body and the `OAuth` header, without `oauth_signature` or `realm`. */
  params: ReadonlyArray<readonly [string, string]>
}

/** Section 3.4.1.3.2: encode each pair, sort by name then value, join with `&`. */
export function oauth1NormalizeParams(params: ReadonlyArray<readonly [string, string]>): string {
  return params
    .map(([name, value]) => [oauth1PercentEncode(name), oauth1PercentEncode(value)] as const)
    .sort(([n1, v1], [n2, v2]) => (n1 < n2 ? -1 : n1 > n2 ? 1 : v1 < v2 ? -1 : v1 > v2 ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&')
}

/** The signature base string of RFC 5849 section 3.4.1.1. */
export function oauth1BaseString(input: OAuth1BaseStringInput): string {
  return [
    input.method.toUpperCase(),
    oauth1PercentEncode(input.baseUri),
    oauth1PercentEncode(oauth1NormalizeParams(input.params)),
  ].join('&')
}

/** The secrets an OAuth 1.0a signature is keyed with. */
export interface OAuth1Secrets {
  consumerSecret: string
  tokenSecret?: string
}

/** The signing key of sections 3.4.2 and 3.4.4: both secrets encoded and joined by `&`. */
export function oauth1SigningKey(secrets: OAuth1Secrets): string {
  return `${oauth1PercentEncode(secrets.consumerSecret)}&${oauth1PercentEncode(secrets.tokenSecret ?? '')}`
}

const hmacAlgorithms: Record<string, string> = {
  'HMAC-SHA1': 'sha1',
  'HMAC-SHA256': 'sha256',
  'HMAC-SHA512': 'sha512',
}

/** Signs a base string with `HMAC-SHA1` (section 3.4.2), `HMAC-SHA256`/`-SHA512` or `PLAINTEXT` (3.4.4). */
export function oauth1Signature(baseString: string, secrets: OAuth1Secrets, method = 'HMAC-SHA1'): string {
  const key = oauth1SigningKey(secrets)
  if (method === 'PLAINTEXT') return key
  const algorithm = Object.hasOwn(hmacAlgorithms, method) ? hmacAlgorithms[method] : undefined
  if (algorithm === undefined) throw new TypeError(`unsupported OAuth 1.0a signature method ${method}`)
  return createHmac(algorithm, key).update(baseString).digest('base64')
}

/** What a server knows to verify OAuth 1.0a requests. */
export interface OAuth1VerifyOptions {
  consumers: Readonly<Record<string, string>>
  /** Token secrets by token; an absent or unknown token signs with an empty token secret, as postman-echo does. */
  tokens?: Readonly<Record<string, string>>
}

/** A request as the verifier sees it: decoded query and form pairs, the header, and the base URI. */
export interface OAuth1Request {
  method: string
  baseUri: string
  query: ReadonlyArray<readonly [string, string]>
  form: ReadonlyArray<readonly [string, string]>
  authorization: string | undefined
}

/** The verdict, with postman-echo's debug values for a failure. */
export type OAuth1Verdict =
  | { type: 'pass' }
  | {
      type: 'fail'
      message: string
      base_uri: string
      normalized_param_string: string
      base_string: string
      signing_key: string
    }

/** Verifies an OAuth 1.0a signature sent in the `Authorization` header, the query or a form body (section 3.5). */
export function verifyOAuth1(request: OAuth1Request, options: OAuth1VerifyOptions): OAuth1Verdict {
  const { scheme, params: header } = parseAuthParams(request.authorization)
  const headerPairs =
    scheme.toLowerCase() === 'oauth'
      ? [...header]
          .filter(([name]) => name !== 'realm')
          .map(([n, v]) => [decodeURIComponent(n), decodeURIComponent(v)] as const)
      : []
  const all = [...request.query, ...request.form, ...headerPairs]
  const find = (name: string): string | undefined => all.find(([n]) => n === name)?.[1]
  const signed = all.filter(([name]) => name !== 'oauth_signature')
  const normalized = oauth1NormalizeParams(signed)
  const baseString = oauth1BaseString({ method: request.method, baseUri: request.baseUri, params: signed })
  const token = find('oauth_token')
  const secrets = {
    consumerSecret: options.consumers[find('oauth_consumer_key') ?? ''] ?? '',
    tokenSecret: (token !== undefined && options.tokens?.[token]) || '',
  }
  const method = find('oauth_signature_method') ?? 'HMAC-SHA1'
  const fail = (message: string): OAuth1Verdict => ({
    type: 'fail',
    message,
    base_uri: request.baseUri,
    normalized_param_string: normalized,
    base_string: baseString,
    signing_key: oauth1SigningKey(secrets),
  })
  if (options.consumers[find('oauth_consumer_key') ?? ''] === undefined)
    return fail('unknown oauth_consumer_key')
  if (!Object.hasOwn(hmacAlgorithms, method) && method !== 'PLAINTEXT')
    return fail(`unsupported signature method ${method}`)
  const expected = Buffer.from(oauth1Signature(baseString, secrets, method))
  const actual = Buffer.from(find('oauth_signature') ?? '')
  const matches = expected.length === actual.length && timingSafeEqual(expected, actual)
  return matches ? { type: 'pass' } : fail(`${method} verification failed`)
}
