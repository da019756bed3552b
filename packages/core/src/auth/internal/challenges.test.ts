import { describe, expect, it } from 'vitest'
import { parseChallenges } from './challenges.js'

describe('parseChallenges', () => {
  it('reads quoted and token params of several challenges in one value', () => {
    expect(
      parseChallenges([
        'Basic realm="a, b", Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v"',
      ]),
    ).toEqual([
      { scheme: 'Basic', params: { realm: 'a, b' } },
      {
        scheme: 'Digest',
        params: {
          realm: 'http-auth@example.org',
          qop: 'auth, auth-int',
          algorithm: 'SHA-256',
          nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v',
        },
      },
    ])
  })

  it('reads token68 forms and bare schemes', () => {
    expect(parseChallenges(['NTLM TlRMTVNTUAACAAAA==', 'Negotiate, NTLM'])).toEqual([
      { scheme: 'NTLM', params: {}, token68: 'TlRMTVNTUAACAAAA==' },
      { scheme: 'Negotiate', params: {} },
      { scheme: 'NTLM', params: {} },
    ])
  })

  it('unescapes quoted pairs', () => {
    expect(parseChallenges(['Digest realm="say \\"hi\\""'])[0]?.params).toEqual({ realm: 'say "hi"' })
  })
})
