import { generateKeyPairSync } from 'node:crypto'
import { decodeProtectedHeader, jwtVerify } from 'jose'
import { describe, expect, it } from 'vitest'
import { preparedRequest } from '../../test/support/auth-fixtures.js'
import { type PreparedRequest } from '../http/types.js'
import { jwtAuth } from './jwt-auth.js'

const request = preparedRequest

const payload = JSON.stringify({ sub: 'user-1', iat: 1_700_000_000, scope: 'read' })

function bearer(signed: PreparedRequest): string {
  return signed.headers.find((h) => h.key === 'Authorization')?.value.replace(/^Bearer /, '') ?? ''
}

describe('jwtAuth', () => {
  it('signs HS256 with a plain secret; jose verifies it and reads the claims', async () => {
    const signed = await jwtAuth({
      type: 'jwt',
      params: { algorithm: 'HS256', secret: 'shh', payload, header: '{"kid":"k1"}' },
    }).sign(request('https://h.test/', { headers: [{ key: 'authorization', value: 'old' }] }))
    expect(signed.headers).toHaveLength(1)
    const token = bearer(signed)
    const { payload: claims, protectedHeader } = await jwtVerify(token, new TextEncoder().encode('shh'))
    expect(claims).toEqual({ sub: 'user-1', iat: 1_700_000_000, scope: 'read' })
    expect(protectedHeader).toEqual({ alg: 'HS256', typ: 'JWT', kid: 'k1' })
  })

  it('decodes a base64 secret when isSecretBase64Encoded is set (HS512)', async () => {
    const secret = Buffer.from('binary\u0000secret-that-is-long-enough-for-hs512-keys-here-0123456789abcdef')
    const signed = await jwtAuth({
      type: 'jwt',
      params: { algorithm: 'HS512', secret: secret.toString('base64'), isSecretBase64Encoded: true, payload },
    }).sign(request('https://h.test/'))
    await expect(jwtVerify(bearer(signed), new Uint8Array(secret))).resolves.toBeDefined()
  })

  it.each([
    ['RS256', 'rsa'],
    ['PS384', 'rsa'],
    ['ES256', 'ec'],
  ] as const)('signs %s with a PEM private key that the public key verifies', async (algorithm, kind) => {
    const { privateKey, publicKey } =
      kind === 'rsa'
        ? generateKeyPairSync('rsa', { modulusLength: 2048 })
        : generateKeyPairSync('ec', { namedCurve: 'P-256' })
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    const signed = await jwtAuth({ type: 'jwt', params: { algorithm, privateKey: pem, payload } }).sign(
      request('https://h.test/'),
    )
    const token = bearer(signed)
    expect(decodeProtectedHeader(token).alg).toBe(algorithm)
    const { payload: claims } = await jwtVerify(token, publicKey)
    expect(claims.sub).toBe('user-1')
  })

  it('puts the token in the query param named by queryParamKey, or uses a custom prefix', async () => {
    const params = { algorithm: 'HS256', secret: 's', payload }
    const inQuery = await jwtAuth({
      type: 'jwt',
      params: { ...params, addTokenTo: 'queryParam', queryParamKey: 'jwt' },
    }).sign(request('https://h.test/p?a=1'))
    expect(inQuery.url).toMatch(/^https:\/\/h\.test\/p\?a=1&jwt=[\w-]+\.[\w-]+\.[\w-]+$/)
    const prefixed = await jwtAuth({ type: 'jwt', params: { ...params, headerPrefix: 'JWT' } }).sign(
      request('https://h.test/'),
    )
    expect(prefixed.headers[0]?.value).toMatch(/^JWT ey/)
  })

  it('rejects bad payload JSON, missing keys and unknown algorithms', () => {
    expect(() => jwtAuth({ type: 'jwt', params: { secret: 's', payload: '{' } })).toThrow(
      /payload is not valid JSON/,
    )
    expect(() => jwtAuth({ type: 'jwt', params: { secret: 's', payload: '[1]' } })).toThrow(/JSON object/)
    expect(() => jwtAuth({ type: 'jwt', params: { algorithm: 'RS256' } })).toThrow(/privateKey/)
    expect(() => jwtAuth({ type: 'jwt', params: { algorithm: 'none', secret: 's' } })).toThrow(/NONE/)
  })
})
