import { AppError } from '../errors/index.js'

/** Bytes inspected for NUL bytes and invalid UTF-8 before a file is called binary. */
const SNIFF_BYTES = 8192

/** Options for {@link decodeText}. */
export interface DecodeTextOptions {
  /** File name used in error messages. */
  source: string
}

/**
 * Decodes a document's bytes: UTF-8 with or without BOM, UTF-16LE/BE with BOM (Postman on Windows has written
 * UTF-16LE environments). Throws FILE_EMPTY for blank input and FILE_BINARY for anything that is not text.
 * @example decodeText(await readFile('env.json'), { source: 'env.json' })
 */
export function decodeText(input: Uint8Array | string, options: DecodeTextOptions): string {
  const { source } = options
  let text: string
  if (typeof input === 'string') {
    text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  } else if (input[0] === 0xff && input[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(input.subarray(2))
  } else if (input[0] === 0xfe && input[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(input.subarray(2))
  } else {
    const start = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? 3 : 0
    const body = input.subarray(start)
    if (looksBinary(body)) throw binary(source)
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body)
    } catch (cause) {
      throw binary(source, cause)
    }
  }
  if (text.trim() === '') {
    throw new AppError('FILE_EMPTY', `${source}: the file is empty`, { source })
  }
  if (text.slice(0, SNIFF_BYTES).includes('\u0000')) throw binary(source)
  return text
}

function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, SNIFF_BYTES)
  if (head.includes(0)) return true
  // A multi-byte sequence may be cut at the sniff boundary: `stream` tolerates an incomplete tail.
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true })
    return false
  } catch {
    return true
  }
}

function binary(source: string, cause?: unknown): AppError<'FILE_BINARY'> {
  return new AppError(
    'FILE_BINARY',
    `${source}: not a text file (NUL bytes or invalid UTF-8)`,
    { source },
    cause === undefined ? undefined : { cause },
  )
}
