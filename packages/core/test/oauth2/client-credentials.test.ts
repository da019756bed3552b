// The client credentials grant against a real authorization server, and a token endpoint that answers HTML.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { obtainToken, parseOAuth2Config, type OAuth2GrantOptions } from '../../src/auth/oauth2/index.js'
import { isAppError } from '../../src/errors/index.js'
import { createUndiciTransport, type Transport } from '../../src/http/index.js'
import { systemClock, systemRandom } from '../../src/ports/index.js'
import {
  basicClient,
  postClient,
  startAuthorizationServer,
  type AuthorizationServer,
} from './authorization-server.js'

let as: AuthorizationServer
let html: Server
let htmlUrl: string
let transport: Transport

beforeAll(async () => {
  as = await startAuthorizationServer()
  // A "token endpoint" that is really a login page, as a wrong Access Token URL often is.
  html = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8')
    res.end('<!doctype html><title>Sign in</title><form></form>')
  })
  await new Promise<void>((resolve) => html.listen(0, '127.0.0.1', resolve))
  htmlUrl = `http://127.0.0.1:${(html.address() as AddressInfo).port}/oauth/token`
  transport = createUndiciTransport({ proxy: 'none' })
})

afterAll(async () => {
  await transport.close()
  await as.close()
  await new Promise((resolve) => html.close(resolve))
})

const options = (): OAuth2GrantOptions => ({ transport, clock: systemClock, random: systemRandom })

function config(overrides: Record<string, unknown> = {}) {
  return parseOAuth2Config({
    grant_type: 'client_credentials',
    tokenName: 'ci token',
    accessTokenUrl: as.tokenUrl,
    clientId: basicClient.clientId,
    clientSecret: basicClient.clientSecret,
    ...overrides,
  })
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected a rejection')
}

describe('client credentials grant', () => {
  it('gets a token with the client secret in a Basic header', async () => {
    const token = await obtainToken(config({ scope: 'api:read' }), options())
    expect(token).toMatchObject({
      name: 'ci token',
      tokenType: 'Bearer',
      grant: { grantType: 'client_credentials' },
    })
    expect(token.accessToken).not.toBe('')
    expect(token.fields).toMatchObject({ access_token: token.accessToken, expires_in: expect.any(Number) })
  })

  it('gets a token with the client secret in the body', async () => {
    const token = await obtainToken(
      config({
        clientId: postClient.clientId,
        clientSecret: postClient.clientSecret,
        client_authentication: 'body',
      }),
      options(),
    )
    expect(token.accessToken).not.toBe('')
  })

  it('reports a wrong client secret as OAUTH2_TOKEN_REJECTED invalid_client', async () => {
    const error = await rejection(obtainToken(config({ clientSecret: 'not-the-secret' }), options()))
    expect(isAppError(error, 'OAUTH2_TOKEN_REJECTED') && error.details.error).toBe('invalid_client')
    expect(String((error as Error).message)).not.toContain('not-the-secret')
  })

  it('reports a token endpoint answering HTML as OAUTH2_TOKEN_RESPONSE_INVALID', async () => {
    const error = await rejection(obtainToken(config({ accessTokenUrl: htmlUrl }), options()))
    expect(isAppError(error, 'OAUTH2_TOKEN_RESPONSE_INVALID')).toBe(true)
    if (!isAppError(error, 'OAUTH2_TOKEN_RESPONSE_INVALID')) return
    expect(error.details).toMatchObject({ tokenUrl: htmlUrl, status: 200 })
    expect(error.message).not.toContain(basicClient.clientSecret)
  })

  it('lets the transport timeout through as HTTP_TIMEOUT', async () => {
    const silent = createServer(() => undefined)
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    try {
      const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/token`
      const error = await rejection(
        obtainToken(config({ accessTokenUrl: url }), { ...options(), timeoutMs: 200 }),
      )
      expect(isAppError(error, 'HTTP_TIMEOUT')).toBe(true)
    } finally {
      silent.closeAllConnections()
      await new Promise((resolve) => silent.close(resolve))
    }
  })
})
