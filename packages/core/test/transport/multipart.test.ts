import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createUndiciTransport } from '../../src/http/index.js'
import type { FormPart, HttpHeader, TransportRequest } from '../../src/http/index.js'
import { readBody, startHttpServer, type LocalServer } from './local-servers.js'

const settings: TransportRequest['settings'] = {
  strictSSL: true,
  insecureHTTPParser: false,
  timeoutMs: 0,
  connectTimeoutMs: 5_000,
  maxResponseBytes: 1024 * 1024,
}

interface Parsed {
  contentType: string
  contentLength: string | undefined
  fields: Record<string, string>
  files: Record<string, { name: string; type: string; bytes: number[] }>
}

describe('createUndiciTransport multipart bodies', () => {
  let server: LocalServer
  const transport = createUndiciTransport({ proxy: 'none' })
  beforeAll(async () => {
    // The server parses the body with the platform's multipart parser (undici's Response.formData()).
    server = await startHttpServer((request, response) => {
      void (async () => {
        const body = await readBody(request)
        const contentType = request.headers['content-type'] ?? ''
        const form = await new Response(body, { headers: { 'content-type': contentType } }).formData()
        const parsed: Parsed = {
          contentType,
          contentLength: request.headers['content-length'],
          fields: {},
          files: {},
        }
        for (const [name, value] of form) {
          if (typeof value === 'string') parsed.fields[name] = value
          else {
            const bytes = [...new Uint8Array(await value.arrayBuffer())]
            parsed.files[name] = { name: value.name, type: value.type, bytes }
          }
        }
        response.end(JSON.stringify(parsed))
      })()
    })
  })
  afterAll(async () => {
    await transport.close()
    await server.close()
  })

  const parts: FormPart[] = [
    { type: 'text', name: 'greeting', value: 'héllo' },
    { type: 'text', name: 'quote"d', value: 'a\r\nb' },
    {
      type: 'file',
      name: 'upload',
      fileName: 'data.bin',
      bytes: new Uint8Array([0, 1, 2, 255]),
      contentType: 'x/y',
    },
  ]

  async function send(headers: HttpHeader[]): Promise<Parsed> {
    const request: TransportRequest = {
      method: 'POST',
      url: `${server.url}/form`,
      headers,
      body: { type: 'multipart', parts },
      settings,
    }
    const response = await transport.send(request)
    return JSON.parse(Buffer.from(response.body).toString()) as Parsed
  }

  it('writes text and file parts with a Content-Length, appending the boundary to the Content-Type', async () => {
    const parsed = await send([{ key: 'Content-Type', value: 'multipart/form-data' }])
    expect(parsed.contentType).toMatch(/^multipart\/form-data; boundary=-{26}\d{24}$/)
    expect(Number(parsed.contentLength)).toBeGreaterThan(0)
    expect(parsed.fields).toEqual({ greeting: 'héllo', 'quote"d': 'a\r\nb' })
    expect(parsed.files.upload).toEqual({ name: 'data.bin', type: 'x/y', bytes: [0, 1, 2, 255] })
  })

  it('sets a multipart Content-Type when none is given', async () => {
    const parsed = await send([])
    expect(parsed.contentType).toMatch(/^multipart\/form-data; boundary=/)
    expect(parsed.fields.greeting).toBe('héllo')
  })

  it('keeps a boundary the user already chose', async () => {
    const parsed = await send([
      { key: 'content-type', value: 'multipart/form-data; boundary=chosen-by-user' },
    ])
    expect(parsed.contentType).toBe('multipart/form-data; boundary=chosen-by-user')
    expect(parsed.files.upload?.bytes).toEqual([0, 1, 2, 255])
  })
})
