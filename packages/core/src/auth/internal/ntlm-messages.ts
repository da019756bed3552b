// NTLM message encoding (MS-NLMP §2.2.1) and NTLMv2 response computation (§3.3.2).
import { createHmac } from 'node:crypto'
import { md4 } from 'hash-wasm'

const signature = Buffer.from('NTLMSSP\0', 'latin1')

/** MS-NLMP §2.2.2.5 flags we use. */
export const ntlmFlags = {
  unicode: 0x00000001,
  oem: 0x00000002,
  requestTarget: 0x00000004,
  ntlm: 0x00000200,
  alwaysSign: 0x00008000,
  extendedSessionSecurity: 0x00080000,
  targetInfo: 0x00800000,
  bits128: 0x20000000,
  bits56: 0x80000000,
} as const

const negotiateFlags =
  ntlmFlags.unicode |
  ntlmFlags.oem |
  ntlmFlags.requestTarget |
  ntlmFlags.ntlm |
  ntlmFlags.alwaysSign |
  ntlmFlags.extendedSessionSecurity |
  ntlmFlags.bits128 |
  ntlmFlags.bits56

/** The NEGOTIATE_MESSAGE (type 1), without domain or workstation (§2.2.1.1). */
export function negotiateMessage(): Buffer {
  const message = Buffer.alloc(32)
  signature.copy(message, 0)
  message.writeUInt32LE(1, 8)
  message.writeUInt32LE(negotiateFlags >>> 0, 12)
  return message
}

/** What a CHALLENGE_MESSAGE (type 2, §2.2.1.2) carries for the client. */
export interface NtlmChallenge {
  flags: number
  serverChallenge: Buffer
  targetInfo: Buffer
  /** MsvAvTimestamp (AvId 7) from the target info, when the server sent one. */
  timestamp?: Buffer
}

/** Parses a CHALLENGE_MESSAGE; undefined when the bytes are not one. */
export function parseChallengeMessage(bytes: Buffer): NtlmChallenge | undefined {
  if (bytes.length < 32 || !bytes.subarray(0, 8).equals(signature) || bytes.readUInt32LE(8) !== 2)
    return undefined
  const flags = bytes.readUInt32LE(20)
  const serverChallenge = Buffer.from(bytes.subarray(24, 32))
  let targetInfo = Buffer.alloc(0)
  if (bytes.length >= 48) {
    const length = bytes.readUInt16LE(40)
    const offset = bytes.readUInt32LE(44)
    if (offset + length <= bytes.length) targetInfo = Buffer.from(bytes.subarray(offset, offset + length))
  }
  const challenge: NtlmChallenge = { flags, serverChallenge, targetInfo }
  for (let at = 0; at + 4 <= targetInfo.length;) {
    const id = targetInfo.readUInt16LE(at)
    const length = targetInfo.readUInt16LE(at + 2)
    if (id === 0) break
    if (id === 7 && length === 8) challenge.timestamp = Buffer.from(targetInfo.subarray(at + 4, at + 12))
    at += 4 + length
  }
  return challenge
}

/** NTOWFv2 (§3.3.2): HMAC-MD5 keyed with MD4(UTF-16LE(password)) over UTF-16LE(UPPER(user) + domain). */
export async function ntowfV2(password: string, user: string, domain: string): Promise<Buffer> {
  const ntHash = Buffer.from(await md4(Buffer.from(password, 'utf16le')), 'hex')
  return hmacMd5(ntHash, Buffer.from(user.toUpperCase() + domain, 'utf16le'))
}

/** The NTLMv2 responses of §3.3.2 for one challenge. */
export interface NtlmV2Responses {
  ntProofStr: Buffer
  ntChallengeResponse: Buffer
  lmChallengeResponse: Buffer
  sessionBaseKey: Buffer
}

/** Computes NTProofStr, the NT and LM challenge responses and the session base key (§3.3.2). */
export function ntlmV2Responses(
  responseKeyNt: Buffer,
  input: {
    serverChallenge: Buffer
    clientChallenge: Buffer
    time: Buffer
    targetInfo: Buffer
    omitLm?: boolean
  },
): NtlmV2Responses {
  const zero4 = Buffer.alloc(4)
  const temp = Buffer.concat([
    Buffer.from([1, 1, 0, 0]),
    zero4,
    input.time,
    input.clientChallenge,
    zero4,
    input.targetInfo,
    zero4,
  ])
  const ntProofStr = hmacMd5(responseKeyNt, Buffer.concat([input.serverChallenge, temp]))
  const lm = Buffer.concat([
    hmacMd5(responseKeyNt, Buffer.concat([input.serverChallenge, input.clientChallenge])),
    input.clientChallenge,
  ])
  return {
    ntProofStr,
    ntChallengeResponse: Buffer.concat([ntProofStr, temp]),
    // §3.1.5.1.2: with MsvAvTimestamp in the challenge the LM response is zeros.
    lmChallengeResponse: input.omitLm === true ? Buffer.alloc(24) : lm,
    sessionBaseKey: hmacMd5(responseKeyNt, ntProofStr),
  }
}

/** The AUTHENTICATE_MESSAGE (type 3, §2.2.1.3), without MIC or version. */
export function authenticateMessage(input: {
  flags: number
  lmChallengeResponse: Buffer
  ntChallengeResponse: Buffer
  domain: string
  user: string
  workstation: string
}): Buffer {
  const unicode = (input.flags & ntlmFlags.unicode) !== 0
  const text = (value: string): Buffer => Buffer.from(value, unicode ? 'utf16le' : 'latin1')
  const fields = [
    input.lmChallengeResponse,
    input.ntChallengeResponse,
    text(input.domain),
    text(input.user),
    text(input.workstation),
    Buffer.alloc(0),
  ]
  const header = Buffer.alloc(64)
  signature.copy(header, 0)
  header.writeUInt32LE(3, 8)
  let offset = header.length
  fields.forEach((field, index) => {
    const at = 12 + index * 8
    header.writeUInt16LE(field.length, at)
    header.writeUInt16LE(field.length, at + 2)
    header.writeUInt32LE(offset, at + 4)
    offset += field.length
  })
  header.writeUInt32LE(input.flags >>> 0, 60)
  return Buffer.concat([header, ...fields])
}

/** A FILETIME (100 ns ticks since 1601-01-01), little-endian, for the NTLMv2 blob. */
export function fileTime(date: Date): Buffer {
  const time = Buffer.alloc(8)
  time.writeBigUInt64LE((BigInt(date.getTime()) + 11_644_473_600_000n) * 10_000n)
  return time
}

function hmacMd5(key: Buffer, data: Buffer): Buffer {
  return createHmac('md5', key).update(data).digest()
}
