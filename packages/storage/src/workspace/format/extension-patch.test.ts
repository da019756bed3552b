import { describe, expect, it } from 'vitest'
import { applyPatch, createPatch } from './extension-patch.js'

const roundTrip = (base: unknown, target: unknown): unknown => applyPatch(base, createPatch(base, target))

describe('extension patch', () => {
  it('is undefined when nothing differs', () => {
    expect(createPatch({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBeUndefined()
  })

  it('adds, replaces and removes keys of a map', () => {
    const patch = createPatch({ a: 1, b: 2, c: 3 }, { a: 1, c: 4, d: 5 })
    expect(patch).toStrictEqual({ c: 4, d: 5, $unset: ['b'] })
    expect(applyPatch({ a: 1, b: 2, c: 3 }, patch)).toStrictEqual({ a: 1, c: 4, d: 5 })
  })

  it('patches list elements by index, and all of them at once with "*"', () => {
    const base = [{ key: 'A' }, { key: 'B' }, { key: 'C' }]
    expect(createPatch(base, [{ key: 'A', type: 'text' }, { key: 'B' }, { key: 'C' }])).toStrictEqual({
      '0': { type: 'text' },
    })
    const every = base.map((entry) => ({ ...entry, type: 'text' }))
    expect(createPatch(base, every)).toStrictEqual({ '*': { type: 'text' } })
    expect(roundTrip(base, every)).toStrictEqual(every)
  })

  it('keeps the text form of a URL or of script lines as $text, so edits of the v3 field still apply', () => {
    expect(createPatch({ raw: 'https://a.test/x', host: ['a', 'test'] }, 'https://a.test/x')).toStrictEqual({
      $text: true,
    })
    expect(applyPatch({ raw: 'https://b.test/y', host: ['b', 'test'] }, { $text: true })).toBe(
      'https://b.test/y',
    )
    expect(roundTrip(['a', 'b'], 'a\nb')).toBe('a\nb')
  })

  it('escapes keys that start with $ and wraps maps that would read as a patch', () => {
    const target = { $unset: ['x'], $text: true, plain: 1 }
    expect(roundTrip({ plain: 1 }, target)).toStrictEqual(target)
    expect(roundTrip(7, { $text: true })).toStrictEqual({ $text: true })
    expect(roundTrip([1, 2], { a: 1 })).toStrictEqual({ a: 1 })
    expect(roundTrip({ a: 1 }, [1, 2])).toStrictEqual([1, 2])
    expect(roundTrip({ a: 1 }, null)).toBeNull()
  })

  it('keeps __proto__ as data', () => {
    const target = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as unknown
    const result = roundTrip({ a: 1 }, target) as Record<string, unknown>
    expect(Object.hasOwn(result, '__proto__')).toBe(true)
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })
})
