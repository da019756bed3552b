import { createHash, createHmac } from 'node:crypto'
import type { PreparedRequest, ResolvedAuth } from '../http/types.js'
import { readParams } from './internal/params.js'
import { bodyBytes, mediaType, requestTarget, setHeader } from './internal/request-edit.js'
import type { AuthContext, AuthHandler } from './types.js'

const nonceAlphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'

/** The inputs of one Hawk request MAC (Hawk spec, "Protocol Example"). */
export interface HawkArtifacts {
  method: string
  /** Absolute URL; its path with query, host and port are signed. */
  url: string
  ts: string
  nonce: string
  hash?: string | undefined
  ext?: string | undefined
  app?: string | undefined
  dlg?: string | undefined
}

/**
 * The Hawk `Authorization` value: MAC over `hawk.1.header` normalised string, base64 HMAC with the key.
 * @example hawkHeader({ id: 'dh37fgj492je', key: 'werx…', algorithm: 'sha256' }, { method: 'GET', url, ts: '1353832234', nonce: 'j4h3g2' })
 */
export function hawkHeader(
  credentials: { id: string; key: string; algorithm: 'sha1' | 'sha256' },
  artifacts: HawkArtifacts,
): string {
  const url = new URL(artifacts.url)
  const port = url.port !== '' ? url.port : url.protocol === 'https:' ? '443' : '80'
  const normalized =
    [
      'hawk.1.header',
      artifacts.ts,
      artifacts.nonce,
      artifacts.method.toUpperCase(),
      requestTarget(artifacts.url),
      url.hostname.toLowerCase(),
      port,
      artifacts.hash ?? '',
      (artifacts.ext ?? '').replace(/\\/g, '\\\\').replace(/\n/g, '\\n'),
    ].join('\n') +
    '\n' +
    (artifacts.app === undefined ? '' : `${artifacts.app}\n${artifacts.dlg ?? ''}\n`)
  const mac = createHmac(credentials.algorithm, credentials.key).update(normalized).digest('base64')
  const fields = [`id="${credentials.id}"`, `ts="${artifacts.ts}"`, `nonce="${artifacts.nonce}"`]
  if (artifacts.hash !== undefined) fields.push(`hash="${artifacts.hash}"`)
  if (artifacts.ext !== undefined) fields.push(`ext="${artifacts.ext.replace(/[\\"]/g, '\\$&')}"`)
  fields.push(`mac="${mac}"`)
  if (artifacts.app !== undefined) {
    fields.push(`app="${artifacts.app}"`)
    if (artifacts.dlg !== undefined) fields.push(`dlg="${artifacts.dlg}"`)
  }
  return `Hawk ${fields.join(', ')}`
}

/**
 * The Hawk payload hash: `hawk.1.payload`, the media type (no parameters) and the body, hashed and base64.
 * @example hawkPayloadHash('sha256', 'text/plain', new TextEncoder().encode('Thank you for flying Hawk'))
 */
export function hawkPayloadHash(
  algorithm: 'sha1' | 'sha256',
  contentType: string,
  payload: Uint8Array,
): string {
  return createHash(algorithm)
    .update(`hawk.1.payload\n${contentType}\n`)
    .update(payload)
    .update('\n')
    .digest('base64')
}

/**
 * Hawk (hapijs/hawk's client header) with Postman's params: `authId`, `authKey`, `algorithm` (sha256 default),
 * `nonce`, `timestamp`, `extraData` (ext), `app`/`appId`, `delegation` (dlg), `includePayloadHash`.
 * @example hawkAuth({ type: 'hawk', params: { authId: 'id', authKey: 'key' } }, context).sign(request)
 */
export function hawkAuth(auth: ResolvedAuth, context: AuthContext): AuthHandler {
  const params = readParams(auth)
  const id = params.required('authId')
  const key = params.required('authKey')
  const algorithm = params.text('algorithm', 'sha256').toLowerCase()
  if (algorithm !== 'sha1' && algorithm !== 'sha256') throw params.invalid('algorithm must be sha1 or sha256')
  const includePayloadHash = params.flag('includePayloadHash', false)

  return {
    type: 'hawk',
    needsSession: false,
    sign(request: PreparedRequest) {
      const body = includePayloadHash ? bodyBytes(request.body) : undefined
      const value = hawkHeader(
        { id, key, algorithm },
        {
          method: request.method,
          url: request.url,
          ts: params.optional('timestamp') ?? String(Math.floor(context.clock.now().getTime() / 1000)),
          nonce:
            params.optional('nonce') ??
            Array.from(context.random.bytes(6), (byte) => nonceAlphabet[byte % nonceAlphabet.length]).join(
              '',
            ),
          hash: body === undefined ? undefined : hawkPayloadHash(algorithm, mediaType(request), body),
          ext: params.optional('extraData'),
          app: params.optional('app') ?? params.optional('appId'),
          dlg: params.optional('delegation'),
        },
      )
      return Promise.resolve(setHeader(request, 'Authorization', value))
    },
  }
}
