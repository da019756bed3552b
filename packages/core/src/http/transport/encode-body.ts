import { randomBytes } from 'node:crypto'

import type { FormPart, HttpHeader, PreparedBody } from '../types.js'

/** A body as undici writes it, with the headers it needs (the multipart boundary appended). */
export interface EncodedBody {
  headers: HttpHeader[]
  body: Buffer | undefined
}

const CRLF = '\r\n'

/**
 * Turns a prepared body into bytes. Multipart bodies are built here so their length is known (servers that need a
 * Content-Length get one) and the boundary is appended to an existing `multipart/form-data` Content-Type.
 * @example encodeBody({ type: 'text', text: 'hi' }, [])
 */
export function encodeBody(body: PreparedBody, headers: HttpHeader[]): EncodedBody {
  switch (body.type) {
    case 'none':
      return { headers, body: undefined }
    case 'text':
      return { headers, body: Buffer.from(body.text, 'utf8') }
    case 'bytes':
      return { headers, body: Buffer.from(body.bytes.buffer, body.bytes.byteOffset, body.bytes.byteLength) }
    case 'multipart':
      return encodeMultipart(body.parts, headers)
  }
}

function encodeMultipart(parts: FormPart[], headers: HttpHeader[]): EncodedBody {
  const index = headers.findIndex((header) => header.key.toLowerCase() === 'content-type')
  const existing = index === -1 ? undefined : headers[index]
  const given = existing ? /;\s*boundary="?([^";]+)"?/i.exec(existing.value)?.[1] : undefined
  // Postman's boundary shape: 26 dashes and 24 digits.
  const boundary = given ?? `--------------------------${randomDigits(24)}`
  let out = headers
  if (!existing) {
    out = [...headers, { key: 'Content-Type', value: `multipart/form-data; boundary=${boundary}` }]
  } else if (given === undefined && /^\s*multipart\/form-data\b/i.test(existing.value)) {
    out = headers.map((header, i) =>
      i === index
        ? { key: header.key, value: `${header.value.replace(/;\s*$/, '')}; boundary=${boundary}` }
        : header,
    )
  }
  const chunks: Buffer[] = []
  for (const part of parts) {
    let head = `--${boundary}${CRLF}Content-Disposition: form-data; name="${escapeName(part.name)}"`
    if (part.type === 'file') head += `; filename="${escapeName(part.fileName)}"`
    const contentType = part.contentType ?? (part.type === 'file' ? 'application/octet-stream' : undefined)
    if (contentType !== undefined) head += `${CRLF}Content-Type: ${contentType}`
    chunks.push(Buffer.from(`${head}${CRLF}${CRLF}`, 'utf8'))
    chunks.push(
      part.type === 'file'
        ? Buffer.from(part.bytes.buffer, part.bytes.byteOffset, part.bytes.byteLength)
        : Buffer.from(part.value, 'utf8'),
    )
    chunks.push(Buffer.from(CRLF))
  }
  chunks.push(Buffer.from(`--${boundary}--${CRLF}`))
  return { headers: out, body: Buffer.concat(chunks) }
}

// The WHATWG HTML form encoding escapes only these three characters in names and file names.
function escapeName(name: string): string {
  return name.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function randomDigits(count: number): string {
  return Array.from(randomBytes(count), (byte) => String(byte % 10)).join('')
}
