// The request history as local state keeps it (`@courier/storage`'s `createHistoryStore`): plain, redacted data.
import type { Exchange, SentRequest } from '../send/index.js'
import type { HttpHeader, ResponseSizes, Timings } from '../http/index.js'
import type { ItemRef } from '../runner/index.js'

/** Who sent the request: `courier send`, the UI's Send button, or a collection run. */
export type HistorySource = 'cli' | 'ui' | 'run'

/** The collection a request was sent from. */
export interface HistoryCollectionRef {
  /** Its `_postman_id` (or another stable id the caller chooses, such as the workspace path). */
  id: string
  name: string
}

/** One send to record. Everything in it is redacted with `secrets` before it is stored. */
export interface HistoryRecord {
  source: HistorySource
  /** The exchange as sent and received, in clear. */
  exchange?: Exchange
  /** The request, when the send failed before an exchange was complete (`error` says why). */
  request?: SentRequest
  /** What ended the send (an AppError such as HTTP_TIMEOUT), if anything did. */
  error?: unknown
  /** Secret values to mask wherever they appear: core's `collectSecrets(scopes, auth)`. */
  secrets: readonly string[]
  collection?: HistoryCollectionRef
  /** The item, as the runner names it (`id`, `name`, `path`). */
  item?: ItemRef
  /** The name of the environment the request was resolved with. */
  environment?: string
  /** When the send started (default: the database's clock at `record`). */
  sentAt?: Date
}

/** One row of the history list. */
export interface HistorySummary {
  id: number
  /** ISO 8601. */
  sentAt: string
  source: HistorySource
  method: string
  url: string
  status?: number
  errorCode?: string
  totalMs?: number
  /** The whole decoded response body, before any truncation. */
  responseSizeBytes?: number
  collection?: HistoryCollectionRef
  item?: ItemRef
  environment?: string
}

/** Body bytes kept up to the store's limit. */
export interface HistoryBytes {
  bytes: Uint8Array
  /** The size of the whole body. */
  sizeBytes: number
  /** Whether `bytes` is only the start of the body. */
  truncated: boolean
}

/** A multipart field as kept: file contents are not (the file is on the user's disk). */
export type HistoryFormPart =
  | { type: 'text'; name: string; value: string; contentType?: string }
  | { type: 'file'; name: string; fileName: string; sizeBytes: number; contentType?: string }

/** A request body as kept. */
export type HistoryRequestBody =
  | { type: 'none' }
  | { type: 'text'; text: string; sizeBytes: number; truncated: boolean }
  | ({ type: 'bytes' } & HistoryBytes)
  | { type: 'multipart'; parts: HistoryFormPart[]; truncated: boolean }

/** The request as it went on the wire, redacted. */
export interface HistoryRequest {
  method: string
  url: string
  headers: HttpHeader[]
  body: HistoryRequestBody
}

/** The final response, redacted. */
export interface HistoryResponse {
  status: number
  statusText: string
  httpVersion: string
  headers: HttpHeader[]
  body: HistoryBytes
  timings: Timings
  sizes: ResponseSizes
  remoteAddress?: string
}

/** One round trip (a redirect or an auth challenge), without bodies. */
export interface HistoryHop {
  request: { method: string; url: string; headers: HttpHeader[] }
  response: { status: number; statusText: string; headers: HttpHeader[] }
}

/** Everything recorded of one send. */
export interface HistoryEntry extends HistorySummary {
  request: HistoryRequest
  response?: HistoryResponse
  /** Every round trip, the last one included (core's `Exchange.hops`). */
  hops: HistoryHop[]
  error?: { code?: string; message: string }
}

/** What {@link toHistoryEntry} produces: an entry without its id, which the database assigns. */
export type NewHistoryEntry = Omit<HistoryEntry, 'id'>

/** Which entries {@link HistoryStore.list} returns. */
export interface HistoryListOptions {
  limit: number
  /** Only entries older than this id: pass the last id of one page to get the next. */
  before?: number
  /** Only entries sent from this collection (its id). */
  collection?: string
  /** Only entries of this item (its id). */
  item?: string
}

/** The request history of a workspace (or of the user, outside one). */
export interface HistoryStore {
  /** Redacts, bounds and stores one send; returns its id. */
  record(entry: HistoryRecord): Promise<number>
  /** Summaries, newest first. */
  list(options: HistoryListOptions): Promise<HistorySummary[]>
  get(id: number): Promise<HistoryEntry | undefined>
  /** Whether there was such an entry. */
  delete(id: number): Promise<boolean>
  clear(): Promise<void>
}
