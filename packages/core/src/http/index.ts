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
