import zlib from 'node:zlib'

import { describe, expect, it } from 'vitest'

import { createBodyDecoder } from './decode-body.js'

type Outcome = { body: Buffer } | { limit: true } | { error: Error }

function decode(codings: string[], chunks: Buffer[], limitBytes = 1e6): Promise<Outcome> {
  return new Promise((resolve) => {
    const decoder = createBodyDecoder({
      codings,
      limitBytes,
      onLimit: () => resolve({ limit: true }),
      onError: (error) => resolve({ error }),
      onDone: (body) => resolve({ body }),
    })
    for (const chunk of chunks) decoder.write(chunk)
    decoder.end()
  })
}

const text = Buffer.from('courier '.repeat(1000))

describe('createBodyDecoder', () => {
  it('decodes a gzip body split across many chunks', async () => {
    const gz = zlib.gzipSync(text)
    const chunks = Array.from({ length: Math.ceil(gz.length / 7) }, (_, i) => gz.subarray(i * 7, i * 7 + 7))
    expect(await decode(['gzip'], chunks)).toEqual({ body: text })
  })

  it('accepts a truncated gzip stream, as curl and browsers do', async () => {
    const gz = zlib.gzipSync(text)
    const outcome = await decode(['gzip'], [gz.subarray(0, gz.length - 8)])
    expect('body' in outcome && outcome.body.equals(text)).toBe(true)
  })

  it('leaves a body with an unknown coding as received', async () => {
    const raw = Buffer.from('opaque')
    expect(await decode(['gzip, compress'], [raw])).toEqual({ body: raw })
    expect(await decode(['identity'], [raw])).toEqual({ body: raw })
  })

  it('reports a corrupt stream', async () => {
    const outcome = await decode(['gzip'], [Buffer.from('not gzip at all')])
    expect('error' in outcome).toBe(true)
  })

  it('stops at the limit on decoded bytes, not wire bytes', async () => {
    const bomb = zlib.gzipSync(Buffer.alloc(10 * 1024 * 1024))
    expect(bomb.length).toBeLessThan(20_000)
    expect(await decode(['gzip'], [bomb], 1024 * 1024)).toEqual({ limit: true })
  })
})
