import { AppError } from '../errors/index.js'

/** One part of a run split for a CI matrix (`--shard 2/3`): `index` counts from 1 up to `total`. */
export interface Shard {
  index: number
  total: number
}

/**
 * Reads `i/n` as `courier run --shard` takes it: whole numbers with 1 ≤ i ≤ n.
 * @throws AppError USAGE_INVALID for anything else (`0/3`, `4/3`, `1/0`, `a/b`, `2`).
 * @example parseShard('2/3') // { index: 2, total: 3 }
 */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text)
  const index = Number(match?.[1])
  const total = Number(match?.[2])
  if (match === null || !Number.isSafeInteger(total) || total < 1 || index < 1 || index > total) {
    throw new AppError('USAGE_INVALID', `--shard ${text}: expected i/n with 1 ≤ i ≤ n, e.g. --shard 2/3`, {
      message: `bad --shard ${text}`,
    })
  }
  return { index, total }
}

/**
 * The requests of one shard: the i-th of n contiguous blocks of the list, in order, as equal as can be (sizes
 * differ by at most one; the first `length % n` blocks take the extra one). Contiguous blocks keep a folder's
 * requests together, so a request usually runs beside the ones that set its variables; adding or removing a
 * request moves each block boundary by at most one place (docs/adr/0010-run-shards.md).
 * @example shardRequests(['a', 'b', 'c', 'd', 'e'], { index: 2, total: 2 }) // ['d', 'e']
 */
export function shardRequests<T>(requests: readonly T[], shard: Shard): T[] {
  if (!Number.isInteger(shard.index) || shard.index < 1 || shard.index > shard.total)
    throw new RangeError(`shard ${shard.index}/${shard.total} is out of range`)
  const start = blockStart(requests.length, shard.total, shard.index - 1)
  const end = blockStart(requests.length, shard.total, shard.index)
  return requests.slice(start, end)
}

/** Where block `k` of `n` starts in a list of `length`: the first `length % n` blocks are one longer. */
function blockStart(length: number, n: number, k: number): number {
  const size = Math.floor(length / n)
  return k * size + Math.min(k, length % n)
}
