import { createHash, createHmac } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEchoServer, type EchoServer } from './echo-server.js'
import { DigestVerifier } from './digest-auth.js'
import { postmanEchoCredentials } from './postman-echo-credentials.js'

const nowMs = Date.UTC(2024, 0, 2, 3, 4, 5)
let echo: EchoServer
beforeAll(async () => {
  echo = await startEchoServer({ nowMs: () => nowMs })
})
afterAll(() => echo.close())

const md5 = (text: string) => createHash('md5').update(text).digest('hex')

/** A client's RFC 7616 computation for `qop=auth`, written independently of the server. */
function digestHeader(challenge: string, options: { password: string; uri: string; nc?: string }): string {
  const field = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(challenge)?.[1] ?? ''
  const realm = field('realm')
  const nonce = field('nonce')
  const nc = options.nc ?? '00000001'
  const cnonce = '0a4f113b'
  const ha1 = md5(`postman:${realm}:${options.password}`)
  const ha2 = md5(`GET:${options.uri}`)
  const response = md5(`${ha1}:${nonce}:${nc}:${cnonce}:auth:${ha2}`)
  return `Digest username="postman", realm="${realm}", nonce="${nonce}", uri="${options.uri}", algorithm=MD5, qop=auth, nc=${nc}, cnonce="${cnonce}", response="${response}"`
}

describe('/digest-auth', () => {
  it('challenges with realm Users, MD5 and qop=auth, a new nonce each time', async () => {
    const first = await fetch(`${echo.url}/digest-auth`)
    const second = await fetch(`${echo.url}/digest-auth`)
    expect(first.status).toBe(401)
    const challenge = first.headers.get('www-authenticate') ?? ''
    expect(challenge).toMatch(/^Digest realm="Users", nonce="[0-9a-f]{32}", qop="auth", algorithm=MD5$/)
    expect(second.headers.get('www-authenticate')).not.toBe(challenge)
  })

  it('accepts a correct response, also to a nonce it did not issue (as postman-echo), and refuses a wrong password or another uri', async () => {
    const challenge = (await fetch(`${echo.url}/digest-auth`)).headers.get('www-authenticate') ?? ''
    const send = (authorization: string) => fetch(`${echo.url}/digest-auth`, { headers: { authorization } })
    const ok = await send(digestHeader(challenge, { password: 'password', uri: '/digest-auth' }))
    expect([ok.status, await ok.json()]).toEqual([200, { authenticated: true }])
    expect((await send(digestHeader(challenge, { password: 'nope', uri: '/digest-auth' }))).status).toBe(401)
    const fixed = challenge.replace(/nonce="[^"]*"/, 'nonce="ni1LiL0O37PRRhofWdCLmwFsnEtH1lew"')
    expect((await send(digestHeader(fixed, { password: 'password', uri: '/digest-auth' }))).status).toBe(200)
    expect((await send(digestHeader(fixed, { password: 'nope', uri: '/digest-auth' }))).status).toBe(401)
    expect((await send(digestHeader(challenge, { password: 'password', uri: '/other' }))).status).toBe(401)
  })

  it('DigestVerifier refuses a nonce it did not issue unless told to accept any', () => {
    const header = (nonce: string) => {
      const response = md5(`${md5('postman:Users:password')}:${nonce}:${md5('GET:/d')}`)
      return `Digest username="postman", realm="Users", nonce="${nonce}", uri="/d", response="${response}"`
    }
    const strict = new DigestVerifier(postmanEchoCredentials.digest)
    expect(strict.verify('GET', '/d', header('n0'))).toEqual({ type: 'fail', reason: 'unknown nonce' })
    const issued = /nonce="([^"]*)"/.exec(strict.challenge())?.[1] ?? ''
    expect(strict.verify('GET', '/d', header(issued))).toEqual({ type: 'pass' })
    const lenient = new DigestVerifier({ ...postmanEchoCredentials.digest, nonces: 'any' })
    expect(lenient.verify('GET', '/d', header('n0'))).toEqual({ type: 'pass' })
  })

  it('accepts RFC 2069 responses without qop (Postman with an empty qop)', async () => {
    const challenge = (await fetch(`${echo.url}/digest-auth`)).headers.get('www-authenticate') ?? ''
    const nonce = /nonce="([^"]*)"/.exec(challenge)?.[1] ?? ''
    const response = md5(`${md5('postman:Users:password')}:${nonce}:${md5('GET:/digest-auth')}`)
    const authorization = `Digest username="postman", realm="Users", nonce="${nonce}", uri="/digest-auth", response="${response}"`
    expect((await fetch(`${echo.url}/digest-auth`, { headers: { authorization } })).status).toBe(200)
  })
})

/** A Hawk client header per the spec (hawk.1.header normalized string, HMAC-SHA256, base64). */
function hawkHeader(options: {
  path: string
  method?: string
  key?: string
  ts?: number
  payload?: string
}): string {
  const { hostname, port } = new URL(echo.url)
  const ts = options.ts ?? Math.floor(nowMs / 1000)
  const nonce = 'eFRP2o'
  const ext = 'skjdfklsjhdflkjhsdf'
  const hash =
    options.payload === undefined
      ? ''
      : createHash('sha256').update(`hawk.1.payload\ntext/plain\n${options.payload}\n`).digest('base64')
  const normalized = `hawk.1.header\n${ts}\n${nonce}\n${options.method ?? 'GET'}\n${options.path}\n${hostname}\n${port}\n${hash}\n${ext}\n`
  const mac = createHmac('sha256', options.key ?? 'werxhqb98rpaxn39848xrunpaw3489ruxnpa98w4rxn')
    .update(normalized)
    .digest('base64')
  const hashPart = hash ? `, hash="${hash}"` : ''
  return `Hawk id="dh37fgj492je", ts="${ts}", nonce="${nonce}"${hashPart}, ext="${ext}", mac="${mac}"`
}

describe('/auth/hawk', () => {
  it('accepts a correct MAC', async () => {
    const res = await fetch(`${echo.url}/auth/hawk?a=1`, {
      headers: { authorization: hawkHeader({ path: '/auth/hawk?a=1' }) },
    })
    expect([res.status, await res.json()]).toEqual([200, { message: 'Hawk Authentication Successful' }])
  })

  it('checks the payload hash when the client sends one', async () => {
    const post = (payload: string, body: string) =>
      fetch(`${echo.url}/auth/hawk`, {
        method: 'POST',
        headers: {
          'content-type': 'text/plain',
          authorization: hawkHeader({ path: '/auth/hawk', method: 'POST', payload }),
        },
        body,
      })
    expect((await post('hello', 'hello')).status).toBe(200)
    const tampered = await post('hello', 'HELLO')
    expect([tampered.status, ((await tampered.json()) as { message: string }).message]).toEqual([
      401,
      'Bad payload hash',
    ])
  })

  it('refuses a wrong key, another resource or a stale timestamp', async () => {
    const send = (authorization: string) => fetch(`${echo.url}/auth/hawk`, { headers: { authorization } })
    const bad = await send(hawkHeader({ path: '/auth/hawk', key: 'wrong' }))
    expect(bad.status).toBe(401)
    expect(bad.headers.get('www-authenticate')).toBe('Hawk error="Bad mac"')
    expect((await send(hawkHeader({ path: '/auth/hawk?x=1' }))).status).toBe(401)
    const stale = await send(hawkHeader({ path: '/auth/hawk', ts: nowMs / 1000 - 3600 }))
    expect(stale.headers.get('www-authenticate')).toMatch(/error="Stale timestamp"/)
  })
})
