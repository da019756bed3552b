import { describe, expect, it } from 'vitest'
import type { Collection } from '../../collection/index.js'
import { AppError } from '../../errors/index.js'
import { findRequest, listRequests } from './find-request.js'

const collection: Collection = {
  item: [
    {
      name: 'Users',
      item: [
        { name: 'List users', id: 'u1', request: 'x.test/users' },
        { name: 'Get user', _postman_id: 'u2', request: 'x.test/users/1' },
        { name: 'Admin', item: [{ name: 'Get user', request: 'x.test/admin/users/1' }] },
      ],
    },
    { name: 'Health', request: 'x.test/health' },
  ],
}

function thrown(query: string): AppError {
  try {
    findRequest(collection, query, { source: 'api.json' })
  } catch (error) {
    if (error instanceof AppError) return error as AppError
  }
  throw new Error('expected an AppError')
}

describe('listRequests', () => {
  it('lists requests depth-first in collection order with their folder paths', () => {
    const listed = listRequests(collection)
    expect(listed.map((entry) => entry.path)).toEqual([
      'Users/List users',
      'Users/Get user',
      'Users/Admin/Get user',
      'Health',
    ])
    expect(listed[2]?.target.folders.map((folder) => folder.name)).toEqual(['Users', 'Admin'])
  })
})

describe('findRequest', () => {
  it('finds a request by path, by id or _postman_id, and by a unique name', () => {
    expect(findRequest(collection, 'Users/Admin/Get user', { source: 's' }).item.request).toBe(
      'x.test/admin/users/1',
    )
    expect(findRequest(collection, 'u1', { source: 's' }).item.name).toBe('List users')
    expect(findRequest(collection, 'u2', { source: 's' }).item.name).toBe('Get user')
    expect(findRequest(collection, 'Health', { source: 's' }).folders).toEqual([])
  })

  it('reports REQUEST_AMBIGUOUS with the paths of a name used twice', () => {
    const error = thrown('Get user')
    expect(error.code).toBe('REQUEST_AMBIGUOUS')
    expect(error.details).toEqual({
      query: 'Get user',
      source: 'api.json',
      matches: ['Users/Get user', 'Users/Admin/Get user'],
    })
  })

  it('reports REQUEST_NOT_FOUND with up to three close suggestions', () => {
    const error = thrown('Users/List usr')
    expect(error.code).toBe('REQUEST_NOT_FOUND')
    expect(error.details).toMatchObject({ suggestions: ['Users/List users'] })
    expect((thrown('get usr').details as { suggestions: string[] }).suggestions).toEqual([
      'Users/Get user',
      'Users/Admin/Get user',
    ])
    expect(thrown('zzzzzzzzzzzz').details).toMatchObject({ suggestions: [] })
  })
})
