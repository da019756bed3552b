import { generate } from 'selfsigned'

/** A PEM certificate and its PEM private key. */
export interface CertificateAndKey {
  cert: string
  key: string
}

/** A throwaway PKI for TLS tests, generated at runtime (nothing secret is ever committed). */
export interface TestCertificates {
  /** The root every other certificate chains to; trust it with `ca`. */
  ca: CertificateAndKey
  /** Valid for `127.0.0.1`, `::1` and `localhost` (subjectAltName), signed by `ca`. */
  server: CertificateAndKey
  /** Like `server` but expired yesterday. */
  expired: CertificateAndKey
  /** Signed by `ca` but only for `wrong.host.test`. */
  wrongHost: CertificateAndKey
  /** A client certificate (`extKeyUsage clientAuth`) signed by `ca`, subject CN `clientCommonName`. */
  client: CertificateAndKey
}

/** Options of {@link createTestCertificates}. */
export interface TestCertificatesOptions {
  /** Subject CN of the client certificate (default `courier-test-client`). */
  clientCommonName?: string
  /** The clock validity periods are computed from (default now). */
  now?: Date
}

const dayMs = 24 * 60 * 60 * 1000
const loopbackNames = [
  { type: 2, value: 'localhost' },
  { type: 7, ip: '127.0.0.1' },
  { type: 7, ip: '::1' },
] as const

async function issue(
  ca: CertificateAndKey,
  commonName: string,
  options: {
    altNames: ReadonlyArray<{ type: 2 | 7; value?: string; ip?: string }>
    usage: 'serverAuth' | 'clientAuth'
    notBefore: Date
    notAfter: Date
  },
): Promise<CertificateAndKey> {
  const pems = await generate([{ name: 'commonName', value: commonName }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: options.notBefore,
    notAfterDate: options.notAfter,
    ca: { key: ca.key, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', [options.usage]: true },
      ...(options.altNames.length > 0
        ? [{ name: 'subjectAltName' as const, altNames: [...options.altNames] }]
        : []),
    ],
  })
  return { cert: pems.cert, key: pems.private }
}

/**
 * Generates a CA and, signed by it, a loopback server certificate, an expired one, one for the wrong host and
 * a client certificate (EC P-256, SHA-256; about 100 ms in all).
 * @example
 * const pki = await createTestCertificates()
 * const tls = await startTlsEchoServer({ ...pki.server, ca: pki.ca.cert, requestCert: true })
 */
export async function createTestCertificates(
  options: TestCertificatesOptions = {},
): Promise<TestCertificates> {
  const now = options.now ?? new Date()
  const notBefore = new Date(now.getTime() - dayMs)
  const notAfter = new Date(now.getTime() + 365 * dayMs)
  const root = await generate([{ name: 'commonName', value: 'Courier Test CA' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: notBefore,
    notAfterDate: new Date(now.getTime() + 2 * 365 * dayMs),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  })
  const ca = { cert: root.cert, key: root.private }
  const valid = { notBefore, notAfter }
  const [server, expired, wrongHost, client] = await Promise.all([
    issue(ca, 'localhost', { altNames: loopbackNames, usage: 'serverAuth', ...valid }),
    issue(ca, 'localhost', {
      altNames: loopbackNames,
      usage: 'serverAuth',
      notBefore: new Date(now.getTime() - 30 * dayMs),
      notAfter: new Date(now.getTime() - dayMs),
    }),
    issue(ca, 'wrong.host.test', {
      altNames: [{ type: 2, value: 'wrong.host.test' }],
      usage: 'serverAuth',
      ...valid,
    }),
    issue(ca, options.clientCommonName ?? 'courier-test-client', {
      altNames: [],
      usage: 'clientAuth',
      ...valid,
    }),
  ])
  return { ca, server, expired, wrongHost, client }
}
