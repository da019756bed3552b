import { AppError } from '../../errors/index.js'
import type { ResolvedAuth } from '../../http/types.js'

/** Typed reads of one auth block's params; values arrive as strings, booleans or numbers from v2.0/v2.1 files. */
export interface AuthParams {
  readonly type: string
  /** The param as a string, or `fallback` when it is absent or empty. */
  text(name: string, fallback?: string): string
  /** True when the param is there at all, even empty (Postman tells a cleared field from a missing one). */
  has(name: string): boolean
  /** The param as a string, or undefined when it is absent or empty. */
  optional(name: string): string | undefined
  /** The param as a non-empty string; AUTH_INVALID naming the param (never its value) otherwise. */
  required(name: string): string
  /** The param as a boolean (`true`, `'true'`, `1`); `fallback` when absent or empty. */
  flag(name: string, fallback: boolean): boolean
  /** AUTH_INVALID for this scheme with `reason`. */
  invalid(reason: string, options?: { cause?: unknown }): AppError<'AUTH_INVALID'>
}

/** Wraps a resolved auth block's params for typed reads. */
export function readParams(auth: ResolvedAuth): AuthParams {
  const raw = (name: string): string | undefined => {
    if (!Object.hasOwn(auth.params, name)) return undefined
    const value = auth.params[name]
    if (value === undefined || value === null) return undefined
    const text =
      typeof value === 'string'
        ? value
        : typeof value === 'number' || typeof value === 'boolean'
          ? String(value)
          : JSON.stringify(value)
    return text === '' ? undefined : text
  }
  const invalid = (reason: string, options?: { cause?: unknown }): AppError<'AUTH_INVALID'> =>
    new AppError('AUTH_INVALID', `${auth.type} auth: ${reason}`, { type: auth.type, reason }, options)
  return {
    type: auth.type,
    text: (name, fallback = '') => raw(name) ?? fallback,
    optional: raw,
    has: (name) => Object.hasOwn(auth.params, name) && auth.params[name] != null,
    required(name) {
      const value = raw(name)
      if (value === undefined) throw invalid(`the ${name} param is missing or empty`)
      return value
    },
    flag(name, fallback) {
      const value = raw(name)?.trim().toLowerCase()
      if (value === undefined) return fallback
      return value === 'true' || value === '1'
    },
    invalid,
  }
}
