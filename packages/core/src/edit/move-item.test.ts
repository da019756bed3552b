import { describe, expect, it } from 'vitest'
import type { Collection } from '../collection/index.js'
import { appErrorOf, deepFreeze, shopCollection } from '../../test/support/edit-fixtures.js'
import { moveItem, moveItemBetween } from './move-item.js'

const names = (collection: Collection): unknown =>
  collection.item.map((item) =>
    item.item === undefined ? item.name : { [item.name ?? '']: names({ item: item.item }) },
  )

describe('moveItem', () => {
  it('moves a request into another folder at the position asked', () => {
    const before = deepFreeze(shopCollection())
    const { collection, changed } = moveItem(before, 'Health', { to: 'Users/Admin', index: 0 })
    expect(names(collection)).toEqual([
      { Users: ['List users', 'Get user', { Admin: ['Health', 'Get user'] }] },
    ])
    expect(changed).toEqual([
      {
        type: 'item-moved',
        from: { index: [1], path: ['Health'] },
        to: { index: [0, 2, 0], path: ['Users', 'Admin', 'Health'] },
      },
    ])
  })

  it('moves an item up to the root, past its own folder', () => {
    const { collection, changed } = moveItem(shopCollection(), 'r-admin-get', { to: null, index: 1 })
    expect(names(collection)).toEqual([
      { Users: ['List users', 'Get user', { Admin: [] }] },
      'Get user',
      'Health',
    ])
    expect(changed[0]).toMatchObject({ itemId: 'r-admin-get', to: { index: [1], path: ['Get user'] } })
  })

  it('accounts for the removed item when the destination comes after it', () => {
    const source = shopCollection()
    source.item.unshift({ name: 'Early', id: 'r-early', request: 'x' })
    const { collection, changed } = moveItem(source, 'r-early', { to: 'f-admin' })
    expect(names(collection)).toEqual([
      { Users: ['List users', 'Get user', { Admin: ['Get user', 'Early'] }] },
      'Health',
    ])
    expect(changed[0]).toMatchObject({ to: { index: [0, 2, 1], path: ['Users', 'Admin', 'Early'] } })
  })

  it('reorders within a folder, the index being the final position', () => {
    const { collection } = moveItem(shopCollection(), 'r-list', { to: 'Users', index: 1 })
    expect(names(collection)).toEqual([
      { Users: ['Get user', 'List users', { Admin: ['Get user'] }] },
      'Health',
    ])
  })

  it('reports nothing when the item stays where it is', () => {
    const before = shopCollection()
    const result = moveItem(before, 'r-get', { to: 'Users', index: 1 })
    expect(result).toEqual({ collection: before, changed: [] })
    expect(result.collection).toBe(before)
  })

  it('refuses to move a folder into itself or into one of its folders', () => {
    const into = appErrorOf(() => moveItem(shopCollection(), 'Users', { to: 'Users' }))
    expect(into.code).toBe('MOVE_INTO_ITSELF')
    const below = appErrorOf(() => moveItem(shopCollection(), 'Users', { to: 'Users/Admin' }))
    expect(below.details).toEqual({ item: 'Users', target: 'Users/Admin' })
  })

  it('refuses a request as the destination', () => {
    expect(appErrorOf(() => moveItem(shopCollection(), 'Health', { to: 'r-get' })).code).toBe(
      'ITEM_WRONG_KIND',
    )
  })
})

describe('moveItemBetween', () => {
  it('keeps the item deep-equal, only its place changes', () => {
    const source = deepFreeze(shopCollection())
    const target = deepFreeze<Collection>({
      info: { name: 'Admin API' },
      item: [{ name: 'Misc', id: 'f-misc', item: [] }],
    })
    const { from, to } = moveItemBetween(source, 'Users/List users', { collection: target, to: 'Misc' })
    expect(to.collection.item[0]?.item?.[0]).toEqual(source.item[0]?.item?.[0])
    expect(from.collection.item[0]?.item?.map((item) => item.name)).toEqual(['Get user', 'Admin'])
    expect(from.changed).toEqual([
      { type: 'item-removed', itemId: 'r-list', from: { index: [0, 0], path: ['Users', 'List users'] } },
    ])
    expect(to.changed).toEqual([
      { type: 'item-added', itemId: 'r-list', at: { index: [0, 0], path: ['Misc', 'List users'] } },
    ])
  })

  it('changes neither collection when the destination folder is missing', () => {
    const error = appErrorOf(() =>
      moveItemBetween(shopCollection(), 'Health', { collection: { item: [] }, to: 'Nowhere' }),
    )
    expect(error.code).toBe('ITEM_NOT_FOUND')
  })
})
