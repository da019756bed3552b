/** A parsed query string or form: a repeated key becomes an array, as postman-echo answers. */
export type EchoParams = Record<string, string | string[]>

/** The body fields of a postman-echo answer for `POST`/`PUT`/`PATCH`/`DELETE`. */
export interface EchoBody {
  data: unknown
  files: Record<string, string>
  form: EchoParams
  json: unknown
}

function addParam(params: EchoParams, key: string, value: string): void {
  const previous = params[key]
  if (previous === undefined) params[key] = value
  else if (Array.isArray(previous)) previous.push(value)
  else params[key] = [previous, value]
}

/** Parses `a=1&a=2&b` into `{ a: ['1', '2'], b: '' }` (empty keys are dropped, as postman-echo does). */
export function parseParams(query: string): EchoParams {
  const params: EchoParams = {}
  for (const [key, value] of new URLSearchParams(query)) {
    if (key !== '') addParam(params, key, value)
  }
  return params
}

function headerParam(header: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|;)\\s*${name}="([^"]*)"|(?:^|;)\\s*${name}=([^;\\s]*)`, 'i').exec(header)
  return match ? (match[1] ?? match[2]) : undefined
}

interface MultipartPart {
  name: string
  filename: string | undefined
  content: Buffer
}

/** Splits a `multipart/form-data` body (RFC 7578) into its parts. */
export function parseMultipart(body: Buffer, boundary: string): MultipartPart[] {
  const delimiter = Buffer.from(`--${boundary}`)
  const parts: MultipartPart[] = []
  let start = body.indexOf(delimiter)
  while (start !== -1) {
    const afterDelimiter = start + delimiter.length
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') break
    const next = body.indexOf(delimiter, afterDelimiter)
    if (next === -1) break
    // A part is CRLF, headers, CRLF CRLF, content, CRLF, then the next delimiter.
    const part = body.subarray(afterDelimiter + 2, next - 2)
    const headerEnd = part.indexOf('\r\n\r\n')
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString('utf8')
      const disposition = /^content-disposition:(.*)$/im.exec(headers)?.[1] ?? ''
      const name = headerParam(disposition, 'name')
      if (name !== undefined) {
        parts.push({
          name,
          filename: headerParam(disposition, 'filename'),
          content: part.subarray(headerEnd + 4),
        })
      }
    }
    start = next
  }
  return parts
}

/** Interprets a request body the way postman-echo does, by its `Content-Type`. */
export function parseEchoBody(body: Buffer, contentType: string | undefined): EchoBody {
  const result: EchoBody = { data: {}, files: {}, form: {}, json: null }
  if (body.length === 0) return result
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
  const text = body.toString('utf8')
  if (mediaType === 'application/x-www-form-urlencoded') {
    result.form = parseParams(text)
    result.data = ''
    result.json = result.form
  } else if (mediaType === 'multipart/form-data') {
    const boundary = headerParam(contentType ?? '', 'boundary') ?? ''
    for (const part of parseMultipart(body, boundary)) {
      // postman-echo labels every file octet-stream whatever its type, and keys it by file name.
      if (part.filename !== undefined) {
        result.files[part.filename] =
          `data:application/octet-stream;base64,${part.content.toString('base64')}`
      } else addParam(result.form, part.name, part.content.toString('utf8'))
    }
  } else if (mediaType === 'application/json' || mediaType.endsWith('+json')) {
    try {
      result.json = JSON.parse(text) as unknown
      result.data = result.json
    } catch {
      result.data = text
    }
  } else result.data = text
  return result
}
