import {
  SECRET_MASK,
  isAppError,
  maskSecrets,
  redactExchange,
  type Exchange,
  type PreparedBody,
  type HistoryBytes,
  type HistoryFormPart,
  type HistoryRecord,
  type HistoryRequestBody,
  type NewHistoryEntry,
} from '@courier/core'

/**
 * Redacts and bounds one send for the history: core's `redactExchange` with the caller's secrets (credential
 * headers masked, secret values masked in URLs, headers and text bodies), then any raw occurrence of a secret in
 * binary bodies, then each body cut to `maxBodyBytes`.
 * @example const entry = toHistoryEntry({ source: 'cli', exchange, secrets }, { maxBodyBytes: 1 << 20, sentAt })
 */
export function toHistoryEntry(
  record: HistoryRecord,
  options: { maxBodyBytes: number; sentAt: Date },
): NewHistoryEntry {
  const secrets = record.secrets.filter((secret) => secret.length > 0)
  const exchange = redactedExchange(record, secrets)
  const { maxBodyBytes } = options
  const entry: NewHistoryEntry = {
    sentAt: (record.sentAt ?? options.sentAt).toISOString(),
    source: record.source,
    method: exchange.request.method,
    url: exchange.request.url,
    request: {
      method: exchange.request.method,
      url: exchange.request.url,
      headers: exchange.request.headers,
      body: keepRequestBody(exchange.request.body, secrets, maxBodyBytes),
    },
    hops: exchange.hops.map(({ request, response }) => ({
      request: { method: request.method, url: request.url, headers: request.headers },
      response: { status: response.status, statusText: response.statusText, headers: response.headers },
    })),
  }
  if (record.exchange !== undefined) {
    const { response } = exchange
    entry.response = {
      status: response.status,
      statusText: response.statusText,
      httpVersion: response.httpVersion,
      headers: response.headers,
      body: keepBytes(maskBytes(response.body, secrets), response.body.byteLength, maxBodyBytes),
      timings: response.timings,
      sizes: response.sizes,
      ...(response.remoteAddress === undefined ? {} : { remoteAddress: response.remoteAddress }),
    }
    entry.status = response.status
    entry.totalMs = exchange.totalMs
    entry.responseSizeBytes = response.body.byteLength
  }
  if (record.error !== undefined) {
    entry.error = describeError(record.error, secrets)
    if (entry.error.code !== undefined) entry.errorCode = entry.error.code
  }
  if (record.collection !== undefined) entry.collection = { ...record.collection }
  if (record.item !== undefined) entry.item = { ...record.item }
  if (record.environment !== undefined) entry.environment = record.environment
  return entry
}

function redactedExchange(record: HistoryRecord, secrets: readonly string[]): Exchange {
  if (record.exchange !== undefined) return redactExchange(record.exchange, secrets)
  if (record.request === undefined)
    throw new TypeError('a history record needs an exchange, or the request and the error that stopped it')
  // No response came: redact the request the way core redacts an exchange's (one redaction rule for both).
  const empty = new Uint8Array()
  const none = {
    status: 0,
    statusText: '',
    httpVersion: '',
    headers: [],
    body: empty,
    timings: { firstByteMs: 0, downloadMs: 0, totalMs: 0 },
    sizes: { headersBytes: 0, bodyBytes: 0, decodedBodyBytes: 0 },
  }
  const redacted = redactExchange({ request: record.request, response: none, hops: [], totalMs: 0 }, secrets)
  return { ...redacted, hops: [] }
}

function keepRequestBody(body: PreparedBody, secrets: readonly string[], limit: number): HistoryRequestBody {
  switch (body.type) {
    case 'none':
      return { type: 'none' }
    case 'text': {
      const sizeBytes = Buffer.byteLength(body.text)
      const text = truncateText(body.text, limit)
      return { type: 'text', text, sizeBytes, truncated: text.length < body.text.length }
    }
    case 'bytes':
      // Core leaves a binary request body as it is; a secret in it is masked here.
      return { type: 'bytes', ...keepBytes(maskBytes(body.bytes, secrets), body.bytes.byteLength, limit) }
    case 'multipart': {
      let budget = limit
      let truncated = false
      const parts = body.parts.map((part): HistoryFormPart => {
        const contentType = part.contentType === undefined ? {} : { contentType: part.contentType }
        if (part.type === 'file')
          return {
            type: 'file',
            name: part.name,
            fileName: part.fileName,
            sizeBytes: part.bytes.byteLength,
            ...contentType,
          }
        const value = truncateText(part.value, budget)
        if (value.length < part.value.length) truncated = true
        budget = Math.max(0, budget - Buffer.byteLength(value))
        return { type: 'text', name: part.name, value, ...contentType }
      })
      return { type: 'multipart', parts, truncated }
    }
  }
}

function keepBytes(bytes: Uint8Array, sizeBytes: number, limit: number): HistoryBytes {
  const truncated = bytes.byteLength > limit
  return { bytes: truncated ? bytes.slice(0, limit) : bytes, sizeBytes, truncated }
}

// Cuts text to at most `limit` UTF-8 bytes, on a character boundary.
function truncateText(text: string, limit: number): string {
  const bytes = Buffer.from(text)
  if (bytes.byteLength <= limit) return text
  let end = limit
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--
  return bytes.subarray(0, end).toString('utf8')
}

// Core masks secrets in bodies that decode as UTF-8; a secret inside a binary body is still there in raw bytes.
function maskBytes(bytes: Uint8Array, secrets: readonly string[]): Uint8Array {
  let masked = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const mask = Buffer.from(SECRET_MASK)
  for (const secret of secrets) {
    const needle = Buffer.from(secret)
    if (masked.indexOf(needle) === -1) continue
    const pieces: Buffer[] = []
    let from = 0
    for (let at = masked.indexOf(needle); at !== -1; at = masked.indexOf(needle, from)) {
      pieces.push(masked.subarray(from, at), mask)
      from = at + needle.byteLength
    }
    pieces.push(masked.subarray(from))
    masked = Buffer.concat(pieces)
  }
  return masked.buffer === bytes.buffer ? bytes : new Uint8Array(masked)
}

function describeError(error: unknown, secrets: readonly string[]): { code?: string; message: string } {
  const message = maskSecrets(error instanceof Error ? error.message : String(error), secrets)
  return isAppError(error) ? { code: error.code, message } : { message }
}
