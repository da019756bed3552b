/**
 * The clock core reads (token expiry, OAuth 1 and Hawk timestamps, AWS dates, `{{$timestamp}}`). Injected so tests
 * are deterministic.
 * @example const clock: Clock = { now: () => new Date('2026-01-01T00:00:00Z') }
 */
export interface Clock {
  now(): Date
}

/**
 * Randomness core uses (nonces, cnonces, multipart boundaries). Injected so tests are deterministic.
 * @example const random: Random = { bytes: (n) => new Uint8Array(n) }
 */
export interface Random {
  bytes(length: number): Uint8Array
}

/**
 * Reads the files a request names (form-data file fields, binary bodies, client certificates). Core has no fs; the
 * CLI passes one rooted at the working directory (Newman resolves `src` against the cwd), the UI one rooted at
 * the workspace. Throws AppError FILE_UNREADABLE naming the path when it cannot.
 * @example const files: FileSource = { read: async (path) => new TextEncoder().encode('hello') }
 */
export interface FileSource {
  read(path: string): Promise<Uint8Array>
}

/** The system clock. */
export const systemClock: Clock = { now: () => new Date() }

/** Cryptographically strong randomness from the platform (`crypto.getRandomValues`). */
export const systemRandom: Random = {
  bytes: (length) => globalThis.crypto.getRandomValues(new Uint8Array(length)),
}
