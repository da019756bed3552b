import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { collectionSchema } from '../collection-schema.js'
import { isCollectionShape } from './is-collection-shape.js'

const corpus = resolve(fileURLToPath(new URL('../../../../../', import.meta.url)), '../shared/corpus')

// v2.x collections of the corpus, small enough to mutate many times.
function corpusCollections(): { file: string; json: unknown }[] {
  const files = readdirSync(corpus, { recursive: true, encoding: 'utf8' }).filter(
    (file) =>
      file.endsWith('.json') && !file.startsWith('schemas/postmanlabs-schemas') && !file.includes('compiled'),
  )
  return files.flatMap((file) => {
    try {
      const text = readFileSync(join(corpus, file), 'utf8').replace(/^\uFEFF/, '')
      const json: unknown = JSON.parse(text)
      return typeof json === 'object' && json !== null && 'item' in json ? [{ file, json }] : []
    } catch {
      return []
    }
  })
}

// A small deterministic generator (mulberry32), so a failure names a reproducible seed.
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const replacements: unknown[] = [
  null,
  0,
  1.5,
  '',
  'text',
  true,
  false,
  [],
  {},
  [1],
  ['a'],
  { type: 'x' },
  [{}],
]

/** Replaces one random node (object value or array element) of a deep copy with a random JSON value. */
function mutate(json: unknown, next: () => number): unknown {
  const copy = structuredClone(json)
  const containers: (Record<string, unknown> | unknown[])[] = []
  const walk = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return
    containers.push(node as Record<string, unknown>)
    for (const child of Object.values(node)) walk(child)
  }
  walk(copy)
  const target = containers[Math.floor(next() * containers.length)] as Record<string, unknown>
  const keys = Object.keys(target)
  const key = keys.length === 0 || next() < 0.1 ? 'item' : (keys[Math.floor(next() * keys.length)] as string)
  target[key] = structuredClone(replacements[Math.floor(next() * replacements.length)])
  return copy
}

describe('isCollectionShape', () => {
  const collections = corpusCollections()

  it('agrees with collectionSchema on every v2.x collection of the corpus', () => {
    expect(collections.length).toBeGreaterThan(200)
    for (const { file, json } of collections) {
      expect([file, isCollectionShape(json)]).toEqual([file, collectionSchema.safeParse(json).success])
    }
  })

  it('agrees with collectionSchema on thousands of random mutations of real collections', () => {
    const small = collections.filter(({ json }) => JSON.stringify(json).length < 40_000)
    const next = random(20261129)
    let refused = 0
    for (let run = 0; run < 4000; run++) {
      const { file, json } = small[Math.floor(next() * small.length)] as { file: string; json: unknown }
      const mutated = mutate(json, next)
      const expected = collectionSchema.safeParse(mutated).success
      if (!expected) refused++
      expect([file, run, isCollectionShape(mutated)]).toEqual([file, run, expected])
    }
    // The mutations must exercise both answers, or the agreement proves little.
    expect(refused).toBeGreaterThan(400)
    expect(refused).toBeLessThan(3600)
  })
})
