import type { Warning } from '../types.js'

/** A JSON object read from an untrusted v1 document. */
export type JsonObject = Record<string, unknown>

/** Where in the v1 input a converter step is (`$.requests[3]`) and where it reports oddities. */
export interface V1Context {
  path: string
  warnings: Warning[]
}

/** Tells whether a value is a plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Returns the value when it is a string, otherwise undefined. */
export function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

/** Records a warning at `ctx.path` followed by `suffix` (`.url`, `[2]`). */
export function warn(ctx: V1Context, suffix: string, message: string): void {
  ctx.warnings.push({ path: ctx.path + suffix, message })
}

/** Returns a context for a child of `ctx.path`, sharing the same warning list. */
export function childContext(ctx: V1Context, suffix: string): V1Context {
  return { path: ctx.path + suffix, warnings: ctx.warnings }
}

/** Copies an object and removes `description` when it is empty, as Postman's converter keeps collections clean. */
export function withoutEmptyDescription(source: JsonObject): JsonObject {
  const copy: JsonObject = { ...source }
  if (
    'description' in copy &&
    (copy.description === '' || copy.description === null || copy.description === undefined)
  ) {
    delete copy.description
  }
  return copy
}
