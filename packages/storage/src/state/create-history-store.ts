import type {
  HistoryEntry,
  HistoryHop,
  HistoryRequest,
  HistoryRequestBody,
  HistoryResponse,
  HistorySource,
  HistoryStore,
  HistorySummary,
  NewHistoryEntry,
} from '@courier/core'
import { toHistoryEntry } from './history-entry.js'
import { settle } from './internal/settle.js'
import type { StateDatabase } from './state-database.js'

/** Options for {@link createHistoryStore}. */
export interface HistoryStoreOptions {
  /** Each request and response body is kept up to this size, then cut and flagged `truncated` (default 1 MiB). */
  maxBodyBytes?: number
  /** Only the newest entries are kept; older ones go when a new one is recorded (default 10 000). */
  maxEntries?: number
}

/** The port is core's (the UI server uses it); this is its SQLite implementation. */
export type { HistoryListOptions, HistoryStore } from '@courier/core'

const defaultMaxBodyBytes = 1024 * 1024
const defaultMaxEntries = 10_000

interface SummaryRow {
  id: number
  sent_at: string
  source: HistorySource
  method: string
  url: string
  status: number | null
  error_code: string | null
  total_ms: number | null
  response_bytes: number | null
  collection_id: string | null
  collection_name: string | null
  item_id: string | null
  item_name: string | null
  item_path: string | null
  environment: string | null
}

interface EntryRow extends SummaryRow {
  entry: string
  response_body: Uint8Array | null
}

// The `entry` column: what the list does not show, bytes as base64 and the response body in its own column.
interface StoredEntry {
  request: Omit<HistoryRequest, 'body'> & { body: StoredRequestBody }
  response?: Omit<HistoryResponse, 'body'> & { body: { sizeBytes: number; truncated: boolean } }
  hops: HistoryHop[]
  error?: { code?: string; message: string }
}

type StoredRequestBody =
  | Exclude<HistoryRequestBody, { type: 'bytes' }>
  | { type: 'bytes'; base64: string; sizeBytes: number; truncated: boolean }

const summaryColumns = `id, sent_at, source, method, url, status, error_code, total_ms, response_bytes,
  collection_id, collection_name, item_id, item_name, item_path, environment`

/**
 * The request history on the local state database. Every entry is redacted before it is written (core's
 * `redactExchange` with the secrets the caller passes), bodies are kept up to `maxBodyBytes`, and only the newest
 * `maxEntries` are kept.
 * @example const history = createHistoryStore(db); const id = await history.record({ source: 'cli', exchange, secrets })
 */
export function createHistoryStore(db: StateDatabase, options: HistoryStoreOptions = {}): HistoryStore {
  const maxBodyBytes = wholeNumber(options.maxBodyBytes ?? defaultMaxBodyBytes, 'maxBodyBytes')
  const maxEntries = positiveInteger(options.maxEntries ?? defaultMaxEntries, 'maxEntries')
  const connection = db.connection
  const insert = connection.prepare<
    [
      string,
      HistorySource,
      string,
      string,
      number | null,
      string | null,
      number | null,
      number | null,
      string | null,
      string | null,
      string | null,
      string | null,
      string | null,
      string | null,
      string,
      Uint8Array | null,
    ]
  >(`
    INSERT INTO history (sent_at, source, method, url, status, error_code, total_ms, response_bytes,
      collection_id, collection_name, item_id, item_name, item_path, environment, entry, response_body)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  `)
  // Everything at or below the oldest id still within the newest `maxEntries`; nothing while there are fewer.
  const prune = connection.prepare<[number]>(
    'DELETE FROM history WHERE id <= (SELECT id FROM history ORDER BY id DESC LIMIT 1 OFFSET ?)',
  )
  const select = connection.prepare<[number], EntryRow>(
    `SELECT ${summaryColumns}, entry, response_body FROM history WHERE id = ?`,
  )
  // NULL filters match every row: one statement, and each filter is still served by its index when given.
  const selectPage = connection.prepare<
    [number | null, number | null, string | null, string | null, string | null, string | null, number],
    SummaryRow
  >(`
    SELECT ${summaryColumns} FROM history
    WHERE (? IS NULL OR id < ?)
      AND (? IS NULL OR collection_id = ?)
      AND (? IS NULL OR item_id = ?)
    ORDER BY id DESC
    LIMIT ?
  `)
  const remove = connection.prepare<[number]>('DELETE FROM history WHERE id = ?')
  const removeAll = connection.prepare('DELETE FROM history')
  const store = connection.transaction((entry: NewHistoryEntry): number => {
    const { lastInsertRowid } = insert.run(
      entry.sentAt,
      entry.source,
      entry.method,
      entry.url,
      entry.status ?? null,
      entry.errorCode ?? null,
      entry.totalMs ?? null,
      entry.responseSizeBytes ?? null,
      entry.collection?.id ?? null,
      entry.collection?.name ?? null,
      entry.item?.id ?? null,
      entry.item?.name ?? null,
      entry.item?.path ?? null,
      entry.environment ?? null,
      JSON.stringify(toStored(entry)),
      entry.response?.body.bytes ?? null,
    )
    prune.run(maxEntries)
    return Number(lastInsertRowid)
  })
  return {
    record: (record) =>
      settle(() => {
        const entry = toHistoryEntry(record, { maxBodyBytes, sentAt: db.clock.now() })
        // IMMEDIATE: take the write lock before the first statement. A deferred transaction that must upgrade its
        // lock while another process writes fails with SQLITE_BUSY at once, without waiting for busy_timeout.
        return store.immediate(entry)
      }),
    list: (query) =>
      settle(() => {
        const limit = positiveInteger(query.limit, 'limit')
        const before = query.before ?? null
        const collection = query.collection ?? null
        const item = query.item ?? null
        return selectPage.all(before, before, collection, collection, item, item, limit).map(toSummary)
      }),
    get: (id) =>
      settle(() => {
        const row = select.get(id)
        return row === undefined ? undefined : toEntry(row)
      }),
    delete: (id) => settle(() => remove.run(id).changes > 0),
    clear: () =>
      settle(() => {
        removeAll.run()
      }),
  }
}

function toStored(entry: NewHistoryEntry): StoredEntry {
  const { body } = entry.request
  const stored: StoredEntry = {
    request: {
      ...entry.request,
      body:
        body.type === 'bytes'
          ? {
              type: 'bytes',
              base64: Buffer.from(body.bytes).toString('base64'),
              sizeBytes: body.sizeBytes,
              truncated: body.truncated,
            }
          : body,
    },
    hops: entry.hops,
  }
  if (entry.response !== undefined) {
    const { sizeBytes, truncated } = entry.response.body
    stored.response = { ...entry.response, body: { sizeBytes, truncated } }
  }
  if (entry.error !== undefined) stored.error = entry.error
  return stored
}

function toSummary(row: SummaryRow): HistorySummary {
  const summary: HistorySummary = {
    id: row.id,
    sentAt: row.sent_at,
    source: row.source,
    method: row.method,
    url: row.url,
  }
  if (row.status !== null) summary.status = row.status
  if (row.error_code !== null) summary.errorCode = row.error_code
  if (row.total_ms !== null) summary.totalMs = row.total_ms
  if (row.response_bytes !== null) summary.responseSizeBytes = row.response_bytes
  if (row.collection_id !== null)
    summary.collection = { id: row.collection_id, name: row.collection_name ?? '' }
  if (row.item_id !== null)
    summary.item = { id: row.item_id, name: row.item_name ?? '', path: row.item_path ?? '' }
  if (row.environment !== null) summary.environment = row.environment
  return summary
}

// The column holds only what `record` wrote (a CHECK keeps it valid JSON), so it is trusted as a StoredEntry.
function toEntry(row: EntryRow): HistoryEntry {
  const stored = JSON.parse(row.entry) as StoredEntry
  const { body } = stored.request
  const entry: HistoryEntry = {
    ...toSummary(row),
    request: {
      ...stored.request,
      body:
        body.type === 'bytes'
          ? {
              type: 'bytes',
              bytes: new Uint8Array(Buffer.from(body.base64, 'base64')),
              sizeBytes: body.sizeBytes,
              truncated: body.truncated,
            }
          : body,
    },
    hops: stored.hops,
  }
  if (stored.response !== undefined) {
    const bytes = row.response_body === null ? new Uint8Array() : new Uint8Array(row.response_body)
    entry.response = { ...stored.response, body: { ...stored.response.body, bytes } }
  }
  if (stored.error !== undefined) entry.error = stored.error
  return entry
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value < 1)
    throw new TypeError(`${name} must be a positive integer, got ${String(value)}`)
  return value
}

function wholeNumber(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new TypeError(`${name} must be 0 or a positive integer, got ${String(value)}`)
  return value
}
