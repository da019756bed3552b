import { createPrivateKey, createSecretKey, type KeyObject } from 'node:crypto'
import { SignJWT, type JWTHeaderParameters } from 'jose'
import type { ResolvedAuth } from '../http/types.js'
import { readParams, type AuthParams } from './internal/params.js'
import { setHeader, setQueryParams } from './internal/request-edit.js'
import type { AuthHandler } from './types.js'

const algorithms = /^(HS|RS|PS|ES)(256|384|512)$/

/**
 * Postman's JWT Bearer: signs `payload` (a JSON object) with `algorithm` (HS*, RS*, PS*, ES*) using `secret`
 * (`isSecretBase64Encoded`) or the PEM `privateKey`, extra protected `header` fields, and sends it as
 * `Authorization: <headerPrefix> <jwt>` or, with `addTokenTo: queryParam`, as `?<queryParamKey>=<jwt>`.
 * @example jwtAuth({ type: 'jwt', params: { algorithm: 'HS256', secret: 's', payload: '{"sub":"1"}' } })
 */
export function jwtAuth(auth: ResolvedAuth): AuthHandler {
  const params = readParams(auth)
  const alg = params.text('algorithm', 'HS256').toUpperCase()
  if (!algorithms.test(alg)) throw params.invalid(`unsupported algorithm ${alg}`)
  const key = signingKey(params, alg)
  const payload = jsonObject(params, 'payload')
  const header = jsonObject(params, 'header')
  const toQuery = params.text('addTokenTo', 'header') === 'queryParam'
  const prefix = params.text('headerPrefix', 'Bearer').trim()
  const queryParamKey = params.text('queryParamKey', 'token')

  return {
    type: 'jwt',
    needsSession: false,
    async sign(request) {
      const protectedHeader: JWTHeaderParameters = { typ: 'JWT', ...header, alg }
      const token = await new SignJWT(payload).setProtectedHeader(protectedHeader).sign(key)
      return toQuery
        ? setQueryParams(request, [[queryParamKey, token]])
        : setHeader(request, 'Authorization', prefix === '' ? token : `${prefix} ${token}`)
    },
  }
}

function signingKey(params: AuthParams, alg: string): KeyObject {
  if (alg.startsWith('HS')) {
    const secret = params.required('secret')
    const bytes = params.flag('isSecretBase64Encoded', false)
      ? Buffer.from(secret, 'base64')
      : Buffer.from(secret, 'utf8')
    return createSecretKey(bytes)
  }
  const pem = params.required('privateKey')
  try {
    return createPrivateKey(pem)
  } catch (error) {
    throw params.invalid('privateKey is not a PEM private key', { cause: error })
  }
}

function jsonObject(params: AuthParams, name: string): Record<string, unknown> {
  const text = params.optional(name)
  if (text === undefined) return {}
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw params.invalid(`${name} is not valid JSON`, { cause: error })
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw params.invalid(`${name} must be a JSON object`)
  }
  return value as Record<string, unknown>
}
