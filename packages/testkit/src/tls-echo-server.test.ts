import { request, type RequestOptions } from 'node:https'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestCertificates, type TestCertificates } from './test-certificates.js'
import { startTlsEchoServer, type TlsEchoServer } from './tls-echo-server.js'

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** GET over node:https, trusting only what `options.ca` says. */
function httpsGet(url: string, options: RequestOptions): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ...options, agent: false }, (res) => {
      let body = ''
      res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

let pki: TestCertificates
const servers: TlsEchoServer[] = []
const start = async (options: Parameters<typeof startTlsEchoServer>[0]) => {
  const server = await startTlsEchoServer(options)
  servers.push(server)
  return server
}
beforeAll(async () => {
  pki = await createTestCertificates({ clientCommonName: 'courier-ci' })
})
afterAll(() => Promise.all(servers.map((s) => s.close())))

describe('startTlsEchoServer with createTestCertificates', () => {
  it('serves the echo routes to a client that trusts the generated CA, by IP and by localhost', async () => {
    const tls = await start(pki.server)
    const answer = await httpsGet(`${tls.url}/get?a=1`, { ca: pki.ca.cert })
    expect(answer.status).toBe(200)
    expect(JSON.parse(answer.body)).toMatchObject({ args: { a: '1' }, url: `${tls.url}/get?a=1` })
    const byName = await httpsGet(`https://localhost:${tls.port}/get`, { ca: pki.ca.cert })
    expect(byName.status).toBe(200)
  })

  it('is rejected without the CA', async () => {
    const tls = await start(pki.server)
    await expect(httpsGet(`${tls.url}/get`, {})).rejects.toMatchObject({
      code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    })
  })

  it('rejects an expired certificate, and a certificate for another host', async () => {
    const expired = await start(pki.expired)
    await expect(httpsGet(`${expired.url}/get`, { ca: pki.ca.cert })).rejects.toMatchObject({
      code: 'CERT_HAS_EXPIRED',
    })
    const wrongHost = await start(pki.wrongHost)
    await expect(httpsGet(`${wrongHost.url}/get`, { ca: pki.ca.cert })).rejects.toMatchObject({
      code: 'ERR_TLS_CERT_ALTNAME_INVALID',
    })
    // Both still answer a client that opted out of verification (Postman's "SSL certificate verification" off).
    expect((await httpsGet(`${expired.url}/get`, { rejectUnauthorized: false })).status).toBe(200)
  })

  it('reports the client certificate subject when requestCert is on', async () => {
    const tls = await start({ ...pki.server, ca: pki.ca.cert, requestCert: true })
    const withCert = await httpsGet(`${tls.url}/client-cert`, { ca: pki.ca.cert, ...pki.client })
    expect(JSON.parse(withCert.body)).toEqual({ authorized: true, subject: 'courier-ci', error: null })
    expect(withCert.headers['x-client-cert-subject']).toBe('courier-ci')
    const without = await httpsGet(`${tls.url}/client-cert`, { ca: pki.ca.cert })
    expect(JSON.parse(without.body)).toMatchObject({ authorized: false, subject: null })
  })

  it('reports an untrusted client certificate as not authorized', async () => {
    const other = await createTestCertificates({ clientCommonName: 'stranger' })
    const tls = await start({ ...pki.server, ca: pki.ca.cert, requestCert: true })
    const answer = await httpsGet(`${tls.url}/client-cert`, { ca: pki.ca.cert, ...other.client })
    expect(JSON.parse(answer.body)).toMatchObject({ authorized: false, subject: 'stranger' })
  })
})
