import { describe, expect, it } from 'vitest'
import { deepFreeze, fixedClock, shopCollection } from '../../test/support/edit-fixtures.js'
import { deleteItem, restoreItem } from './delete-item.js'
import { moveItem } from './move-item.js'

describe('deleteItem and restoreItem', () => {
  it.each(['Health', 'Users', 'Users/Get user', 'r-admin-get'])(
    'gives back a deep-equal collection (%s)',
    (selector) => {
      const before = deepFreeze(shopCollection())
      const deleted = deleteItem(before, selector, { clock: fixedClock })
      const restored = restoreItem(deleted.collection, deleted.trashed)
      expect(restored.collection).toEqual(before)
      const removal = deleted.changed[0]
      if (removal?.type !== 'item-removed') throw new TypeError('expected item-removed')
      expect(restored.changed).toEqual([
        {
          type: 'item-added',
          at: removal.from,
          ...(removal.itemId !== undefined && { itemId: removal.itemId }),
        },
      ])
    },
  )

  it('returns a trash entry that says where the item was and when it was deleted', () => {
    const { collection, changed, trashed } = deleteItem(shopCollection(), 'Users/Admin/Get user', {
      clock: fixedClock,
    })
    expect(collection.item[0]?.item?.[2]?.item).toEqual([])
    expect(changed).toEqual([
      {
        type: 'item-removed',
        itemId: 'r-admin-get',
        from: { index: [0, 2, 0], path: ['Users', 'Admin', 'Get user'] },
      },
    ])
    expect(trashed).toEqual({
      item: { name: 'Get user', id: 'r-admin-get', request: '{{base}}/admin/users/1' },
      parent: { index: [0, 2], path: ['Users', 'Admin'] },
      index: 0,
      deletedAt: '2026-03-01T10:00:00.000Z',
      collectionId: 'c-shop',
      parentId: 'f-admin',
    })
    expect(JSON.parse(JSON.stringify(trashed))).toEqual(trashed)
  })

  it('finds the folder by id after it moved', () => {
    const { collection, trashed } = deleteItem(shopCollection(), 'r-admin-get', { clock: fixedClock })
    const moved = moveItem(collection, 'f-admin', { to: null, index: 0 }).collection
    const restored = restoreItem(moved, trashed).collection
    expect(restored.item[0]?.item).toEqual([trashed.item])
  })

  it('puts the item last in its folder when the folder got shorter', () => {
    const { collection, trashed } = deleteItem(shopCollection(), 'Users/Admin', { clock: fixedClock })
    const shorter = deleteItem(collection, 'r-list', { clock: fixedClock }).collection
    const restored = restoreItem(shorter, trashed)
    expect(restored.collection.item[0]?.item?.map((item) => item.name)).toEqual(['Get user', 'Admin'])
    expect(restored.changed[0]).toMatchObject({ at: { index: [0, 1], path: ['Users', 'Admin'] } })
  })

  it('puts the item at the end of the collection when its folder is gone', () => {
    const { collection, trashed } = deleteItem(shopCollection(), 'Users/Get user', { clock: fixedClock })
    const withoutFolder = deleteItem(collection, 'Users', { clock: fixedClock }).collection
    const restored = restoreItem(withoutFolder, trashed)
    expect(restored.collection.item.map((item) => item.name)).toEqual(['Health', 'Get user'])
  })
})
