// Shared fixtures of the edit operations' tests (packages/core/src/edit): a small collection with folders,
// ids, scripts, examples and URL objects, deterministic ports, and a deep freeze that proves inputs stay intact.
import type { Clock, Collection, Random } from '../../src/index.js'
import { AppError } from '../../src/index.js'

/** A collection shaped like a Postman v2.1 export; a fresh copy each call. */
export function shopCollection(): Collection {
  return {
    info: {
      _postman_id: 'c-shop',
      name: 'Shop',
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    },
    item: [
      {
        name: 'Users',
        id: 'f-users',
        description: 'Everything about users.',
        item: [
          {
            name: 'List users',
            id: 'r-list',
            event: [
              {
                listen: 'test',
                id: 'e-list-test',
                script: { id: 's-list-test', type: 'text/javascript', exec: ['pm.test("ok", () => {})'] },
              },
            ],
            request: {
              method: 'GET',
              header: [{ key: 'Accept', value: 'application/json' }],
              url: {
                raw: '{{base}}/users?page=1&size=10',
                host: ['{{base}}'],
                path: ['users'],
                query: [
                  { key: 'page', value: '1' },
                  { key: 'debug', value: 'true', disabled: true },
                  { key: 'size', value: '10', description: 'Page size' },
                ],
              },
            },
            response: [{ id: 'x-list-ok', name: 'OK', code: 200, status: 'OK', header: [], body: '[]' }],
          },
          {
            name: 'Get user',
            id: 'r-get',
            request: {
              method: 'GET',
              url: {
                raw: '{{base}}/users/:id',
                host: ['{{base}}'],
                path: ['users', ':id'],
                variable: [{ key: 'id', value: '7', description: 'User id' }],
              },
            },
            response: [],
          },
          {
            name: 'Admin',
            id: 'f-admin',
            item: [{ name: 'Get user', id: 'r-admin-get', request: '{{base}}/admin/users/1' }],
          },
        ],
      },
      { name: 'Health', request: '{{base}}/health' },
    ],
  }
}

/** Randomness that counts: each 16 bytes drawn (one id) end with the next number, 1, 2, 3… */
export function countingRandom(): Random {
  let chunk = 0
  return {
    bytes: (length) => {
      const bytes = new Uint8Array(length)
      for (let end = 16; end <= length; end += 16) {
        chunk++
        for (let i = 0; i < 4; i++) bytes[end - 1 - i] = (chunk >>> (8 * i)) & 0xff
      }
      return bytes
    },
  }
}

/** A clock stopped at one instant. */
export const fixedClock: Clock = { now: () => new Date('2026-03-01T10:00:00.000Z') }

/** Freezes a value and everything in it, so an edit that mutates its input throws. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

/** The AppError a call throws. */
export function appErrorOf(call: () => unknown): AppError {
  try {
    call()
  } catch (error) {
    if (error instanceof AppError) return error as AppError
    throw error
  }
  throw new Error('expected an AppError')
}

/** Every `id` and `_postman_id` under a value, except variables' (v2.0's name for `key`). */
export function idsIn(value: unknown, ids: string[] = []): string[] {
  if (Array.isArray(value)) for (const entry of value) idsIn(entry, ids)
  else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'variable') continue
      if ((key === 'id' || key === '_postman_id') && typeof child === 'string') ids.push(child)
      else idsIn(child, ids)
    }
  }
  return ids
}
