import { describe, expect, it } from 'vitest'
import { authContext } from '../../test/support/auth-fixtures.js'
import { defaultRequestSettings, type PreparedRequest, type TransportResponse } from '../http/types.js'
import { ntlmAuth } from './ntlm-auth.js'

const context = authContext({ now: new Date(0), bytes: (n) => new Uint8Array(n).fill(0xaa) })
const req: PreparedRequest = {
  method: 'GET',
  url: 'http://h.test/',
  headers: [],
  body: { type: 'none' },
  settings: defaultRequestSettings,
}

function response(status: number, challenge: string): TransportResponse {
  return {
    status,
    statusText: '',
    httpVersion: '1.1',
    headers: [{ key: 'WWW-Authenticate', value: challenge }],
    body: new Uint8Array(0),
    timings: { firstByteMs: 0, downloadMs: 0, totalMs: 0 },
    sizes: { headersBytes: 0, bodyBytes: 0, decodedBodyBytes: 0 },
  }
}

// A minimal CHALLENGE_MESSAGE: flags Unicode | NTLM, server challenge 0123456789abcdef, no target info.
const type2 = Buffer.concat([
  Buffer.from('NTLMSSP\0', 'latin1'),
  Buffer.from('02000000' + '0000000000000000' + '01020000' + '0123456789abcdef' + '0000000000000000', 'hex'),
]).toString('base64')

describe('ntlmAuth', () => {
  const handler = () => ntlmAuth({ type: 'ntlm', params: { username: 'DOM\\user', password: 'pw' } }, context)

  it('needs a session and starts with the NEGOTIATE message', async () => {
    const h = handler()
    expect(h.needsSession).toBe(true)
    const signed = await h.sign(req)
    const type1 = Buffer.from(signed.headers[0]?.value.replace(/^NTLM /, '') ?? '', 'base64')
    expect(type1.subarray(0, 12).toString('hex')).toBe('4e544c4d5353500001000000')
  })

  it('answers the NTLM challenge once with an AUTHENTICATE message for DOMAIN\\user', async () => {
    const h = handler()
    const answered = await h.respond?.(req, response(401, `NTLM ${type2}`))
    const type3 = Buffer.from(answered?.headers[0]?.value.replace(/^NTLM /, '') ?? '', 'base64')
    expect(type3.readUInt32LE(8)).toBe(3)
    const field = (at: number): Buffer =>
      type3.subarray(type3.readUInt32LE(at + 4), type3.readUInt32LE(at + 4) + type3.readUInt16LE(at))
    expect(field(28).toString('utf16le')).toBe('DOM')
    expect(field(36).toString('utf16le')).toBe('user')
    expect(await h.respond?.(req, response(401, `NTLM ${type2}`))).toBeUndefined()
  })

  it('ignores responses without a challenge token, and disableRetryRequest', async () => {
    expect(await handler().respond?.(req, response(401, 'NTLM'))).toBeUndefined()
    expect(await handler().respond?.(req, response(200, `NTLM ${type2}`))).toBeUndefined()
    const disabled = ntlmAuth(
      { type: 'ntlm', params: { username: 'u', password: 'p', disableRetryRequest: true } },
      context,
    )
    expect(await disabled.respond?.(req, response(401, `NTLM ${type2}`))).toBeUndefined()
  })
})
