import { describe, expect, it } from 'vitest'
import { isAppError } from '../errors/index.js'
import { decodeText } from './decode-text.js'

const source = 'f.json'
const codeOf = (run: () => unknown): string | undefined => {
  try {
    run()
  } catch (error) {
    return isAppError(error) ? error.code : 'not an AppError'
  }
  return undefined
}

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeText(new TextEncoder().encode('{"a":"é"}'), { source })).toBe('{"a":"é"}')
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]), { source })).toBe('{}')
    expect(decodeText('\uFEFF{}', { source })).toBe('{}')
  })

  it('reads UTF-16LE and UTF-16BE with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"é":1}', 'utf16le')])
    expect(decodeText(le, { source })).toBe('{"é":1}')
    const be = Buffer.from(le).swap16()
    expect(decodeText(be, { source })).toBe('{"é":1}')
  })

  it('rejects an empty or blank file with FILE_EMPTY', () => {
    expect(codeOf(() => decodeText(new Uint8Array(), { source }))).toBe('FILE_EMPTY')
    expect(codeOf(() => decodeText(' \n\t ', { source }))).toBe('FILE_EMPTY')
    expect(codeOf(() => decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, 0x20]), { source }))).toBe('FILE_EMPTY')
  })

  it('rejects NUL bytes and invalid UTF-8 with FILE_BINARY', () => {
    expect(codeOf(() => decodeText(Uint8Array.from([0x7b, 0x00, 0x7d]), { source }))).toBe('FILE_BINARY')
    expect(codeOf(() => decodeText(Uint8Array.from([0x89, 0x50, 0x4e, 0x47]), { source }))).toBe(
      'FILE_BINARY',
    )
  })
})
