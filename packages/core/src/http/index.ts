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
