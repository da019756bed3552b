import type { ErrorCode, ErrorDetails } from './codes.js'

/**
 * An operational error: something the user can fix. Carries a code and typed details; `message` is precise and
 * never holds a secret.
 * @example throw new AppError('FILE_EMPTY', 'collection.json: the file is empty', { source: 'collection.json' })
 */
export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  override name = 'AppError'
  readonly code: C
  readonly details: ErrorDetails[C]

  constructor(code: C, message: string, details: ErrorDetails[C], options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
    this.details = details
  }

  toJSON(): { code: C; message: string; details: ErrorDetails[C] } {
    return { code: this.code, message: this.message, details: this.details }
  }
}

/**
 * Tells whether `error` is an AppError, optionally of one code. Works across package copies (no `instanceof`).
 * @example if (isAppError(e, 'JSON_INVALID')) console.log(e.details.line)
 */
export function isAppError<C extends ErrorCode>(error: unknown, code?: C): error is AppError<C> {
  if (typeof error !== 'object' || error === null) return false
  const candidate = error as { name?: unknown; code?: unknown; details?: unknown }
  if (candidate.name !== 'AppError' || typeof candidate.code !== 'string' || !('details' in candidate))
    return false
  return code === undefined || candidate.code === code
}
