import { describe, expect, it } from 'vitest'
import type { Collection } from '../collection/index.js'
import { selectRequests } from './select-requests.js'

const request = (name: string) => ({ name, request: { method: 'GET', url: `http://127.0.0.1/${name}` } })
const collection: Collection = {
  info: { name: 'Shop', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
  item: [
    { name: 'Users', item: [request('list'), request('create'), request('delete')] },
    { name: 'Orders', item: [request('cart'), request('pay')] },
    request('health'),
  ],
}
const paths = (shard?: { index: number; total: number }, folders?: string[]) =>
  selectRequests(collection, folders, { source: 'shop.json', ...(shard === undefined ? {} : { shard }) }).map(
    (entry) => entry.path,
  )

describe('selectRequests', () => {
  it('selects every request in collection order without folders or shard', () => {
    expect(paths()).toEqual([
      'Users/list',
      'Users/create',
      'Users/delete',
      'Orders/cart',
      'Orders/pay',
      'health',
    ])
  })

  it('shards the requests in contiguous blocks', () => {
    expect(paths({ index: 1, total: 3 })).toEqual(['Users/list', 'Users/create'])
    expect(paths({ index: 2, total: 3 })).toEqual(['Users/delete', 'Orders/cart'])
    expect(paths({ index: 3, total: 3 })).toEqual(['Orders/pay', 'health'])
  })

  it('shards what --folder selected, not the whole collection', () => {
    expect(paths({ index: 1, total: 2 }, ['Users'])).toEqual(['Users/list', 'Users/create'])
    expect(paths({ index: 2, total: 2 }, ['Users'])).toEqual(['Users/delete'])
  })
})
