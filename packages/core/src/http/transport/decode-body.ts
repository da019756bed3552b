import zlib from 'node:zlib'
import type { Transform } from 'node:stream'

/** Streams wire bytes through the response's content codings and collects the decoded body. */
export interface BodyDecoder {
  write(chunk: Buffer): void
  end(): void
  destroy(): void
}

/** What {@link createBodyDecoder} reports. */
export interface BodyDecoderOptions {
  /** Values of the `content-encoding` headers, in order. */
  codings: string[]
  limitBytes: number
  onLimit: () => void
  onError: (error: Error) => void
  onDone: (body: Buffer) => void
}

interface Sink {
  write(chunk: Buffer): void
  end(): void
}

const zlibFlush = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH }
const brotliFlush = {
  flush: zlib.constants.BROTLI_OPERATION_FLUSH,
  finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
}

/**
 * Decodes gzip, x-gzip, deflate (zlib or raw) and br as the bytes arrive, so `limitBytes` is enforced on decoded
 * bytes before a compressed bomb is fully inflated. Unknown codings leave the body as received, as browsers do.
 * Truncated streams are accepted (sync flush), like curl and browsers.
 * @example const decoder = createBodyDecoder({ codings: ['gzip'], limitBytes: 1e6, onLimit, onError, onDone })
 */
export function createBodyDecoder(options: BodyDecoderOptions): BodyDecoder {
  const { limitBytes, onLimit, onError, onDone } = options
  const chunks: Buffer[] = []
  let size = 0
  let stopped = false
  const streams: Transform[] = []
  const collector: Sink = {
    write(chunk) {
      if (stopped) return
      size += chunk.length
      if (size > limitBytes) {
        stopped = true
        onLimit()
        return
      }
      chunks.push(chunk)
    },
    end() {
      if (!stopped) onDone(Buffer.concat(chunks, size))
    },
  }
  const fail = (error: Error): void => {
    if (stopped) return
    stopped = true
    onError(error)
  }
  const codings = parseCodings(options.codings)
  let head: Sink = collector
  if (codings !== undefined) {
    for (const coding of codings) head = decodingStage(coding, head, fail, streams)
  }
  let received = 0
  return {
    write(chunk) {
      received += chunk.length
      if (!stopped) head.write(chunk)
    },
    // An empty body (HEAD, 204, 304) is not a valid compressed stream: pass it through untouched.
    end: () => (received === 0 ? collector.end() : head.end()),
    destroy() {
      stopped = true
      for (const stream of streams) stream.destroy()
    },
  }
}

/** Codings in the order they were applied (the last one is undone first), or undefined when one is unknown. */
function parseCodings(values: string[]): string[] | undefined {
  const codings = values
    .flatMap((value) => value.split(','))
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity')
  const known = ['gzip', 'x-gzip', 'deflate', 'br']
  return codings.every((coding) => known.includes(coding)) ? codings : undefined
}

function decodingStage(coding: string, next: Sink, fail: (error: Error) => void, streams: Transform[]): Sink {
  let stream: Transform | undefined
  const start = (first: Buffer): Transform => {
    const created =
      coding === 'br'
        ? zlib.createBrotliDecompress(brotliFlush)
        : coding === 'deflate'
          ? // Servers send raw deflate under `deflate` too; a zlib stream starts with CM = 8 in its low nibble.
            (first.length > 0 && (first[0]! & 0x0f) === 0x08 ? zlib.createInflate : zlib.createInflateRaw)(
              zlibFlush,
            )
          : zlib.createGunzip(zlibFlush)
    created.on('data', (chunk: Buffer) => next.write(chunk))
    created.on('end', () => next.end())
    created.on('error', fail)
    streams.push(created)
    return created
  }
  return {
    write(chunk) {
      stream ??= start(chunk)
      stream.write(chunk)
    },
    end() {
      ;(stream ?? start(Buffer.alloc(0))).end()
    },
  }
}
