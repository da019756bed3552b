import { createHash } from 'node:crypto'
import type { PreparedRequest, ResolvedAuth } from '../http/types.js'
import { parseChallenges, type Challenge } from './internal/challenges.js'
import { readParams } from './internal/params.js'
import { bodyBytes, headerValues, requestTarget, setHeader } from './internal/request-edit.js'
import type { AuthContext, AuthHandler } from './types.js'

/** RFC 7616 §3.4.1 algorithms, strongest first, with their node:crypto names. */
const algorithms: Record<string, string> = { 'SHA-512-256': 'sha512-256', 'SHA-256': 'sha256', MD5: 'md5' }

/** What one `Authorization: Digest` header is computed from. */
export interface DigestInput {
  username: string
  password: string
  realm: string
  nonce: string
  method: string
  uri: string
  algorithm: string
  qop?: 'auth' | 'auth-int' | undefined
  nc: string
  cnonce: string
  opaque?: string | undefined
  userhash?: boolean
  body?: Uint8Array | undefined
}

/**
 * The `Authorization: Digest …` value for one request (RFC 7616 §3.4; RFC 2617 without qop).
 * @example digestHeader({ username: 'Mufasa', password: 'Circle of Life', realm, nonce, method: 'GET', uri: '/', algorithm: 'MD5', qop: 'auth', nc: '00000001', cnonce })
 */
export function digestHeader(input: DigestInput): string {
  const base = input.algorithm.replace(/-sess$/i, '').toUpperCase()
  const hashName = algorithms[base]
  if (hashName === undefined) throw new TypeError(`unsupported digest algorithm ${input.algorithm}`)
  const hash = (data: string | Uint8Array): string => createHash(hashName).update(data).digest('hex')
  const sess = /-sess$/i.test(input.algorithm)
  const a1Base = `${input.username}:${input.realm}:${input.password}`
  const a1 = sess ? `${hash(a1Base)}:${input.nonce}:${input.cnonce}` : a1Base
  const a2 =
    input.qop === 'auth-int'
      ? `${input.method}:${input.uri}:${hash(input.body ?? new Uint8Array(0))}`
      : `${input.method}:${input.uri}`
  const response =
    input.qop === undefined
      ? hash(`${hash(a1)}:${input.nonce}:${hash(a2)}`)
      : hash(`${hash(a1)}:${input.nonce}:${input.nc}:${input.cnonce}:${input.qop}:${hash(a2)}`)
  const username = input.userhash === true ? hash(`${input.username}:${input.realm}`) : input.username
  const fields = [
    `username=${quote(username)}`,
    `realm=${quote(input.realm)}`,
    `uri=${quote(input.uri)}`,
    `algorithm=${input.algorithm}`,
    `nonce=${quote(input.nonce)}`,
  ]
  if (input.qop !== undefined || sess) fields.push(`nc=${input.nc}`, `cnonce=${quote(input.cnonce)}`)
  if (input.qop !== undefined) fields.push(`qop=${input.qop}`)
  fields.push(`response=${quote(response)}`)
  if (input.opaque !== undefined) fields.push(`opaque=${quote(input.opaque)}`)
  if (input.userhash === true) fields.push('userhash=true')
  return `Digest ${fields.join(', ')}`
}

/**
 * HTTP Digest (RFC 7616, RFC 2617). `sign` sends the header straight away when `realm` and `nonce` are given (as
 * Postman does with saved values), else nothing; `respond` answers one 401 whose `WWW-Authenticate` has a
 * Digest challenge (MD5, SHA-256, SHA-512-256 and their -sess forms; qop auth or auth-int) with the retried
 * request, unless `disableRetryRequest` is set.
 * @example const handler = digestAuth({ type: 'digest', params: { username: 'u', password: 'p' } }, context)
 */
export function digestAuth(auth: ResolvedAuth, context: AuthContext): AuthHandler {
  const params = readParams(auth)
  const username = params.required('username')
  const password = params.text('password')
  const disableRetry = params.flag('disableRetryRequest', false)
  const cnonce = (): string =>
    params.optional('clientNonce') ?? Buffer.from(context.random.bytes(8)).toString('hex')
  let answered = false

  const signWith = (
    request: PreparedRequest,
    challenge: Record<string, string>,
    nc: string,
  ): PreparedRequest => {
    const algorithm = challenge.algorithm ?? params.text('algorithm', 'MD5')
    if (algorithms[algorithm.replace(/-sess$/i, '').toUpperCase()] === undefined) {
      throw params.invalid(`unsupported algorithm ${algorithm}`)
    }
    const body = bodyBytes(request.body)
    const qop = chooseQop(challenge.qop, params.optional('qop'), body !== undefined)
    const value = digestHeader({
      username,
      password,
      realm: challenge.realm ?? '',
      nonce: challenge.nonce ?? '',
      method: request.method,
      uri: requestTarget(request.url),
      algorithm,
      qop,
      nc,
      cnonce: cnonce(),
      opaque: challenge.opaque,
      userhash: challenge.userhash?.toLowerCase() === 'true',
      body,
    })
    return setHeader(request, 'Authorization', value)
  }

  return {
    type: 'digest',
    needsSession: false,
    sign(request) {
      const realm = params.optional('realm')
      const nonce = params.optional('nonce')
      if (realm === undefined || nonce === undefined) return Promise.resolve(request)
      const saved: Record<string, string> = { realm, nonce }
      const opaque = params.optional('opaque')
      if (opaque !== undefined) saved.opaque = opaque
      const qop = params.optional('qop')
      if (qop !== undefined) saved.qop = qop
      return Promise.resolve(signWith(request, saved, params.text('nonceCount', '00000001')))
    },
    respond(request, response) {
      if (disableRetry || answered || response.status !== 401) return Promise.resolve(undefined)
      const challenge = pickChallenge(parseChallenges(headerValues(response.headers, 'www-authenticate')))
      if (challenge === undefined) return Promise.resolve(undefined)
      answered = true
      return Promise.resolve(signWith(request, challenge.params, '00000001'))
    },
  }
}

/** The strongest Digest challenge whose algorithm we support (RFC 7616 §3.7: servers may offer several). */
function pickChallenge(challenges: Challenge[]): Challenge | undefined {
  const rank = (challenge: Challenge): number => {
    const base = (challenge.params.algorithm ?? 'MD5').replace(/-sess$/i, '').toUpperCase()
    const index = Object.keys(algorithms).indexOf(base)
    return index === -1 ? Infinity : index
  }
  return challenges
    .filter(
      (challenge) => challenge.scheme.toLowerCase() === 'digest' && challenge.params.nonce !== undefined,
    )
    .filter((challenge) => rank(challenge) !== Infinity)
    .sort((a, b) => rank(a) - rank(b))[0]
}

/** `auth` when offered (or asked for), `auth-int` when it is the only one and the body is known; none otherwise. */
function chooseQop(
  offered: string | undefined,
  wanted: string | undefined,
  bodyKnown: boolean,
): 'auth' | 'auth-int' | undefined {
  if (offered === undefined) return wanted === 'auth' || wanted === 'auth-int' ? wanted : undefined
  const options = offered.split(',').map((option) => option.trim().toLowerCase())
  if (wanted === 'auth-int' && options.includes('auth-int') && bodyKnown) return 'auth-int'
  if (options.includes('auth')) return 'auth'
  if (options.includes('auth-int') && bodyKnown) return 'auth-int'
  return undefined
}

function quote(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`
}
