// What the auth scheme tests share: a plain prepared request and an auth context with an injected clock and
// randomness (each scheme's published vectors fix them).
import type { AuthContext } from '../../src/auth/types.js'
import { defaultRequestSettings, type PreparedRequest } from '../../src/http/types.js'

/** A GET of `url` with no headers or body and Postman's default settings, overridable field by field. */
export function preparedRequest(url: string, extra: Partial<PreparedRequest> = {}): PreparedRequest {
  return {
    method: 'GET',
    url,
    headers: [],
    body: { type: 'none' },
    settings: defaultRequestSettings,
    ...extra,
  }
}

/** An auth context at `now` whose random bytes come from `bytes` (zeros by default) and that has no files. */
export function authContext(options: { now: Date; bytes?: (length: number) => Uint8Array }): AuthContext {
  return {
    clock: { now: () => options.now },
    random: { bytes: options.bytes ?? ((length) => new Uint8Array(length)) },
    files: { read: () => Promise.reject(new Error('no files')) },
  }
}
