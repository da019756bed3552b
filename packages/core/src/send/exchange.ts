import type { HttpHeader, PreparedBody, TransportResponse } from '../http/index.js'

/** A request as it went on the wire: auth and cookie headers included. */
export interface SentRequest {
  method: string
  url: string
  headers: HttpHeader[]
  body: PreparedBody
}

/** One round trip: an auth challenge, a redirect or the final answer. */
export interface Hop {
  request: SentRequest
  response: TransportResponse
}

/**
 * The whole of one send: the final request and response, every hop that led there (digest or NTLM challenges,
 * redirects), and the time it all took.
 */
export interface Exchange {
  request: SentRequest
  response: TransportResponse
  hops: Hop[]
  totalMs: number
}
