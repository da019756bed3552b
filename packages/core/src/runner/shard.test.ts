import { describe, expect, it } from 'vitest'
import { isAppError } from '../errors/index.js'
import { parseShard, shardRequests } from './shard.js'

const list = (length: number) => Array.from({ length }, (_, index) => `r${index}`)
const shards = (length: number, total: number) =>
  Array.from({ length: total }, (_, k) => shardRequests(list(length), { index: k + 1, total }))

describe('shardRequests', () => {
  it('splits the list into contiguous blocks whose union, in order, is the whole list', () => {
    for (const length of [0, 1, 2, 5, 7, 10, 31]) {
      for (const total of [1, 2, 3, 4, 7, 12]) {
        expect(shards(length, total).flat()).toEqual(list(length))
      }
    }
  })

  it('gives every request to exactly one shard', () => {
    const parts = shards(23, 5)
    const seen = parts.flat()
    expect(new Set(seen).size).toBe(seen.length)
    for (const [k, part] of parts.entries())
      for (const other of parts.slice(k + 1)) expect(part.filter((r) => other.includes(r))).toEqual([])
  })

  it('keeps shard sizes within one of each other, larger ones first', () => {
    for (const [length, total] of [
      [10, 3],
      [2, 5],
      [100, 7],
      [6, 6],
    ] as const) {
      const sizes = shards(length, total).map((part) => part.length)
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1)
      expect([...sizes].sort((a, b) => b - a)).toEqual(sizes)
    }
    expect(shards(10, 3)).toEqual([
      ['r0', 'r1', 'r2', 'r3'],
      ['r4', 'r5', 'r6'],
      ['r7', 'r8', 'r9'],
    ])
  })

  it('leaves extra shards empty when there are fewer requests than shards', () => {
    expect(shards(2, 4)).toEqual([['r0'], ['r1'], [], []])
  })

  it('moves at most one request per boundary when a request is added at the end', () => {
    const before = shards(20, 4)
    const after = shards(21, 4)
    const moved = list(20).filter(
      (r) => before.findIndex((part) => part.includes(r)) !== after.findIndex((part) => part.includes(r)),
    )
    expect(moved.length).toBeLessThanOrEqual(3)
  })

  it('rejects a shard outside 1..total as a programmer error', () => {
    expect(() => shardRequests(list(3), { index: 0, total: 2 })).toThrow(RangeError)
    expect(() => shardRequests(list(3), { index: 3, total: 2 })).toThrow(RangeError)
  })
})

describe('parseShard', () => {
  it('reads i/n', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, total: 3 })
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, total: 1 })
  })

  it.each(['0/3', '4/3', '1/0', 'a/b', '2', '-1/3', '1.5/3', '1/3/4', ''])(
    'rejects %j as a usage error',
    (text) => {
      let caught: unknown
      try {
        parseShard(text)
      } catch (error) {
        caught = error
      }
      expect(isAppError(caught, 'USAGE_INVALID')).toBe(true)
      expect((caught as Error).message).toContain('--shard')
    },
  )
})
