import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import { parseAuthParams } from './internal/auth-params.js'

/** One Hawk credential the server knows. */
export interface HawkCredentials {
  id: string
  key: string
  algorithm: 'sha1' | 'sha256'
}

/** The parts of a request a Hawk MAC covers. */
export interface HawkRequest {
  method: string
  /** Path and query exactly as sent (the request target). */
  resource: string
  host: string
  port: number
  authorization: string | undefined
  payload?: Buffer
  contentType?: string | undefined
}

/** The verdict on one request; a failure carries Hawk's error text. */
export type HawkVerdict = { type: 'pass'; id: string } | { type: 'fail'; reason: string }

/** Options of {@link verifyHawk}: the known credentials, the clock and the allowed skew. */
export interface VerifyHawkOptions {
  credentials: readonly HawkCredentials[]
  nowMs: number
  /** Hawk's default: a timestamp more than 60 s away from the server's clock is stale. */
  skewSeconds?: number
}

/** Hawk's `hawk.1.header` normalized string (hapijs/hawk lib/crypto.js `generateNormalizedString`). */
export function hawkNormalizedString(artifacts: {
  ts: string
  nonce: string
  method: string
  resource: string
  host: string
  port: number
  hash?: string
  ext?: string
  app?: string
  dlg?: string
}): string {
  const ext = (artifacts.ext ?? '').replace(/\\/g, '\\\\').replace(/\n/g, '\\n')
  let normalized =
    `hawk.1.header\n${artifacts.ts}\n${artifacts.nonce}\n${artifacts.method.toUpperCase()}\n` +
    `${artifacts.resource}\n${artifacts.host.toLowerCase()}\n${artifacts.port}\n${artifacts.hash ?? ''}\n${ext}\n`
  if (artifacts.app) normalized += `${artifacts.app}\n${artifacts.dlg ?? ''}\n`
  return normalized
}

/** Hawk's payload hash: `hawk.1.payload`, the bare media type and the body, hashed and base64-encoded. */
export function hawkPayloadHash(payload: Buffer, contentType: string | undefined, algorithm: string): string {
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
  return createHash(algorithm)
    .update(`hawk.1.payload\n${mediaType}\n`)
    .update(payload)
    .update('\n')
    .digest('base64')
}

function isEqual(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

/** Verifies a `Authorization: Hawk …` header: known id, fresh timestamp, request MAC and payload hash. */
export function verifyHawk(request: HawkRequest, options: VerifyHawkOptions): HawkVerdict {
  const { scheme, params } = parseAuthParams(request.authorization)
  if (scheme.toLowerCase() !== 'hawk') return { type: 'fail', reason: 'Missing authentication' }
  const id = params.get('id')
  const ts = params.get('ts')
  const nonce = params.get('nonce')
  const mac = params.get('mac')
  if (!id || !ts || !nonce || !mac) return { type: 'fail', reason: 'Missing attributes' }
  const credentials = options.credentials.find((candidate) => candidate.id === id)
  if (!credentials) return { type: 'fail', reason: 'Unknown credentials' }
  const hash = params.get('hash')
  const ext = params.get('ext')
  const app = params.get('app')
  const dlg = params.get('dlg')
  const normalized = hawkNormalizedString({
    ts,
    nonce,
    method: request.method,
    resource: request.resource,
    host: request.host,
    port: request.port,
    ...(hash !== undefined && { hash }),
    ...(ext !== undefined && { ext }),
    ...(app !== undefined && { app }),
    ...(dlg !== undefined && { dlg }),
  })
  const expected = createHmac(credentials.algorithm, credentials.key).update(normalized).digest('base64')
  if (!isEqual(expected, mac)) return { type: 'fail', reason: 'Bad mac' }
  // The MAC covers the hash; the hash must in turn match the body when the client sent one.
  if (hash !== undefined && request.payload !== undefined) {
    const payloadHash = hawkPayloadHash(request.payload, request.contentType, credentials.algorithm)
    if (!isEqual(payloadHash, hash)) return { type: 'fail', reason: 'Bad payload hash' }
  }
  const skewMs = (options.skewSeconds ?? 60) * 1000
  if (Math.abs(Number(ts) * 1000 - options.nowMs) > skewMs) return { type: 'fail', reason: 'Stale timestamp' }
  return { type: 'pass', id }
}
