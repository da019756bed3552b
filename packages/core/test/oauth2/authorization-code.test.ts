// The authorization code grant against a real authorization server (oidc-provider 9), the test playing the user.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isAppError } from '../../src/errors/index.js'
import { createUndiciTransport, type Transport } from '../../src/http/index.js'
import { obtainToken, parseOAuth2Config, type OAuth2GrantOptions } from '../../src/auth/oauth2/index.js'
import { systemClock, systemRandom } from '../../src/ports/index.js'
import {
  basicClient,
  browserReceiver,
  postClient,
  startAuthorizationServer,
  type AuthorizationServer,
} from './authorization-server.js'

let as: AuthorizationServer
let transport: Transport

beforeAll(async () => {
  as = await startAuthorizationServer()
  transport = createUndiciTransport({ proxy: 'none' })
})

afterAll(async () => {
  await transport.close()
  await as.close()
})

function config(overrides: Record<string, unknown> = {}) {
  return parseOAuth2Config({
    grant_type: 'authorization_code_with_pkce',
    tokenName: 'test token',
    authUrl: as.authUrl,
    accessTokenUrl: as.tokenUrl,
    redirect_uri: as.redirectUri,
    clientId: basicClient.clientId,
    clientSecret: basicClient.clientSecret,
    scope: 'api:read',
    client_authentication: 'header',
    ...overrides,
  })
}

function options(receiver = browserReceiver()): OAuth2GrantOptions {
  return { transport, receiver, clock: systemClock, random: systemRandom }
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected a rejection')
}

describe('authorization code grant', () => {
  it('gets a token with PKCE S256 and the client secret in a Basic header', async () => {
    const receiver = browserReceiver()
    const token = await obtainToken(config(), options(receiver))
    expect(token).toMatchObject({ name: 'test token', tokenType: 'Bearer', scope: 'api:read' })
    expect(token.accessToken).not.toBe('')
    expect(token.refreshToken).toEqual(expect.any(String))
    expect(token.expiresAt).toEqual(expect.any(String))
    expect(token.fields).toMatchObject({
      access_token: token.accessToken,
      token_type: 'Bearer',
      expires_in: expect.any(Number),
    })
    expect(token.grant).toEqual({
      grantType: 'authorization_code_with_pkce',
      tokenUrl: as.tokenUrl,
      clientId: basicClient.clientId,
      clientAuthentication: 'header',
    })
    const sent = new URL(receiver.requests[0]?.authorizationUrl ?? '')
    expect(sent.searchParams.get('code_challenge_method')).toBe('S256')
    expect(sent.searchParams.get('state')).toBe(receiver.requests[0]?.state)
    expect(JSON.stringify(token.grant)).not.toContain(basicClient.clientSecret)
  })

  it('gets a token with the client secret in the body', async () => {
    const token = await obtainToken(
      config({
        grant_type: 'authorization_code',
        clientId: postClient.clientId,
        clientSecret: postClient.clientSecret,
        client_authentication: 'body',
      }),
      options(),
    )
    expect(token.accessToken).not.toBe('')
    expect(token.grant.clientAuthentication).toBe('body')
  })

  it('reports a wrong client secret as OAUTH2_TOKEN_REJECTED invalid_client, without the secret', async () => {
    const error = await rejection(obtainToken(config({ clientSecret: 'wrong-secret' }), options()))
    expect(isAppError(error, 'OAUTH2_TOKEN_REJECTED')).toBe(true)
    if (!isAppError(error, 'OAUTH2_TOKEN_REJECTED')) return
    expect(error.details).toMatchObject({ tokenUrl: as.tokenUrl, error: 'invalid_client', status: 401 })
    expect(JSON.stringify(error) + error.message).not.toContain('wrong-secret')
  })

  it('sends the configured state and checks it', async () => {
    const receiver = browserReceiver()
    await obtainToken(config({ state: 'configured-state' }), options(receiver))
    expect(receiver.requests[0]?.state).toBe('configured-state')
  })

  it('reports denied consent as OAUTH2_ACCESS_DENIED with the description', async () => {
    as.user.consent = 'deny'
    try {
      const error = await rejection(obtainToken(config(), options()))
      expect(isAppError(error, 'OAUTH2_ACCESS_DENIED')).toBe(true)
      if (!isAppError(error, 'OAUTH2_ACCESS_DENIED')) return
      expect(error.details).toEqual({
        authUrl: as.authUrl,
        error: 'access_denied',
        description: 'alice clicked Deny',
      })
    } finally {
      as.user.consent = 'allow'
    }
  })

  it('refuses a redirect whose state was tampered with (OAUTH2_STATE_MISMATCH)', async () => {
    const receiver = browserReceiver({ tamper: (url) => url.searchParams.set('state', 'forged') })
    const error = await rejection(obtainToken(config(), options(receiver)))
    expect(isAppError(error, 'OAUTH2_STATE_MISMATCH')).toBe(true)
  })

  it('exchanges a bare code pasted by hand', async () => {
    const browser = browserReceiver()
    const token = await obtainToken(config(), {
      ...options(),
      receiver: {
        async receive(request) {
          const answer = await browser.receive(request)
          return {
            code: new URL('callbackUrl' in answer ? answer.callbackUrl : '').searchParams.get('code') ?? '',
          }
        },
      },
    })
    expect(token.accessToken).not.toBe('')
  })
})
