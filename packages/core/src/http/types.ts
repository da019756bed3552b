// The contract of Courier's HTTP engine (DESIGN.md: one pipeline). Plain, serialisable data crosses these
// boundaries; behaviour lives in functions that take it.

/** A header as sent or received, in order; names keep their case; duplicates allowed. */
export interface HttpHeader {
  key: string
  value: string
}

/** One field of a multipart/form-data body. */
export type FormPart =
  | { type: 'text'; name: string; value: string; contentType?: string }
  | { type: 'file'; name: string; fileName: string; bytes: Uint8Array; contentType?: string }

/** A body ready to send. The transport writes it; Content-Type is already among the headers (multipart: the
 * transport appends the boundary it chooses to a `multipart/form-data` Content-Type). */
export type PreparedBody =
  | { type: 'none' }
  | { type: 'text'; text: string }
  | { type: 'bytes'; bytes: Uint8Array }
  | { type: 'multipart'; parts: FormPart[] }

/**
 * How one request is sent: Postman's `protocolProfileBehavior` and the run's options, resolved to values.
 * Defaults are Postman's (see `defaultRequestSettings`).
 */
export interface RequestSettings {
  followRedirects: boolean
  maxRedirects: number
  followOriginalHttpMethod: boolean
  followAuthorizationHeader: boolean
  removeRefererHeaderOnRedirect: boolean
  strictSSL: boolean
  disableCookies: boolean
  insecureHTTPParser: boolean
  disableUrlEncoding: boolean
  /** System headers the user switched off in Postman (`disabledSystemHeaders`), by lower-case name. */
  disabledSystemHeaders: Record<string, boolean>
  /** Whole-exchange limit for the response (Newman's --timeout-request); 0 means none. */
  timeoutMs: number
  /** Limit for establishing the connection (TCP + TLS); 0 means none. */
  connectTimeoutMs: number
  /** The largest decoded response body accepted; larger ones fail with HTTP_RESPONSE_TOO_LARGE. */
  maxResponseBytes: number
}

/** Postman's defaults for {@link RequestSettings}. */
export const defaultRequestSettings: Readonly<RequestSettings> = Object.freeze({
  followRedirects: true,
  maxRedirects: 10,
  followOriginalHttpMethod: false,
  followAuthorizationHeader: false,
  removeRefererHeaderOnRedirect: false,
  strictSSL: true,
  disableCookies: false,
  insecureHTTPParser: false,
  disableUrlEncoding: false,
  disabledSystemHeaders: Object.freeze({}) as Record<string, boolean>,
  timeoutMs: 0,
  connectTimeoutMs: 30_000,
  maxResponseBytes: 256 * 2 ** 20,
})

/** A request with variables resolved, ready for auth and the transport. */
export interface PreparedRequest {
  method: string
  /** Absolute and encoded as Postman encodes it. */
  url: string
  headers: HttpHeader[]
  body: PreparedBody
  settings: RequestSettings
}

/** An auth block after inheritance and variable resolution: its type and its parameters by key. */
export interface ResolvedAuth {
  /** `basic`, `bearer`, `apikey`, `digest`, `oauth1`, `oauth2`, `hawk`, `awsv4`, `ntlm`, `edgegrid`, `jwt`… */
  type: string
  params: Record<string, unknown>
}

/** Milliseconds spent in each phase of one exchange; a reused connection has no dns/connect/tls phase. */
export interface Timings {
  dnsMs?: number
  connectMs?: number
  tlsMs?: number
  /** From the request being written to the first response byte. */
  firstByteMs: number
  /** From the first to the last response byte. */
  downloadMs: number
  totalMs: number
}

/** Sizes of one response. */
export interface ResponseSizes {
  headersBytes: number
  /** As received on the wire (compressed when it was). */
  bodyBytes: number
  /** After gzip/deflate/br decoding. */
  decodedBodyBytes: number
}

/** What the transport sends: one hop (no redirects, cookies or auth of its own). */
export interface TransportRequest {
  method: string
  url: string
  headers: HttpHeader[]
  body: PreparedBody
  settings: Pick<
    RequestSettings,
    'strictSSL' | 'insecureHTTPParser' | 'timeoutMs' | 'connectTimeoutMs' | 'maxResponseBytes'
  >
  signal?: AbortSignal
}

/** What came back from one hop. */
export interface TransportResponse {
  status: number
  statusText: string
  httpVersion: string
  headers: HttpHeader[]
  /** Decoded body bytes. */
  body: Uint8Array
  timings: Timings
  sizes: ResponseSizes
  remoteAddress?: string
}

/**
 * The network port. `send` performs one hop and throws AppError HTTP_* codes for faults (an HTTP status is never
 * an error). `session` pins one connection for handshakes bound to it (NTLM).
 */
export interface Transport {
  send(request: TransportRequest): Promise<TransportResponse>
  session(): TransportSession
  close(): Promise<void>
}

/** One pinned connection, from {@link Transport.session}. */
export interface TransportSession {
  send(request: TransportRequest): Promise<TransportResponse>
  close(): Promise<void>
}
