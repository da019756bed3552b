import { describe, expect, it } from 'vitest'
import {
  authenticateMessage,
  fileTime,
  ntlmV2Responses,
  ntowfV2,
  parseChallengeMessage,
} from './ntlm-messages.js'

const hex = (text: string): Buffer => Buffer.from(text.replace(/\s+/g, ''), 'hex')

// MS-NLMP §4.2.1 common values and §4.2.4 NTLMv2 authentication.
const serverChallenge = hex('01 23 45 67 89 ab cd ef')
const clientChallenge = hex('aa aa aa aa aa aa aa aa')
const time = hex('00 00 00 00 00 00 00 00')
const targetInfo = hex(
  '02 00 0c 00 44 00 6f 00 6d 00 61 00 69 00 6e 00 01 00 0c 00 53 00 65 00 72 00 76 00 65 00 72 00 00 00 00 00',
)

describe('MS-NLMP §4.2.4 NTLMv2 vectors', () => {
  it('computes NTOWFv2 (ResponseKeyNT)', async () => {
    expect((await ntowfV2('Password', 'User', 'Domain')).toString('hex')).toBe(
      '0c868a403bfd7a93a3001ef22ef02e3f',
    )
  })

  it('computes the LMv2 response, NTProofStr and SessionBaseKey', async () => {
    const key = await ntowfV2('Password', 'User', 'Domain')
    const r = ntlmV2Responses(key, { serverChallenge, clientChallenge, time, targetInfo })
    expect(r.lmChallengeResponse.toString('hex')).toBe('86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa')
    expect(r.ntProofStr.toString('hex')).toBe('68cd0ab851e51c96aabc927bebef6a1c')
    expect(r.sessionBaseKey.toString('hex')).toBe('8de40ccadbc14a82f15cb0ad0de95ca3')
    expect(r.ntChallengeResponse.subarray(16).toString('hex')).toBe(
      '0101000000000000' +
        '0000000000000000' +
        'aaaaaaaaaaaaaaaa' +
        '00000000' +
        targetInfo.toString('hex') +
        '00000000',
    )
  })
})

describe('NTLM messages', () => {
  it('parses a challenge with target info and its timestamp', () => {
    const info = Buffer.concat([
      targetInfo.subarray(0, -4),
      hex('07 00 08 00 01 02 03 04 05 06 07 08 00 00 00 00'),
    ])
    const message = Buffer.alloc(48 + info.length)
    message.write('NTLMSSP\0', 0, 'latin1')
    message.writeUInt32LE(2, 8)
    message.writeUInt32LE(0x00808201, 20)
    serverChallenge.copy(message, 24)
    message.writeUInt16LE(info.length, 40)
    message.writeUInt16LE(info.length, 42)
    message.writeUInt32LE(48, 44)
    info.copy(message, 48)
    expect(parseChallengeMessage(message)).toEqual({
      flags: 0x00808201,
      serverChallenge,
      targetInfo: info,
      timestamp: hex('01 02 03 04 05 06 07 08'),
    })
    expect(parseChallengeMessage(Buffer.from('not ntlm at all, not ntlm at all'))).toBeUndefined()
  })

  it('lays out the authenticate message with Unicode fields after a 64-byte header', () => {
    const message = authenticateMessage({
      flags: 1,
      lmChallengeResponse: Buffer.alloc(24, 1),
      ntChallengeResponse: Buffer.alloc(30, 2),
      domain: 'D',
      user: 'U',
      workstation: 'W',
    })
    expect(message.readUInt32LE(8)).toBe(3)
    expect(message.readUInt32LE(16)).toBe(64) // LM offset
    expect(message.readUInt32LE(24)).toBe(88) // NT offset
    expect(message.subarray(118, 120).toString('utf16le')).toBe('D')
    expect(message.length).toBe(64 + 24 + 30 + 6)
  })

  it('converts dates to FILETIME', () => {
    expect(fileTime(new Date(0)).readBigUInt64LE()).toBe(116_444_736_000_000_000n)
  })
})
