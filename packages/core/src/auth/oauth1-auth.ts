import { createHash, createHmac, createPrivateKey, sign as rsaSign } from 'node:crypto'
import type { PreparedRequest, ResolvedAuth } from '../http/types.js'
import { readParams } from './internal/params.js'
import {
  bodyBytes,
  mediaType,
  parsePairs,
  percentEncode,
  removeQueryParams,
  setHeader,
  setQueryParams,
  splitUrl,
} from './internal/request-edit.js'
import type { AuthContext, AuthHandler } from './types.js'

const hashes: Record<string, string> = { SHA1: 'sha1', SHA256: 'sha256', SHA512: 'sha512' }
const methods = [
  'HMAC-SHA1',
  'HMAC-SHA256',
  'HMAC-SHA512',
  'RSA-SHA1',
  'RSA-SHA256',
  'RSA-SHA512',
  'PLAINTEXT',
]
const formType = 'application/x-www-form-urlencoded'
const nonceAlphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'

/**
 * The signature base string of RFC 5849 §3.4.1: method, base string URI and normalised params (the query, a
 * form-urlencoded body and the `oauth_*` protocol params, without `oauth_signature`).
 * @example oauth1BaseString(request, [['oauth_consumer_key', 'key'], ['oauth_nonce', 'n']])
 */
export function oauth1BaseString(
  request: Pick<PreparedRequest, 'method' | 'url' | 'headers' | 'body'>,
  protocolParams: readonly (readonly [string, string])[],
): string {
  const { base, query } = splitUrl(request.url)
  const url = new URL(base)
  // §3.4.1.2: scheme and host lower-case, default ports dropped (URL does both), the path as sent.
  const authorityEnd = base.indexOf('/', base.indexOf('//') + 2)
  const path = authorityEnd === -1 ? '/' : base.slice(authorityEnd)
  const baseUri = `${url.protocol}//${url.host}${path}`
  const pairs = [...parsePairs(query), ...formParams(request), ...protocolParams]
  return [
    request.method.toUpperCase(),
    percentEncode(baseUri),
    percentEncode(normalizeOAuth1Params(pairs)),
  ].join('&')
}

/**
 * RFC 5849 §3.4.1.3.2 parameter normalisation: encode names and values, sort by name then value, join.
 * @example normalizeOAuth1Params([['b', '2'], ['a', 'x y']]) // 'a=x%20y&b=2'
 */
export function normalizeOAuth1Params(pairs: readonly (readonly [string, string])[]): string {
  return pairs
    .map(([name, value]) => [percentEncode(name), percentEncode(value)] as const)
    .sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&')
}

/**
 * Signs a base string per RFC 5849 §3.4.2–3.4.4 (HMAC-SHA1/256/512, RSA-SHA1/256/512, PLAINTEXT).
 * @example oauth1Signature('HMAC-SHA1', baseString, { consumerSecret: 'cs', tokenSecret: 'ts' })
 */
export function oauth1Signature(
  method: string,
  baseString: string,
  keys: { consumerSecret: string; tokenSecret: string; privateKey?: string | undefined },
): string {
  const key = `${percentEncode(keys.consumerSecret)}&${percentEncode(keys.tokenSecret)}`
  if (method === 'PLAINTEXT') return key
  const [family, hash] = method.split('-') as [string, string]
  const algorithm = hashes[hash]
  if (algorithm === undefined) throw new TypeError(`unsupported OAuth 1 signature method ${method}`)
  if (family === 'HMAC') return createHmac(algorithm, key).update(baseString).digest('base64')
  if (keys.privateKey === undefined) throw new TypeError('RSA signature methods need a private key')
  return rsaSign(algorithm, Buffer.from(baseString), createPrivateKey(keys.privateKey)).toString('base64')
}

/**
 * OAuth 1.0a (RFC 5849) as Postman sends it: protocol params in the Authorization header (`addParamsToHeader`,
 * the default), in a form-urlencoded POST/PUT body, or in the query. Timestamp and nonce come from the context
 * when not given.
 * @example oauth1Auth({ type: 'oauth1', params: { consumerKey: 'k', consumerSecret: 's' } }, context).sign(request)
 */
export function oauth1Auth(auth: ResolvedAuth, context: AuthContext): AuthHandler {
  const params = readParams(auth)
  const consumerKey = params.required('consumerKey')
  const signatureMethod = params.text('signatureMethod', 'HMAC-SHA1').toUpperCase()
  if (!methods.includes(signatureMethod))
    throw params.invalid(`unsupported signatureMethod ${signatureMethod}`)
  const privateKey = signatureMethod.startsWith('RSA-') ? params.required('privateKey') : undefined
  if (privateKey !== undefined) {
    try {
      createPrivateKey(privateKey)
    } catch (error) {
      throw params.invalid('privateKey is not a PEM private key', { cause: error })
    }
  }
  const addEmpty = params.flag('addEmptyParamsToSign', false)
  const toHeader = params.flag('addParamsToHeader', true)
  const encodeSignature = params.flag('encodeOAuthSign', true)
  const includeBodyHash = params.flag('includeBodyHash', false)

  return {
    type: 'oauth1',
    needsSession: false,
    sign(input) {
      const request = removeProtocolParams(input)
      const timestamp =
        params.optional('timestamp') ?? String(Math.floor(context.clock.now().getTime() / 1000))
      const nonce =
        params.optional('nonce') ??
        Array.from(context.random.bytes(11), (byte) => nonceAlphabet[byte % nonceAlphabet.length]).join('')
      const candidates: [string, string][] = [
        ['oauth_consumer_key', consumerKey],
        ['oauth_token', params.text('token')],
        ['oauth_signature_method', signatureMethod],
        ['oauth_timestamp', timestamp],
        ['oauth_nonce', nonce],
        ['oauth_version', params.has('version') ? params.text('version') : '1.0'],
        ['oauth_callback', params.text('callback')],
        ['oauth_verifier', params.text('verifier')],
      ]
      const bodyHash = includeBodyHash ? oauthBodyHash(request, signatureMethod) : undefined
      if (bodyHash !== undefined) candidates.push(['oauth_body_hash', bodyHash])
      // Postman leaves empty optional params out of the signature unless asked (addEmptyParamsToSign); the
      // callback and verifier only travel when set.
      const protocol = candidates.filter(
        ([name, value]) =>
          value !== '' || (addEmpty && name !== 'oauth_callback' && name !== 'oauth_verifier'),
      )
      const signature = oauth1Signature(signatureMethod, oauth1BaseString(request, protocol), {
        consumerSecret: params.text('consumerSecret'),
        tokenSecret: params.text('tokenSecret'),
        privateKey,
      })
      const signed: [string, string][] = [...protocol, ['oauth_signature', signature]]
      if (toHeader) {
        const realm = params.optional('realm')
        const fields = signed.map(
          ([name, value]) =>
            `${name}="${name === 'oauth_signature' && !encodeSignature ? value : percentEncode(value)}"`,
        )
        if (realm !== undefined) fields.unshift(`realm="${realm}"`)
        return Promise.resolve(setHeader(request, 'Authorization', `OAuth ${fields.join(',')}`))
      }
      if (/^(POST|PUT)$/i.test(request.method) && mediaType(request) === formType) {
        return Promise.resolve(appendFormParams(request, signed))
      }
      return Promise.resolve(setQueryParams(request, signed))
    },
  }
}

/** The decoded params of a form-urlencoded body (§3.4.1.3.1), or none for other bodies. */
function formParams(request: Pick<PreparedRequest, 'headers' | 'body'>): [string, string][] {
  if (mediaType(request) !== formType) return []
  const bytes = bodyBytes(request.body)
  return bytes === undefined ? [] : parsePairs(new TextDecoder().decode(bytes))
}

/** oauth_body_hash (the OAuth Request Body Hash extension): for bodies that are not form-urlencoded. */
function oauthBodyHash(request: PreparedRequest, signatureMethod: string): string | undefined {
  if (signatureMethod === 'PLAINTEXT' || mediaType(request) === formType) return undefined
  const bytes = bodyBytes(request.body)
  if (bytes === undefined) return undefined
  const hash = hashes[signatureMethod.split('-')[1] ?? ''] ?? 'sha1'
  return createHash(hash).update(bytes).digest('base64')
}

const protocolNames = new Set([
  'oauth_consumer_key',
  'oauth_token',
  'oauth_signature_method',
  'oauth_timestamp',
  'oauth_nonce',
  'oauth_version',
  'oauth_callback',
  'oauth_verifier',
  'oauth_body_hash',
  'oauth_signature',
])

/** Drops protocol params a previous signing left in the query or form body (Postman re-signs from scratch). */
function removeProtocolParams(request: PreparedRequest): PreparedRequest {
  const next = removeQueryParams(request, protocolNames)
  if (mediaType(next) !== formType || next.body.type === 'multipart' || next.body.type === 'none') return next
  const text = new TextDecoder().decode(bodyBytes(next.body))
  const parts = text.split('&').filter((part) => !protocolNames.has(parsePairs(part)[0]?.[0] ?? ''))
  return parts.join('&') === text ? next : { ...next, body: { type: 'text', text: parts.join('&') } }
}

function appendFormParams(
  request: PreparedRequest,
  pairs: readonly (readonly [string, string])[],
): PreparedRequest {
  const text = new TextDecoder().decode(bodyBytes(request.body))
  const added = pairs.map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`)
  return {
    ...request,
    body: { type: 'text', text: [text, ...added].filter((part) => part !== '').join('&') },
  }
}
