import { describe, expect, it } from 'vitest'
import { countingRandom, deepFreeze, idsIn, shopCollection } from '../../test/support/edit-fixtures.js'
import { duplicateItem } from './duplicate-item.js'

describe('duplicateItem', () => {
  it('copies a folder right after the original with no id in common', () => {
    const before = deepFreeze(shopCollection())
    const { collection, changed } = duplicateItem(before, 'Users', { random: countingRandom() })
    const [original, copy] = collection.item
    expect(copy?.name).toBe('Users Copy')
    expect(original).toBe(before.item[0])
    const originalIds = idsIn(original)
    const copyIds = idsIn(copy)
    expect(originalIds).toHaveLength(8)
    expect(copyIds).toHaveLength(originalIds.length)
    expect(copyIds.filter((id) => originalIds.includes(id))).toEqual([])
    expect(new Set(copyIds).size).toBe(copyIds.length)
    expect(changed).toEqual([
      { type: 'item-added', itemId: copy?.['id'], at: { index: [1], path: ['Users Copy'] } },
    ])
  })

  it('copies everything else as it is', () => {
    const { collection } = duplicateItem(shopCollection(), 'r-list', { random: countingRandom() })
    const strip = (value: unknown): string =>
      JSON.stringify(value, (key, v: unknown) => (key === 'id' || key === 'name' ? undefined : v))
    const [original, copy] = collection.item[0]?.item ?? []
    expect(strip(copy)).toBe(strip(original))
    expect(copy?.response?.[0]?.name).toBe('OK')
    expect(copy?.request).not.toBe(original?.request)
  })

  it('gives an item without id an id, and takes the name asked', () => {
    const { collection } = duplicateItem(shopCollection(), 'Health', {
      random: countingRandom(),
      name: 'Ping',
    })
    expect(collection.item[2]).toEqual({
      name: 'Ping',
      request: '{{base}}/health',
      id: '00000000-0000-4000-8000-000000000001',
    })
  })
})
