// Refresh, and the handler's lifecycle (sign refreshes an expired token, respond answers a 401), against a real
// authorization server and a resource server that checks its tokens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createMemoryTokenStore,
  createOAuth2Handler,
  obtainToken,
  parseOAuth2Config,
  refreshToken,
  type OAuth2GrantOptions,
  type OAuth2Token,
  type TokenStore,
} from '../../src/auth/oauth2/index.js'
import { createAuthHandler } from '../../src/auth/index.js'
import type { AuthContext } from '../../src/auth/index.js'
import { isAppError } from '../../src/errors/index.js'
import {
  createUndiciTransport,
  defaultRequestSettings,
  type PreparedRequest,
  type Transport,
} from '../../src/http/index.js'
import { systemClock, systemRandom, type Clock } from '../../src/ports/index.js'
import { sendRequest } from '../../src/send/index.js'
import {
  basicClient,
  browserReceiver,
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

const files = { read: () => Promise.reject(new Error('no files here')) }

function params(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    grant_type: 'authorization_code_with_pkce',
    tokenName: 'lifecycle token',
    authUrl: as.authUrl,
    accessTokenUrl: as.tokenUrl,
    redirect_uri: as.redirectUri,
    clientId: basicClient.clientId,
    clientSecret: basicClient.clientSecret,
    scope: 'api:read',
    ...overrides,
  }
}

function grantOptions(clock: Clock = systemClock): OAuth2GrantOptions {
  return { transport, receiver: browserReceiver(), clock, random: systemRandom }
}

function context(
  tokens: TokenStore,
  clock: Clock = systemClock,
  extra: Partial<AuthContext['oauth2']> = {},
): AuthContext {
  return { clock, random: systemRandom, files, oauth2: { tokens, transport, ...extra } }
}

function resourceRequest(): PreparedRequest {
  return {
    method: 'GET',
    url: as.resourceUrl,
    headers: [],
    body: { type: 'none' },
    settings: defaultRequestSettings,
  }
}

const later = (ms: number): Clock => ({ now: () => new Date(Date.now() + ms) })

async function loggedIn(): Promise<OAuth2Token> {
  return obtainToken(parseOAuth2Config(params()), grantOptions())
}

describe('refresh', () => {
  it('refreshes a token, keeping its name, fields and grant, with a new expiry', async () => {
    const token = await loggedIn()
    const clock = later(3_600_000)
    const fresh = await refreshToken(token, parseOAuth2Config(params()), grantOptions(clock))
    expect(fresh.accessToken).not.toBe(token.accessToken)
    expect(fresh.name).toBe(token.name)
    expect(fresh.grant).toEqual(token.grant)
    expect(fresh.refreshToken).toEqual(expect.any(String))
    expect(Date.parse(fresh.expiresAt ?? '')).toBeGreaterThan(Date.parse(token.expiresAt ?? ''))
    expect(Date.parse(fresh.obtainedAt)).toBeGreaterThan(Date.parse(token.obtainedAt) + 3_500_000)
  })

  it('reports a refused refresh token as OAUTH2_REFRESH_FAILED', async () => {
    const token = { ...(await loggedIn()), refreshToken: 'revoked-or-made-up' }
    const error = await refreshToken(token, parseOAuth2Config(params()), grantOptions()).catch(
      (e: unknown) => e,
    )
    expect(isAppError(error, 'OAUTH2_REFRESH_FAILED') && error.details).toEqual({
      name: 'lifecycle token',
      tokenUrl: as.tokenUrl,
      error: 'invalid_grant',
    })
    expect(String((error as Error).message)).not.toContain('revoked-or-made-up')
  })
})

describe('the OAuth 2.0 handler', () => {
  it('signs with the stored token and refreshes it first when it has expired', async () => {
    const token = await loggedIn()
    const tokens = createMemoryTokenStore([token])
    const handler = createAuthHandler(
      { type: 'oauth2', params: params() },
      context(tokens, later(2 * 3_600_000)),
    )
    const signed = await handler.sign(resourceRequest())
    const stored = await tokens.get('lifecycle token')
    expect(stored?.accessToken).not.toBe(token.accessToken)
    expect(signed.headers).toContainEqual({
      key: 'Authorization',
      value: `Bearer ${stored?.accessToken ?? ''}`,
    })
    expect((await transport.send(signed)).status).toBe(200)
  })

  it('answers a 401 with a refreshed token, once', async () => {
    const token = { ...(await loggedIn()), accessToken: 'revoked-access-token' }
    const tokens = createMemoryTokenStore([token])
    const handler = createAuthHandler({ type: 'oauth2', params: params() }, context(tokens))
    const signed = await handler.sign(resourceRequest())
    const first = await transport.send(signed)
    expect(first.status).toBe(401)
    const retry = await handler.respond?.(signed, first)
    expect(retry).toBeDefined()
    if (retry === undefined) return
    const second = await transport.send(retry)
    expect(second.status).toBe(200)
    expect((await tokens.get('lifecycle token'))?.accessToken).not.toBe('revoked-access-token')
    expect(await handler.respond?.(retry, { ...second, status: 401 })).toBeUndefined()
  })

  it('lets sendRequest retry a 401 once with the refreshed token', async () => {
    const tokens = createMemoryTokenStore([{ ...(await loggedIn()), accessToken: 'revoked-access-token' }])
    const exchange = await sendRequest(
      { request: resourceRequest(), auth: { type: 'oauth2', params: params() } },
      { transport, authorize: { createHandler: createAuthHandler, context: context(tokens) } },
    )
    expect(exchange.hops.map((hop) => hop.response.status)).toEqual([401, 200])
  })

  it('obtains a client credentials token by itself and sends it as the access_token query param', async () => {
    const tokens = createMemoryTokenStore()
    const auth = {
      type: 'oauth2',
      params: {
        grant_type: 'client_credentials',
        accessTokenUrl: as.tokenUrl,
        clientId: basicClient.clientId,
        clientSecret: basicClient.clientSecret,
        addTokenTo: 'queryParams',
      },
    }
    const signed = await createAuthHandler(auth, context(tokens)).sign(resourceRequest())
    const [stored] = await tokens.list()
    expect(stored?.name).toBe(`client_credentials token (${basicClient.clientId})`)
    expect(new URL(signed.url).searchParams.get('access_token')).toBe(stored?.accessToken)
    expect((await transport.send(signed)).status).toBe(200)
  })

  it('fails with OAUTH2_TOKEN_MISSING for an interactive grant with no token, unless allowed to ask the user', async () => {
    const auth = { type: 'oauth2', params: params() }
    const error = await createOAuth2Handler(
      auth,
      context(createMemoryTokenStore(), systemClock, { receiver: browserReceiver() }),
    )
      .sign(resourceRequest())
      .catch((e: unknown) => e)
    expect(isAppError(error, 'OAUTH2_TOKEN_MISSING') && error.details).toEqual({
      name: 'lifecycle token',
      grantType: 'authorization_code_with_pkce',
    })
    const tokens = createMemoryTokenStore()
    const handler = createOAuth2Handler(
      auth,
      context(tokens, systemClock, { receiver: browserReceiver(), interactive: true }),
    )
    const signed = await handler.sign(resourceRequest())
    expect((await transport.send(signed)).status).toBe(200)
    expect(await tokens.get('lifecycle token')).toBeDefined()
  })

  it('refreshes from a refreshToken param when nothing is stored (CI)', async () => {
    const token = await loggedIn()
    const tokens = createMemoryTokenStore()
    const handler = createAuthHandler(
      { type: 'oauth2', params: params({ refreshToken: token.refreshToken }) },
      context(tokens),
    )
    const signed = await handler.sign(resourceRequest())
    expect((await transport.send(signed)).status).toBe(200)
    expect((await tokens.get('lifecycle token'))?.grant.clientId).toBe(basicClient.clientId)
  })
})
