import { describe, expect, it } from 'vitest'
import { exportCollection, parseCollection } from '../collection/index.js'
import { appErrorOf, countingRandom, deepFreeze, shopCollection } from '../../test/support/edit-fixtures.js'
import { createFolder, createRequest } from './create-item.js'

describe('createRequest', () => {
  it('adds a GET request with a new id last in the folder and reports where', () => {
    const before = deepFreeze(shopCollection())
    const { collection, changed } = createRequest(
      before,
      { parent: 'Users', name: 'Delete user' },
      {
        random: countingRandom(),
      },
    )
    const users = collection.item[0]?.item ?? []
    expect(users.map((item) => item.name)).toEqual(['List users', 'Get user', 'Admin', 'Delete user'])
    const added = users[3]
    expect(added).toEqual({
      name: 'Delete user',
      id: '00000000-0000-4000-8000-000000000001',
      request: { method: 'GET', header: [], url: { raw: '' } },
      response: [],
    })
    expect(changed).toEqual([
      { type: 'item-added', itemId: added?.['id'], at: { index: [0, 3], path: ['Users', 'Delete user'] } },
    ])
  })

  it('shares every untouched part with the input', () => {
    const before = deepFreeze(shopCollection())
    const { collection } = createRequest(
      before,
      { parent: 'Users', name: 'New' },
      { random: countingRandom() },
    )
    expect(collection.item[1]).toBe(before.item[1])
    expect(collection.item[0]?.item?.[2]).toBe(before.item[0]?.item?.[2])
    expect(collection.item[0]).not.toBe(before.item[0])
  })

  it('applies request fields the way an edit does, and the result exports and parses back', () => {
    const { collection, changed } = createRequest(
      shopCollection(),
      { name: 'Create order', index: 0, method: 'POST', url: 'https://{{host}}.example.com/orders?dry' },
      { random: countingRandom() },
    )
    expect(changed[0]).toMatchObject({ at: { index: [0], path: ['Create order'] } })
    const request = collection.item[0]?.request
    expect(request).toMatchObject({
      method: 'POST',
      url: {
        raw: 'https://{{host}}.example.com/orders?dry',
        protocol: 'https',
        host: ['{{host}}', 'example', 'com'],
        path: ['orders'],
        query: [{ key: 'dry', value: null }],
      },
    })
    const parsed = parseCollection(exportCollection(collection), { source: 'shop.json' }).collection
    expect(parsed).toEqual(collection)
  })

  it('refuses an empty name', () => {
    const error = appErrorOf(() =>
      createRequest(shopCollection(), { name: '  ' }, { random: countingRandom() }),
    )
    expect(error.code).toBe('NAME_INVALID')
  })

  it('refuses a request as the parent', () => {
    const error = appErrorOf(() =>
      createRequest(shopCollection(), { parent: 'Health', name: 'x' }, { random: countingRandom() }),
    )
    expect(error.code).toBe('ITEM_WRONG_KIND')
  })
})

describe('createFolder', () => {
  it('adds an empty folder with its description at the position asked', () => {
    const before = deepFreeze(shopCollection())
    const { collection, changed } = createFolder(
      before,
      { parent: 'f-users', name: 'Billing', description: '# Billing', index: 1 },
      { random: countingRandom() },
    )
    expect(collection.item[0]?.item?.[1]).toEqual({
      name: 'Billing',
      id: '00000000-0000-4000-8000-000000000001',
      item: [],
      description: '# Billing',
    })
    expect(changed).toMatchObject([{ type: 'item-added', at: { index: [0, 1], path: ['Users', 'Billing'] } }])
  })

  it('allows a name a sibling already has, as Postman does', () => {
    const { collection } = createFolder(shopCollection(), { name: 'Users' }, { random: countingRandom() })
    expect(collection.item.filter((item) => item.name === 'Users')).toHaveLength(2)
  })
})
