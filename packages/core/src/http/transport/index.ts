export { createUndiciTransport, type UndiciTransportOptions } from './create-undici-transport.js'
export type { ClientCertificate } from './match-client-certificate.js'
export type { ProxyOption } from './resolve-proxy.js'
