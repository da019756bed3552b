import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { parseAuthParams } from './internal/auth-params.js'

/** The credentials and realm a digest verifier accepts. */
export interface DigestAuthOptions {
  username: string
  password: string
  realm: string
  /** `'issued'` (default): only nonces this verifier handed out; `'any'`: any nonce, as postman-echo (Newman's
   * suites send a fixed nonce saved in the collection and expect to be let in). */
  nonces?: 'issued' | 'any'
}

/** The verdict on one request: a pass, or the reason for the 401. */
export type DigestVerdict = { type: 'pass' } | { type: 'fail'; reason: string }

const md5 = (text: string): string => createHash('md5').update(text).digest('hex')

function isEqual(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

/** The server side of HTTP Digest (RFC 7616, MD5 with `qop=auth`, plus RFC 2069 without qop). */
export class DigestVerifier {
  // Nonces this verifier handed out; a response to any other nonce is refused.
  readonly #nonces = new Set<string>()

  constructor(readonly options: DigestAuthOptions) {}

  /** Issues a fresh nonce and returns the `WWW-Authenticate` challenge carrying it. */
  challenge(): string {
    const nonce = randomBytes(16).toString('hex')
    this.#nonces.add(nonce)
    // Bound memory for long runs: forget the oldest nonce.
    if (this.#nonces.size > 1000) this.#nonces.delete(this.#nonces.values().next().value ?? '')
    return `Digest realm="${this.options.realm}", nonce="${nonce}", qop="auth", algorithm=MD5`
  }

  /** Checks the `Authorization: Digest …` header of a request (RFC 7616 section 3.4.1). */
  verify(method: string, requestTarget: string, authorization: string | undefined): DigestVerdict {
    const { scheme, params } = parseAuthParams(authorization)
    if (scheme.toLowerCase() !== 'digest') return { type: 'fail', reason: 'no Digest credentials' }
    const get = (name: string): string => params.get(name) ?? ''
    const algorithm = get('algorithm') || 'MD5'
    if (algorithm.toUpperCase() !== 'MD5')
      return { type: 'fail', reason: `unsupported algorithm ${algorithm}` }
    if (get('username') !== this.options.username) return { type: 'fail', reason: 'unknown user' }
    if (get('realm') !== this.options.realm) return { type: 'fail', reason: 'wrong realm' }
    if (this.options.nonces !== 'any' && !this.#nonces.has(get('nonce')))
      return { type: 'fail', reason: 'unknown nonce' }
    if (get('uri') !== requestTarget) return { type: 'fail', reason: 'uri does not match the request target' }
    const ha1 = md5(`${this.options.username}:${this.options.realm}:${this.options.password}`)
    const ha2 = md5(`${method}:${get('uri')}`)
    const qop = get('qop')
    let expected: string
    if (qop === 'auth') expected = md5(`${ha1}:${get('nonce')}:${get('nc')}:${get('cnonce')}:auth:${ha2}`)
    else if (qop === '') expected = md5(`${ha1}:${get('nonce')}:${ha2}`)
    else return { type: 'fail', reason: `unsupported qop ${qop}` }
    return isEqual(expected, get('response').toLowerCase())
      ? { type: 'pass' }
      : { type: 'fail', reason: 'wrong response' }
  }
}
