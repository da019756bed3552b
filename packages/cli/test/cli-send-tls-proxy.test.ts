import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  createTestCertificates,
  startEchoServer,
  startForwardProxy,
  startTlsEchoServer,
  type EchoServer,
  type ForwardProxy,
  type TestCertificates,
  type TlsEchoServer,
} from '@courier/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'

let certificates: TestCertificates
let trusted: TlsEchoServer
let expired: TlsEchoServer
let mutual: TlsEchoServer
let echo: EchoServer
let proxy: ForwardProxy
const paths = { ca: '', clientCert: '', clientKey: '' }

beforeAll(async () => {
  certificates = await createTestCertificates()
  ;[trusted, expired, mutual, echo, proxy] = await Promise.all([
    startTlsEchoServer(certificates.server),
    startTlsEchoServer(certificates.expired),
    startTlsEchoServer({ ...certificates.server, ca: certificates.ca.cert, requestCert: true }),
    startEchoServer(),
    startForwardProxy(),
  ])
  const folder = await mkdtemp(join(tmpdir(), 'courier-tls-'))
  paths.ca = join(folder, 'ca.pem')
  paths.clientCert = join(folder, 'client.pem')
  paths.clientKey = join(folder, 'client.key')
  await Promise.all([
    writeFile(paths.ca, certificates.ca.cert),
    writeFile(paths.clientCert, certificates.client.cert),
    writeFile(paths.clientKey, certificates.client.key),
  ])
})

afterAll(async () => {
  await Promise.all([trusted, expired, mutual, echo, proxy].map((server) => server.close()))
})

describe('courier send over TLS', () => {
  it('refuses a certificate from an unknown CA, naming the check that failed', async () => {
    const result = await runCli(['send', `${trusted.url}/get`])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(
      /^error: GET https:\/\/127\.0\.0\.1:\d+\/get: .*(issuer|self-signed|certificate)/,
    )
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })

  it('trusts the server with --ssl-extra-ca-certs, or skips verification with -k', async () => {
    expect((await runCli(['send', '--ssl-extra-ca-certs', paths.ca, `${trusted.url}/get`])).code).toBe(0)
    expect((await runCli(['send', '-k', `${trusted.url}/get`])).code).toBe(0)
  })

  it('names an expired certificate', async () => {
    const result = await runCli(['send', '--ssl-extra-ca-certs', paths.ca, `${expired.url}/get`])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/expired/)
  })

  it('presents a client certificate when given one', async () => {
    const flags = [
      '--ssl-extra-ca-certs',
      paths.ca,
      '--ssl-client-cert',
      paths.clientCert,
      '--ssl-client-key',
      paths.clientKey,
    ]
    const result = await runCli(['send', ...flags, `${mutual.url}/client-cert`])
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({ authorized: true })
  })
})

describe('courier send through a proxy', () => {
  it('goes through the proxy named by HTTP_PROXY, and around it for hosts in NO_PROXY', async () => {
    const env = { HTTP_PROXY: proxy.url, http_proxy: proxy.url, NO_PROXY: '', no_proxy: '' }
    const through = await runCli(['send', `${echo.url}/get?via=proxy`], { env })
    expect(through.code).toBe(0)
    expect(proxy.requests).toContain(`${echo.url}/get?via=proxy`)
    const around = await runCli(['send', `${echo.url}/get?via=direct`], {
      env: { ...env, NO_PROXY: '127.0.0.1' },
    })
    expect(around.code).toBe(0)
    expect(proxy.requests).not.toContain(`${echo.url}/get?via=direct`)
  })

  it('uses --proxy and ignores the environment with --no-proxy', async () => {
    const viaFlag = await runCli(['send', '--proxy', proxy.url, `${echo.url}/get?via=flag`], {
      env: { NO_PROXY: '' },
    })
    expect(viaFlag.code).toBe(0)
    expect(proxy.requests).toContain(`${echo.url}/get?via=flag`)
    const env = { HTTP_PROXY: proxy.url, http_proxy: proxy.url, NO_PROXY: '', no_proxy: '' }
    const ignored = await runCli(['send', '--no-proxy', `${echo.url}/get?via=none`], { env })
    expect(ignored.code).toBe(0)
    expect(proxy.requests).not.toContain(`${echo.url}/get?via=none`)
  })
})
