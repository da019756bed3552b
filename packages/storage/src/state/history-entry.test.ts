import type { Exchange, SentRequest, TransportResponse } from '@courier/core'
import { describe, expect, it } from 'vitest'
import { toHistoryEntry } from './history-entry.js'

const sentAt = new Date('2026-03-01T10:00:00Z')

function response(body: string): TransportResponse {
  const bytes = new TextEncoder().encode(body)
  return {
    status: 200,
    statusText: 'OK',
    httpVersion: '1.1',
    headers: [{ key: 'Set-Cookie', value: 'sid=abc123; Path=/' }],
    body: bytes,
    timings: { firstByteMs: 1, downloadMs: 0, totalMs: 1 },
    sizes: { headersBytes: 30, bodyBytes: bytes.byteLength, decodedBodyBytes: bytes.byteLength },
  }
}

function exchange(request: Partial<SentRequest>, body = ''): Exchange {
  const sent: SentRequest = {
    method: 'POST',
    url: 'http://127.0.0.1:1/x',
    headers: [],
    body: { type: 'none' },
    ...request,
  }
  const received = response(body)
  return { request: sent, response: received, hops: [{ request: sent, response: received }], totalMs: 3 }
}

describe('toHistoryEntry', () => {
  it('cuts a text body on a character boundary and flags it', () => {
    // 'é' is two bytes in UTF-8: a cut at 5 bytes would split the third one.
    const entry = toHistoryEntry(
      { source: 'cli', exchange: exchange({ body: { type: 'text', text: 'ééééé' } }), secrets: [] },
      { maxBodyBytes: 5, sentAt },
    )
    expect(entry.request.body).toEqual({ type: 'text', text: 'éé', sizeBytes: 10, truncated: true })
  })

  it('keeps multipart text fields within the limit and file parts by name and size only', () => {
    const entry = toHistoryEntry(
      {
        source: 'ui',
        exchange: exchange({
          body: {
            type: 'multipart',
            parts: [
              { type: 'text', name: 'a', value: 'abcdef' },
              { type: 'file', name: 'f', fileName: 'x.bin', bytes: new Uint8Array(100), contentType: 'x/y' },
              { type: 'text', name: 'b', value: 'ghijkl' },
            ],
          },
        }),
        secrets: [],
      },
      { maxBodyBytes: 8, sentAt },
    )
    expect(entry.request.body).toEqual({
      type: 'multipart',
      parts: [
        { type: 'text', name: 'a', value: 'abcdef' },
        { type: 'file', name: 'f', fileName: 'x.bin', sizeBytes: 100, contentType: 'x/y' },
        { type: 'text', name: 'b', value: 'gh' },
      ],
      truncated: true,
    })
  })

  it('keeps every hop without bodies, credential headers masked', () => {
    const entry = toHistoryEntry(
      {
        source: 'run',
        exchange: exchange({ headers: [{ key: 'Cookie', value: 'sid=abc123' }] }, 'hello'),
        secrets: [],
      },
      { maxBodyBytes: 100, sentAt },
    )
    expect(entry.hops).toEqual([
      {
        request: { method: 'POST', url: 'http://127.0.0.1:1/x', headers: [{ key: 'Cookie', value: '••••' }] },
        response: { status: 200, statusText: 'OK', headers: [{ key: 'Set-Cookie', value: '••••' }] },
      },
    ])
    expect(entry.response?.body).toEqual({
      bytes: new TextEncoder().encode('hello'),
      sizeBytes: 5,
      truncated: false,
    })
  })

  it('masks a secret before cutting, so no prefix of it is kept', () => {
    const secret = 'abcdefghijkl'
    const entry = toHistoryEntry(
      { source: 'cli', exchange: exchange({}, `xx${secret}`), secrets: [secret] },
      { maxBodyBytes: 6, sentAt },
    )
    // A response body is cut as bytes (it may not be text): the first 6 bytes of the masked body.
    expect(Buffer.from(entry.response?.body.bytes ?? [])).toEqual(Buffer.from('xx••••').subarray(0, 6))
    expect(entry.response?.body).toMatchObject({ sizeBytes: 14, truncated: true })
  })

  it('takes the time from the record when given, else from the caller', () => {
    const record = { source: 'cli' as const, exchange: exchange({}), secrets: [] }
    expect(toHistoryEntry(record, { maxBodyBytes: 1, sentAt }).sentAt).toBe('2026-03-01T10:00:00.000Z')
    const at = new Date('2025-01-01T00:00:00Z')
    expect(toHistoryEntry({ ...record, sentAt: at }, { maxBodyBytes: 1, sentAt }).sentAt).toBe(
      '2025-01-01T00:00:00.000Z',
    )
  })

  it('ignores an empty secret instead of masking everything', () => {
    const entry = toHistoryEntry(
      { source: 'cli', exchange: exchange({ url: 'http://127.0.0.1:1/plain' }), secrets: [''] },
      { maxBodyBytes: 1, sentAt },
    )
    expect(entry.url).toBe('http://127.0.0.1:1/plain')
  })
})
