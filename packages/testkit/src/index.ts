/** A started loopback server (`url`, `port`, `close()`, `await using`), and where it listens. */
export type { ListenOptions, RunningServer } from './internal/listen.js'
/** A postman-echo compatible HTTP server and its request handler. */
export { createEchoHandler, startEchoServer } from './echo-server.js'
export type { EchoHandler, EchoServer, EchoServerOptions } from './echo-server.js'
/** Newman's raw TCP echo server (any method; the raw request back as body and `raw-request` header). */
export { startRawEchoServer } from './raw-echo-server.js'
export type { RawEchoServer, RawEchoServerOptions } from './raw-echo-server.js'
/** Newman's redirect server (`/<n>` hops, `/status/<3xx>`, final JSON echo). */
export { startRedirectServer } from './redirect-server.js'
export type { RedirectServer } from './redirect-server.js'
/** The fixed credentials postman-echo's auth routes accept. */
export { postmanEchoCredentials } from './postman-echo-credentials.js'
/** HTTP Digest verification (RFC 7616, MD5). */
export { DigestVerifier } from './digest-auth.js'
export type { DigestAuthOptions, DigestVerdict } from './digest-auth.js'
/** Hawk request verification and its normalized string and payload hash. */
export { hawkNormalizedString, hawkPayloadHash, verifyHawk } from './hawk-auth.js'
export type { HawkCredentials, HawkRequest, HawkVerdict, VerifyHawkOptions } from './hawk-auth.js'
/** OAuth 1.0a (RFC 5849) base string, signature and verification. */
export {
  oauth1BaseString,
  oauth1NormalizeParams,
  oauth1PercentEncode,
  oauth1Signature,
  oauth1SigningKey,
  verifyOAuth1,
} from './oauth1-signature.js'
export type {
  OAuth1BaseStringInput,
  OAuth1Request,
  OAuth1Secrets,
  OAuth1Verdict,
  OAuth1VerifyOptions,
} from './oauth1-signature.js'
/** The echo routes over HTTPS, with client-certificate reporting. */
export { startTlsEchoServer } from './tls-echo-server.js'
export type { TlsEchoServer, TlsEchoServerOptions } from './tls-echo-server.js'
/** A runtime-generated CA with server, expired, wrong-host and client certificates. */
export { createTestCertificates } from './test-certificates.js'
export type { CertificateAndKey, TestCertificates, TestCertificatesOptions } from './test-certificates.js'
/** An HTTP forward proxy (absolute-form requests and CONNECT tunnels, optional Basic auth). */
export { startForwardProxy } from './forward-proxy.js'
export type { ForwardProxy, ForwardProxyOptions } from './forward-proxy.js'
