export type {
  FormPart,
  HttpHeader,
  PreparedBody,
  PreparedRequest,
  RequestSettings,
  ResolvedAuth,
  ResponseSizes,
  Timings,
  Transport,
  TransportRequest,
  TransportResponse,
  TransportSession,
} from './types.js'
export { defaultRequestSettings } from './types.js'
export type { CookieJarOptions, CookieRecord, CookieStore } from './cookies/index.js'
export { createCookieJar } from './cookies/index.js'
export type {
  FindRequestOptions,
  ListedRequest,
  PrepareOptions,
  PrepareResult,
  QueryParam,
  RequestTarget,
  ResolveAuthOptions,
  UrlParts,
} from './prepare/index.js'
export {
  METHODS_WITHOUT_BODY,
  RAW_LANGUAGE_CONTENT_TYPES,
  SYSTEM_HEADER_DEFAULTS,
  effectiveAuth,
  findRequest,
  listRequests,
  parseUrl,
  prepareRequest,
  requestSettings,
  resolveAuth,
  resolvedProtocolProfileBehavior,
} from './prepare/index.js'
export { createUndiciTransport } from './transport/index.js'
export type { ClientCertificate, ProxyOption, UndiciTransportOptions } from './transport/index.js'
