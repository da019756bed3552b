import { describe, expect, it } from 'vitest'
import { isAppError } from '../../errors/index.js'
import {
  authorizationRequest,
  processAuthorizationResponse,
  type AuthorizationSession,
} from './authorization-request.js'
import { parseOAuth2Config } from './parse-oauth2-config.js'

const random = { bytes: (length: number) => new Uint8Array(length).fill(7) }

const config = (overrides: Record<string, unknown> = {}) =>
  parseOAuth2Config({
    grant_type: 'authorization_code',
    authUrl: 'https://as.test/authorize?tenant=t1',
    accessTokenUrl: 'https://as.test/token',
    clientId: 'client',
    clientSecret: 'secret',
    redirect_uri: 'http://127.0.0.1:5000/callback',
    scope: 'collab:',
    ...overrides,
  })

function failure(session: AuthorizationSession, callbackUrl: string): unknown {
  try {
    processAuthorizationResponse(session, { callbackUrl })
  } catch (error) {
    return error
  }
  throw new Error('expected an error')
}

describe('authorizationRequest', () => {
  it('builds the authorization URL with a random state, keeping the URL query and adding extra params', async () => {
    const session = await authorizationRequest(
      config({
        authRequestParams: [{ key: 'prompt', value: 'login', enabled: true }],
        audience: { row: 'api' },
      }),
      { random },
    )
    const url = new URL(session.request.authorizationUrl)
    expect(Object.fromEntries(url.searchParams)).toEqual({
      tenant: 't1',
      response_type: 'code',
      client_id: 'client',
      redirect_uri: 'http://127.0.0.1:5000/callback',
      scope: 'collab:',
      state: 'BwcHBwcHBwcHBwcHBwcHBw',
      audience: 'api',
      prompt: 'login',
    })
    expect(session.request).toMatchObject({
      redirectUri: 'http://127.0.0.1:5000/callback',
      timeoutMs: 300_000,
    })
    expect(session.codeVerifier).toBeUndefined()
    expect(session.request.authorizationUrl).not.toContain('secret')
  })

  it('sends an S256 challenge of the configured verifier (RFC 7636 appendix B)', async () => {
    const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'
    const session = await authorizationRequest(
      config({ grant_type: 'authorization_code_with_pkce', code_verifier: verifier }),
      { random },
    )
    const url = new URL(session.request.authorizationUrl)
    expect(url.searchParams.get('code_challenge')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM')
    expect(url.searchParams.get('code_challenge_method')).toBe('S256')
    expect(session.codeVerifier).toBe(verifier)
  })

  it('sends the verifier itself with the plain method, and a random one when none is configured', async () => {
    const session = await authorizationRequest(
      config({ grant_type: 'authorization_code_with_pkce', challengeAlgorithm: 'plain' }),
      { random },
    )
    const url = new URL(session.request.authorizationUrl)
    expect(session.codeVerifier).toHaveLength(43)
    expect(url.searchParams.get('code_challenge')).toBe(session.codeVerifier)
    expect(url.searchParams.get('code_challenge_method')).toBe('plain')
  })
})

describe('processAuthorizationResponse', () => {
  it('accepts the whole redirect URL or a bare code', async () => {
    const session = await authorizationRequest(config({ state: 's1' }), { random })
    const fromUrl = processAuthorizationResponse(session, {
      callbackUrl: 'http://127.0.0.1:5000/callback?code=abc&state=s1',
    })
    expect(fromUrl.get('code')).toBe('abc')
    expect(processAuthorizationResponse(session, { code: ' abc \n' }).get('code')).toBe('abc')
    // Pasted by hand into the code field: the whole URL, so its state is still checked.
    const pasted = processAuthorizationResponse(session, {
      code: 'http://127.0.0.1:5000/callback?code=xyz&state=s1',
    })
    expect(pasted.get('code')).toBe('xyz')
    expect(() =>
      processAuthorizationResponse(session, { code: 'https://x.test/cb?code=xyz&state=nope' }),
    ).toThrow(/state/)
  })

  it('refuses a redirect with another or no state (OAUTH2_STATE_MISMATCH)', async () => {
    const session = await authorizationRequest(config({ state: 's1' }), { random })
    const error = failure(session, 'http://127.0.0.1:5000/callback?code=abc&state=s2')
    expect(isAppError(error, 'OAUTH2_STATE_MISMATCH') && error.details).toEqual({
      authUrl: 'https://as.test/authorize',
    })
    expect(
      isAppError(failure(session, 'http://127.0.0.1:5000/callback?code=abc'), 'OAUTH2_STATE_MISMATCH'),
    ).toBe(true)
    expect(String((error as Error).message)).not.toContain('abc')
  })

  it('reports access_denied with its description (OAUTH2_ACCESS_DENIED)', async () => {
    const session = await authorizationRequest(config({ state: 's1' }), { random })
    const error = failure(
      session,
      'http://127.0.0.1:5000/callback?error=access_denied&error_description=The+user+said+no&state=s1',
    )
    expect(isAppError(error, 'OAUTH2_ACCESS_DENIED') && error.details).toEqual({
      authUrl: 'https://as.test/authorize',
      error: 'access_denied',
      description: 'The user said no',
    })
  })

  it('takes the implicit grant token from the fragment', async () => {
    const session = await authorizationRequest(config({ grant_type: 'implicit', state: 's1' }), { random })
    expect(new URL(session.request.authorizationUrl).searchParams.get('response_type')).toBe('token')
    const params = processAuthorizationResponse(session, {
      callbackUrl: 'http://127.0.0.1:5000/callback#access_token=t&token_type=Bearer&expires_in=3600&state=s1',
    })
    expect(params.get('access_token')).toBe('t')
    expect(() => processAuthorizationResponse(session, { code: 't' })).toThrow(/whole redirect URL/)
  })
})
