// API input checks at the edge (STYLE.md: validate at the edges). Small and explicit: each route names the fields
// it reads, and a wrong one is a 400 API_INPUT_INVALID naming the field.
import type { Context } from 'hono'
import { invalidInput } from './api-error.js'

/** A JSON object read from a request body. */
export type Input = Record<string, unknown>

/**
 * Reads the body as a JSON object.
 * @throws AppError API_INPUT_INVALID when it is not one
 */
export async function readObject(c: Context): Promise<Input> {
  let value: unknown
  try {
    value = await c.req.json()
  } catch {
    throw invalidInput('body', 'must be JSON')
  }
  if (!isObject(value)) throw invalidInput('body', 'must be a JSON object')
  return value
}

/** Whether a value is a plain JSON object. */
export function isObject(value: unknown): value is Input {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A required non-empty string field. */
export function requireString(input: Input, field: string): string {
  const value = input[field]
  if (typeof value !== 'string' || value === '') throw invalidInput(field, 'must be a non-empty string')
  return value
}

/** An optional string field (absent or null: undefined). */
export function optionalString(input: Input, field: string): string | undefined {
  const value = input[field]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string') throw invalidInput(field, 'must be a string')
  return value
}

/** An optional whole number field. */
export function optionalInteger(input: Input, field: string, min = 0): number | undefined {
  const value = input[field]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min)
    throw invalidInput(field, `must be a whole number from ${min}`)
  return value
}

/** A required JSON object field. */
export function requireObject(input: Input, field: string): Input {
  const value = input[field]
  if (!isObject(value)) throw invalidInput(field, 'must be a JSON object')
  return value
}

/** A required array field. */
export function requireArray(input: Input, field: string): unknown[] {
  const value = input[field]
  if (!Array.isArray(value)) throw invalidInput(field, 'must be an array')
  return value
}
