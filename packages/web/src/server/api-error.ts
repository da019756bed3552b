// How errors cross the HTTP API (docs/ui-api.md): `{ error: { code, message, hint } }`, the status from the code.
import { AppError, hintFor, isAppError, type ErrorCode } from '@courier/core'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

/** The JSON body of an error answer. */
export interface ApiErrorBody {
  error: { code: string; message: string; hint?: string }
}

const conflicts: ReadonlySet<ErrorCode> = new Set([
  'WORKSPACE_STALE',
  'WORKSPACE_CONFLICT',
  'WORKSPACE_LOCKED',
])

/**
 * The HTTP status of an error: 404 for what names nothing, 409 for a write refused, 401/403 for access, 400 for
 * other operational errors, 500 for bugs.
 * @example statusOf(new AppError('ITEM_NOT_FOUND', …)) // 404
 */
export function statusOf(error: unknown): ContentfulStatusCode {
  if (!isAppError(error)) return 500
  if (isAppError(error, 'UI_ACCESS_DENIED')) return error.details.reason === 'token' ? 401 : 403
  if (error.code.endsWith('_NOT_FOUND')) return 404
  if (conflicts.has(error.code)) return 409
  return 400
}

/**
 * The JSON body for an error: an AppError's code, one-line message and hint (never its details, which may name
 * more than the user needs); anything else is a bug, said as such.
 * @example errorBody(new AppError('WORKSPACE_STALE', 'x: changed', { path: 'x' })).error.code // 'WORKSPACE_STALE'
 */
export function errorBody(error: unknown): ApiErrorBody {
  if (isAppError(error))
    return { error: { code: error.code, message: error.message, hint: hintFor(error.code, error.details) } }
  const message = error instanceof Error ? error.message : String(error)
  return { error: { code: 'INTERNAL', message: `internal error (a bug in Courier): ${message}` } }
}

/**
 * An API input that is not what the route takes.
 * @example throw invalidInput('name', 'must be a non-empty string')
 */
export function invalidInput(field: string, reason: string): AppError<'API_INPUT_INVALID'> {
  return new AppError('API_INPUT_INVALID', `${field}: ${reason}`, { field, reason })
}
