// Token endpoint requests and responses against a fake Transport: what is sent, and what comes back as a token.
import { describe, expect, it } from 'vitest'
import { isAppError } from '../../errors/index.js'
import type { Transport, TransportRequest, TransportResponse } from '../../http/types.js'
import { obtainToken } from './obtain-token.js'
import { parseOAuth2Config } from './parse-oauth2-config.js'
import { refreshToken } from './refresh-token.js'
import type { OAuth2GrantOptions } from './token-request.js'
import type { OAuth2Token } from './types.js'

const now = new Date('2026-01-01T12:00:00Z')

function fakeTransport(status: number, body: string, contentType = 'application/json') {
  const sent: TransportRequest[] = []
  const transport: Transport = {
    send(request) {
      sent.push(request)
      const response: TransportResponse = {
        status,
        statusText: '',
        httpVersion: '1.1',
        headers: [{ key: 'Content-Type', value: contentType }],
        body: new TextEncoder().encode(body),
        timings: { firstByteMs: 0, downloadMs: 0, totalMs: 0 },
        sizes: { headersBytes: 0, bodyBytes: body.length, decodedBodyBytes: body.length },
      }
      return Promise.resolve(response)
    },
    session: () => {
      throw new Error('no sessions here')
    },
    close: () => Promise.resolve(),
  }
  const options: OAuth2GrantOptions = {
    transport,
    clock: { now: () => now },
    random: { bytes: (n) => new Uint8Array(n) },
  }
  return { sent, options }
}

const header = (request: TransportRequest | undefined, name: string) =>
  request?.headers.find((h) => h.key.toLowerCase() === name)?.value
const form = (request: TransportRequest | undefined) =>
  Object.fromEntries(new URLSearchParams(request?.body.type === 'text' ? request.body.text : ''))

const config = (overrides: Record<string, unknown> = {}) =>
  parseOAuth2Config({
    grant_type: 'authorization_code',
    tokenName: 'GoToMeeting',
    authUrl: 'https://authentication.logmeininc.com/oauth/authorize',
    accessTokenUrl: 'https://authentication.logmeininc.com/oauth/token',
    redirect_uri: 'https://oauth.pstmn.io/v1/callback',
    clientId: 'client',
    clientSecret: 'secret',
    ...overrides,
  })

const stored: OAuth2Token = {
  name: 'GoToMeeting',
  accessToken: 'old-access',
  tokenType: 'Bearer',
  refreshToken: 'old-refresh',
  expiresAt: '2026-01-01T11:00:00.000Z',
  obtainedAt: '2026-01-01T10:00:00.000Z',
  fields: {
    access_token: 'old-access',
    refresh_token: 'old-refresh',
    organizer_key: '123',
    principal: 'a@b.c',
  },
  grant: {
    grantType: 'authorization_code',
    tokenUrl: 'https://authentication.logmeininc.com/oauth/token',
    clientId: 'client',
    clientAuthentication: 'header',
  },
}

describe('refreshToken', () => {
  it('keeps the old refresh token and fields when the response repeats none, and moves expiresAt', async () => {
    const { sent, options } = fakeTransport(
      200,
      JSON.stringify({
        access_token: 'new-access',
        token_type: 'Bearer',
        expires_in: 3600,
        principal: 'a@b.c',
      }),
    )
    const fresh = await refreshToken(stored, config(), options)
    expect(fresh).toEqual({
      ...stored,
      accessToken: 'new-access',
      expiresAt: '2026-01-01T13:00:00.000Z',
      obtainedAt: '2026-01-01T12:00:00.000Z',
      fields: { ...stored.fields, access_token: 'new-access', token_type: 'Bearer', expires_in: 3600 },
    })
    // GoTo: same token URL, same Basic header, grant_type=refresh_token&refresh_token=…
    expect(sent[0]?.url).toBe('https://authentication.logmeininc.com/oauth/token')
    expect(header(sent[0], 'authorization')).toBe(`Basic ${btoa('client:secret')}`)
    expect(header(sent[0], 'accept')).toBe('application/json')
    expect(form(sent[0])).toEqual({ grant_type: 'refresh_token', refresh_token: 'old-refresh' })
  })

  it('uses the refresh token URL and refreshRequestParams by send_as, with the secret in the body', async () => {
    const { sent, options } = fakeTransport(200, JSON.stringify({ access_token: 'n', refresh_token: 'r2' }))
    const fresh = await refreshToken(
      stored,
      config({
        client_authentication: 'body',
        refreshTokenUrl: 'https://as.test/refresh',
        refreshRequestParams: [
          { key: 'b', value: '1', enabled: true, send_as: 'request_body' },
          { key: 'u', value: '2', enabled: true, send_as: 'request_url' },
          { key: 'X-H', value: '3', enabled: true, send_as: 'request_header' },
          { key: 'off', value: '4', enabled: false },
        ],
      }),
      options,
    )
    expect(fresh.refreshToken).toBe('r2')
    expect(fresh.tokenType).toBe('Bearer')
    // No expires_in: the new token's lifetime is unknown, so the old expiry must not make it look dead at once.
    expect(fresh.expiresAt).toBeUndefined()
    expect(sent[0]?.url).toBe('https://as.test/refresh?u=2')
    expect(header(sent[0], 'x-h')).toBe('3')
    expect(header(sent[0], 'authorization')).toBeUndefined()
    expect(form(sent[0])).toEqual({
      grant_type: 'refresh_token',
      refresh_token: 'old-refresh',
      b: '1',
      client_id: 'client',
      client_secret: 'secret',
    })
  })

  it('reports a refused refresh as OAUTH2_REFRESH_FAILED, without the tokens', async () => {
    const { options } = fakeTransport(400, JSON.stringify({ error: 'invalid_grant' }), 'text/plain')
    const error = await refreshToken(stored, config(), options).catch((e: unknown) => e)
    expect(isAppError(error, 'OAUTH2_REFRESH_FAILED') && error.details).toEqual({
      name: 'GoToMeeting',
      tokenUrl: 'https://authentication.logmeininc.com/oauth/token',
      error: 'invalid_grant',
    })
    expect(JSON.stringify(error) + String((error as Error).message)).not.toMatch(/old-refresh|secret/)
  })
})

describe('token responses', () => {
  it('keeps every field, lets an id_token through unvalidated and reads a missing token_type as Bearer', async () => {
    const body = { access_token: 'a', id_token: 'not.a.jwt', organizer_key: 42, expires_in: '60' }
    const { options } = fakeTransport(200, JSON.stringify(body))
    const token = await obtainToken(config({ grant_type: 'client_credentials' }), options)
    expect(token).toMatchObject({
      accessToken: 'a',
      tokenType: 'Bearer',
      expiresAt: '2026-01-01T12:01:00.000Z',
    })
    expect(token.fields).toEqual(body)
  })

  it('reports a 200 without access_token as OAUTH2_TOKEN_RESPONSE_INVALID', async () => {
    const { options } = fakeTransport(200, JSON.stringify({ token_type: 'Bearer' }))
    const error = await obtainToken(config({ grant_type: 'client_credentials' }), options).catch(
      (e: unknown) => e,
    )
    expect(isAppError(error, 'OAUTH2_TOKEN_RESPONSE_INVALID') && error.details.status).toBe(200)
  })

  it('sends the password grant with scope, audience and the Basic header', async () => {
    const { sent, options } = fakeTransport(200, JSON.stringify({ access_token: 'a', token_type: 'bearer' }))
    const token = await obtainToken(
      config({
        grant_type: 'password_credentials',
        username: 'alice',
        password: 'pw',
        scope: 's',
        audience: 'api',
      }),
      options,
    )
    expect(token.tokenType).toBe('bearer')
    expect(form(sent[0])).toEqual({
      grant_type: 'password',
      username: 'alice',
      password: 'pw',
      scope: 's',
      audience: 'api',
    })
  })
})

describe('implicit grant', () => {
  it('takes the token and its fields from the redirect fragment', async () => {
    const { sent, options } = fakeTransport(500, '')
    const token = await obtainToken(config({ grant_type: 'implicit', state: 'st' }), {
      ...options,
      receiver: {
        receive: () =>
          Promise.resolve({
            callbackUrl:
              'https://oauth.pstmn.io/v1/callback#access_token=t&token_type=Bearer&expires_in=3600&principal=a%40b.c&scope=collab%3A&state=st',
          }),
      },
    })
    expect(sent).toHaveLength(0)
    expect(token).toMatchObject({
      accessToken: 't',
      tokenType: 'Bearer',
      expiresAt: '2026-01-01T13:00:00.000Z',
      scope: 'collab:',
      fields: {
        access_token: 't',
        token_type: 'Bearer',
        expires_in: '3600',
        principal: 'a@b.c',
        scope: 'collab:',
      },
    })
  })
})
