import { createHash } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { driveAuthorization } from '../drive-authorization.js'
import { startGotoSandbox, type GotoSandbox, type GotoSandboxOptions } from '../start-goto-sandbox.js'

const REDIRECT = 'https://oauth.pstmn.io/v1/callback'
const basic = (id: string, secret: string): string =>
  `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`
const BASIC = basic('courier-demo', 'courier-demo-secret')

let goto: GotoSandbox | undefined
let clockMs = Date.UTC(2026, 0, 1)
afterEach(async () => {
  await goto?.close()
  goto = undefined
})

async function start(options: GotoSandboxOptions = {}): Promise<GotoSandbox> {
  goto = await startGotoSandbox({ now: () => clockMs, ...options })
  return goto
}

async function token(
  sandbox: GotoSandbox,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
) {
  const res = await fetch(sandbox.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  })
  return { res, body: (await res.json()) as Record<string, unknown> }
}

async function code(sandbox: GotoSandbox, extra: Record<string, string> = {}): Promise<string> {
  const query = new URLSearchParams({
    client_id: 'courier-demo',
    response_type: 'code',
    redirect_uri: REDIRECT,
    ...extra,
  })
  const { params } = await driveAuthorization(`${sandbox.authorizeUrl}?${query.toString()}`)
  return params.get('code') ?? ''
}

async function tokensFor(sandbox: GotoSandbox): Promise<Record<string, unknown>> {
  const fields = { grant_type: 'authorization_code', code: await code(sandbox), redirect_uri: REDIRECT }
  return (await token(sandbox, fields, { authorization: BASIC })).body
}

describe('client authentication', () => {
  it('answers 401 invalid_client with a Basic challenge for a wrong secret', async () => {
    const sandbox = await start()
    const fields = { grant_type: 'authorization_code', code: await code(sandbox), redirect_uri: REDIRECT }
    const { res, body } = await token(sandbox, fields, { authorization: basic('courier-demo', 'nope') })
    expect(res.status).toBe(401)
    expect(res.headers.get('www-authenticate')).toMatch(/^Basic /)
    expect(body).toEqual({ error: 'invalid_client', error_description: expect.any(String) })
  })

  it('answers 401 invalid_client without any client authentication', async () => {
    const sandbox = await start()
    const fields = { grant_type: 'authorization_code', code: await code(sandbox), redirect_uri: REDIRECT }
    const { res, body } = await token(sandbox, fields)
    expect(res.status).toBe(401)
    expect(res.headers.get('www-authenticate')).toMatch(/^Basic /)
    expect(body.error).toBe('invalid_client')
  })

  it('also accepts client_secret_post, as the RFC 8414 metadata lists', async () => {
    const sandbox = await start()
    const fields = {
      grant_type: 'authorization_code',
      code: await code(sandbox),
      redirect_uri: REDIRECT,
      client_id: 'courier-demo',
      client_secret: 'courier-demo-secret',
    }
    const { res, body } = await token(sandbox, fields)
    expect(res.status).toBe(200)
    expect(body.token_type).toBe('Bearer')
  })

  it('refuses two client authentication methods at once', async () => {
    const sandbox = await start()
    const fields = { grant_type: 'refresh_token', refresh_token: 'x', client_secret: 'courier-demo-secret' }
    const { res, body } = await token(sandbox, fields, { authorization: BASIC })
    expect(res.status).toBe(400)
    expect(body.error).toBe('invalid_request')
  })
})

describe('PKCE', () => {
  const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'
  const challenge = createHash('sha256').update(verifier).digest('base64url')

  it('exchanges the code when the S256 verifier matches', async () => {
    const sandbox = await start()
    const c = await code(sandbox, { code_challenge: challenge, code_challenge_method: 'S256' })
    const fields = {
      grant_type: 'authorization_code',
      code: c,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
    }
    expect((await token(sandbox, fields, { authorization: BASIC })).res.status).toBe(200)
  })

  it('refuses a wrong or missing verifier with invalid_grant', async () => {
    const sandbox = await start()
    for (const bad of [{ code_verifier: 'not-the-verifier-not-the-verifier-not-the-verifier' }, {}]) {
      const c = await code(sandbox, { code_challenge: challenge, code_challenge_method: 'S256' })
      const fields = { grant_type: 'authorization_code', code: c, redirect_uri: REDIRECT, ...bad }
      const { res, body } = await token(sandbox, fields, { authorization: BASIC })
      expect(res.status).toBe(400)
      expect(body.error).toBe('invalid_grant')
    }
  })

  it('checks a plain challenge (the default method) by equality', async () => {
    const sandbox = await start()
    const c = await code(sandbox, { code_challenge: verifier })
    const good = {
      grant_type: 'authorization_code',
      code: c,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
    }
    expect((await token(sandbox, good, { authorization: BASIC })).res.status).toBe(200)
  })
})

describe('refresh_token grant', () => {
  it('answers without a refresh_token by default, and the old refresh token keeps working', async () => {
    const sandbox = await start()
    const first = await tokensFor(sandbox)
    const refresh = { grant_type: 'refresh_token', refresh_token: String(first.refresh_token) }
    const one = await token(sandbox, refresh, { authorization: BASIC })
    expect(one.res.status).toBe(200)
    expect(one.body).not.toHaveProperty('refresh_token')
    expect(one.body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 3600,
      version: '3',
      principal: 'ada@example.com',
    })
    expect(one.body.access_token).not.toBe(first.access_token)
    const two = await token(sandbox, refresh, { authorization: BASIC })
    expect(two.res.status).toBe(200)
  })

  it('rotates when asked: a new refresh_token, and the old one is refused', async () => {
    const sandbox = await start({ rotateRefreshTokens: true })
    const first = await tokensFor(sandbox)
    const refresh = { grant_type: 'refresh_token', refresh_token: String(first.refresh_token) }
    const one = await token(sandbox, refresh, { authorization: BASIC })
    expect(one.body.refresh_token).toEqual(expect.any(String))
    expect(one.body.refresh_token).not.toBe(first.refresh_token)
    const reused = await token(sandbox, refresh, { authorization: BASIC })
    expect(reused.body.error).toBe('invalid_grant')
    const next = { grant_type: 'refresh_token', refresh_token: String(one.body.refresh_token) }
    expect((await token(sandbox, next, { authorization: BASIC })).res.status).toBe(200)
  })

  it('refuses a revoked, expired, unknown or another client’s refresh token with invalid_grant', async () => {
    const other = { clientId: 'other', clientSecret: 'other-secret', redirectUris: [REDIRECT] }
    const sandbox = await start({
      refreshTokenTtlSeconds: 100,
      clients: [
        { clientId: 'courier-demo', clientSecret: 'courier-demo-secret', redirectUris: [REDIRECT] },
        other,
      ],
    })
    const first = await tokensFor(sandbox)
    const refresh = { grant_type: 'refresh_token', refresh_token: String(first.refresh_token) }
    expect(
      (await token(sandbox, refresh, { authorization: basic('other', 'other-secret') })).body.error,
    ).toBe('invalid_grant')
    const unknown = { grant_type: 'refresh_token', refresh_token: 'unknown' }
    expect((await token(sandbox, unknown, { authorization: BASIC })).body.error).toBe('invalid_grant')
    clockMs += 101_000
    expect((await token(sandbox, refresh, { authorization: BASIC })).body.error).toBe('invalid_grant')

    const second = await tokensFor(sandbox)
    sandbox.revokeRefreshTokens()
    const revoked = { grant_type: 'refresh_token', refresh_token: String(second.refresh_token) }
    const { res, body } = await token(sandbox, revoked, { authorization: BASIC })
    expect(res.status).toBe(400)
    expect(body.error).toBe('invalid_grant')
  })
})

describe('other requests', () => {
  it('answers unsupported_grant_type for a grant it does not know', async () => {
    const sandbox = await start()
    const { res, body } = await token(sandbox, { grant_type: 'password' }, { authorization: BASIC })
    expect(res.status).toBe(400)
    expect(body.error).toBe('unsupported_grant_type')
  })

  it('answers invalid_request for a missing code or a JSON body', async () => {
    const sandbox = await start()
    const missing = await token(sandbox, { grant_type: 'authorization_code' }, { authorization: BASIC })
    expect(missing.body.error).toBe('invalid_request')
    const json = await fetch(sandbox.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: BASIC },
      body: '{}',
    })
    expect(json.status).toBe(400)
  })
})
