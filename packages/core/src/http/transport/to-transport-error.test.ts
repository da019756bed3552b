import { describe, expect, it } from 'vitest'

import { toTransportError } from './to-transport-error.js'

const context = { method: 'GET', url: 'https://user:pw@api.test/x', connectTimeoutMs: 1000 }

function systemError(code: string, message = code): Error {
  return Object.assign(new Error(message), { code })
}

describe('toTransportError', () => {
  it.each([
    ['CERT_HAS_EXPIRED', 'certificate-expired'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'self-signed'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'untrusted-issuer'],
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'untrusted-issuer'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'hostname'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'handshake'],
    ['EPROTO', 'handshake'],
  ])('maps %s to HTTP_TLS_FAILED check %s', (code, check) => {
    const error = toTransportError(systemError(code), context)
    expect(error.code).toBe('HTTP_TLS_FAILED')
    expect(error.details).toMatchObject({ check })
  })

  it('finds the system error under an undici wrapper and keeps userinfo out of the message', () => {
    const wrapped = Object.assign(new Error('other side closed'), {
      code: 'UND_ERR_SOCKET',
      cause: systemError('ECONNRESET', 'read ECONNRESET'),
    })
    const error = toTransportError(wrapped, context)
    expect(error.code).toBe('HTTP_CONNECTION_RESET')
    expect(error.message).toBe('GET https://api.test/x: connection reset (read ECONNRESET)')
  })

  it('maps EAI_AGAIN to HTTP_DNS_FAILED and a connect timeout to HTTP_TIMEOUT', () => {
    expect(toTransportError(systemError('EAI_AGAIN'), context).code).toBe('HTTP_DNS_FAILED')
    const timeout = toTransportError(systemError('UND_ERR_CONNECT_TIMEOUT'), context)
    expect(timeout.details).toMatchObject({ phase: 'connect', timeoutMs: 1000 })
  })
})
