// Signs requests with createAuthHandler and sends them with plain fetch to servers that really verify them:
// @courier/testkit's postman-echo routes, and an NTLM server below that checks NTLMv2 on its own.
import { createHmac, randomBytes } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { postmanEchoCredentials, startEchoServer, type EchoServer } from '@courier/testkit'
import { md4 } from 'hash-wasm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createAuthHandler,
  defaultRequestSettings,
  type AuthContext,
  type PreparedRequest,
  type TransportResponse,
} from '../../src/index.js'

const nowMs = 1_700_000_000_000
const context: AuthContext = {
  clock: { now: () => new Date(nowMs) },
  random: { bytes: (n) => randomBytes(n) },
  files: { read: () => Promise.reject(new Error('no files')) },
}

function request(url: string, extra: Partial<PreparedRequest> = {}): PreparedRequest {
  return {
    method: 'GET',
    url,
    headers: [],
    body: { type: 'none' },
    settings: defaultRequestSettings,
    ...extra,
  }
}

async function send(prepared: PreparedRequest): Promise<TransportResponse & { text: string }> {
  const body = prepared.body.type === 'text' ? prepared.body.text : undefined
  const res = await fetch(prepared.url, {
    method: prepared.method,
    headers: prepared.headers.map(({ key, value }) => [key, value] as [string, string]),
    ...(body === undefined ? {} : { body }),
  })
  const bytes = new Uint8Array(await res.arrayBuffer())
  const headers: { key: string; value: string }[] = []
  res.headers.forEach((value, key) => headers.push({ key, value }))
  return {
    status: res.status,
    statusText: res.statusText,
    httpVersion: '1.1',
    headers,
    body: bytes,
    timings: { firstByteMs: 0, downloadMs: 0, totalMs: 0 },
    sizes: { headersBytes: 0, bodyBytes: bytes.length, decodedBodyBytes: bytes.length },
    text: new TextDecoder().decode(bytes),
  }
}

/** Signs, sends, and answers one challenge when the handler has something to say (digest, NTLM). */
async function exchange(type: string, params: Record<string, unknown>, prepared: PreparedRequest) {
  const handler = createAuthHandler({ type, params }, context)
  const signed = await handler.sign(prepared)
  const first = await send(signed)
  const retry = await handler.respond?.(signed, first)
  return retry === undefined ? first : send(retry)
}

describe('against the postman-echo compatible verifiers', () => {
  let echo: EchoServer
  beforeAll(async () => {
    echo = await startEchoServer({ nowMs: () => nowMs })
  })
  afterAll(() => echo.close())

  it('basic: the right credentials pass, wrong ones do not', async () => {
    expect(
      (await exchange('basic', postmanEchoCredentials.basic, request(`${echo.url}/basic-auth`))).status,
    ).toBe(200)
    const wrong = await exchange(
      'basic',
      { username: 'postman', password: 'nope' },
      request(`${echo.url}/basic-auth`),
    )
    expect(wrong.status).toBe(401)
  })

  it('digest: answers the 401 challenge and is let in', async () => {
    const { username, password } = postmanEchoCredentials.digest
    const res = await exchange('digest', { username, password }, request(`${echo.url}/digest-auth`))
    expect(res.status).toBe(200)
    expect(JSON.parse(res.text)).toEqual({ authenticated: true })
    const wrong = await exchange('digest', { username, password: 'nope' }, request(`${echo.url}/digest-auth`))
    expect(wrong.status).toBe(401)
  })

  it('hawk: GET, and POST with a payload hash', async () => {
    const { id, key } = postmanEchoCredentials.hawk
    const params = { authId: id, authKey: key, algorithm: 'sha256', extraData: 'some-app-ext-data' }
    expect((await exchange('hawk', params, request(`${echo.url}/auth/hawk?b=1&a=2`))).status).toBe(200)
    const post = request(`${echo.url}/auth/hawk`, {
      method: 'POST',
      headers: [{ key: 'Content-Type', value: 'text/plain' }],
      body: { type: 'text', text: 'Thank you for flying Hawk' },
    })
    const res = await exchange('hawk', { ...params, includePayloadHash: true }, post)
    expect(res.text).toContain('Hawk Authentication Successful')
    expect((await exchange('hawk', { ...params, authKey: 'wrong' }, post)).status).toBe(401)
  })

  it('oauth1: header, query and form body placements, with query and body params signed', async () => {
    const credentials = postmanEchoCredentials.oauth1
    const form = request(`${echo.url}/oauth1?hi=hello&yo=true`, {
      method: 'POST',
      headers: [{ key: 'Content-Type', value: 'application/x-www-form-urlencoded' }],
      body: { type: 'text', text: 'haha=some+value&x=%2F' },
    })
    for (const signatureMethod of ['HMAC-SHA1', 'HMAC-SHA256', 'PLAINTEXT']) {
      const res = await exchange('oauth1', { ...credentials, signatureMethod, realm: 'oauthrealm' }, form)
      expect({ signatureMethod, status: res.status, body: res.text }).toMatchObject({ status: 200 })
    }
    const inBody = await exchange('oauth1', { ...credentials, addParamsToHeader: false }, form)
    expect(inBody.status).toBe(200)
    const inQuery = await exchange(
      'oauth1',
      { ...credentials, addParamsToHeader: false },
      request(`${echo.url}/oauth1?q=a%20b`),
    )
    expect(inQuery.status).toBe(200)
    const wrong = await exchange('oauth1', { ...credentials, consumerSecret: 'nope' }, form)
    expect(wrong.status).toBe(401)
  })
})

// An NTLM server written from MS-NLMP on its own: it issues a challenge on the connection that sent NEGOTIATE and
// accepts an AUTHENTICATE on that same connection whose NTProofStr it recomputes (§3.3.2).
function startNtlmServer(account: { user: string; domain: string; password: string }) {
  const challenges = new WeakMap<Socket, Buffer>()
  const server: Server = createServer((req, res) => {
    const header = req.headers.authorization ?? ''
    const message = header.startsWith('NTLM ') ? Buffer.from(header.slice(5), 'base64') : Buffer.alloc(0)
    const type = message.length >= 12 ? message.readUInt32LE(8) : 0
    if (type === 1) {
      const serverChallenge = randomBytes(8)
      challenges.set(req.socket, serverChallenge)
      const info = Buffer.concat([avPair(2, account.domain), avPair(1, 'SERVER'), Buffer.alloc(4)])
      const type2 = Buffer.alloc(48)
      type2.write('NTLMSSP\0', 0, 'latin1')
      type2.writeUInt32LE(2, 8)
      type2.writeUInt32LE(0x00808205 | 0x00080000, 20)
      serverChallenge.copy(type2, 24)
      type2.writeUInt16LE(info.length, 40)
      type2.writeUInt16LE(info.length, 42)
      type2.writeUInt32LE(48, 44)
      res.writeHead(401, { 'WWW-Authenticate': `NTLM ${Buffer.concat([type2, info]).toString('base64')}` })
      res.end()
      return
    }
    const serverChallenge = challenges.get(req.socket)
    if (type === 3 && serverChallenge !== undefined) {
      void verifyType3(message, serverChallenge, account).then((ok) => {
        res.writeHead(ok ? 200 : 401, { 'Content-Type': 'text/plain' })
        res.end(ok ? 'welcome' : 'bad response')
      })
      return
    }
    res.writeHead(401, { 'WWW-Authenticate': 'NTLM' })
    res.end()
  })
  return new Promise<{ url: string; close: () => Promise<void> }>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise((done) => server.close(() => done()) && server.closeAllConnections()),
      })
    })
  })
}

function avPair(id: number, text: string): Buffer {
  const value = Buffer.from(text, 'utf16le')
  const head = Buffer.alloc(4)
  head.writeUInt16LE(id, 0)
  head.writeUInt16LE(value.length, 2)
  return Buffer.concat([head, value])
}

async function verifyType3(
  message: Buffer,
  serverChallenge: Buffer,
  account: { user: string; domain: string; password: string },
): Promise<boolean> {
  const field = (at: number) =>
    message.subarray(message.readUInt32LE(at + 4), message.readUInt32LE(at + 4) + message.readUInt16LE(at))
  const nt = field(20)
  const user = field(36).toString('utf16le')
  const domain = field(28).toString('utf16le')
  if (user.toUpperCase() !== account.user.toUpperCase() || domain !== account.domain) return false
  const ntHash = Buffer.from(await md4(Buffer.from(account.password, 'utf16le')), 'hex')
  const key = createHmac('md5', ntHash)
    .update(Buffer.from(user.toUpperCase() + domain, 'utf16le'))
    .digest()
  const blob = nt.subarray(16)
  const proof = createHmac('md5', key)
    .update(Buffer.concat([serverChallenge, blob]))
    .digest()
  return proof.equals(nt.subarray(0, 16))
}

describe('against an NTLM server', () => {
  const account = { user: 'User', domain: 'Domain', password: 'Pässword' }
  let ntlm: { url: string; close: () => Promise<void> }
  beforeAll(async () => {
    ntlm = await startNtlmServer(account)
  })
  afterAll(() => ntlm.close())

  it('completes the handshake on one connection with NTLMv2', async () => {
    const res = await exchange(
      'ntlm',
      { username: account.user, password: account.password, domain: account.domain, workstation: 'WS' },
      request(`${ntlm.url}/`),
    )
    expect(res.status).toBe(200)
    expect(res.text).toBe('welcome')
  })

  it('is refused with a wrong password', async () => {
    const res = await exchange(
      'ntlm',
      { username: `${account.domain}\\${account.user}`, password: 'wrong' },
      request(`${ntlm.url}/`),
    )
    expect(res.status).toBe(401)
  })
})
