import { describe, expect, it } from 'vitest'
import { appErrorOf, shopCollection } from '../../test/support/edit-fixtures.js'
import { findItem } from './find-item.js'

describe('findItem', () => {
  const collection = shopCollection()

  it('finds a request by path and says where it is', () => {
    const found = findItem(collection, 'Users/Admin/Get user')
    expect(found.item['id']).toBe('r-admin-get')
    expect(found.location).toEqual({ index: [0, 2, 0], path: ['Users', 'Admin', 'Get user'] })
  })

  it('finds folders as well as requests, by id or by a name no other item has', () => {
    expect(findItem(collection, 'f-admin').location.path).toEqual(['Users', 'Admin'])
    expect(findItem(collection, 'Health').location.index).toEqual([1])
  })

  it('prefers a path over an id and an id over a name', () => {
    const tricky = shopCollection()
    tricky.item[0]?.item?.[2]?.item?.push({ name: 'r-get', request: 'x' })
    expect(findItem(tricky, 'r-get').item.name).toBe('Get user')
  })

  it('refuses a name two items share, listing their paths', () => {
    const error = appErrorOf(() => findItem(collection, 'Get user'))
    expect(error.code).toBe('ITEM_AMBIGUOUS')
    expect(error.details).toMatchObject({ matches: ['Users/Get user', 'Users/Admin/Get user'] })
  })

  it('suggests close paths for an unknown one', () => {
    const error = appErrorOf(() => findItem(collection, 'Users/List user'))
    expect(error.code).toBe('ITEM_NOT_FOUND')
    expect(error.details).toMatchObject({ source: 'Shop', query: 'Users/List user' })
    expect((error.details as { suggestions: string[] }).suggestions[0]).toBe('Users/List users')
  })

  it('tells a folder asked for a request apart from a missing item', () => {
    const error = appErrorOf(() => findItem(collection, 'Users/Admin', { kind: 'request' }))
    expect(error.code).toBe('ITEM_WRONG_KIND')
    expect(error.details).toEqual({ query: 'Users/Admin', path: 'Users/Admin', expected: 'request' })
  })

  it('lets the kind settle a name a folder and a request share', () => {
    const shared = shopCollection()
    shared.item.push({ name: 'Admin', request: 'x' })
    expect(findItem(shared, 'Admin', { kind: 'folder' }).item['id']).toBe('f-admin')
  })
})
