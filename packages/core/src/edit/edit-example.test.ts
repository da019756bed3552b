import { describe, expect, expectTypeOf, it } from 'vitest'
import { exportCollection, parseCollection } from '../collection/index.js'
import type { Exchange } from '../send/index.js'
import { appErrorOf, countingRandom, deepFreeze, shopCollection } from '../../test/support/edit-fixtures.js'
import {
  addExample,
  deleteExample,
  editExample,
  renameExample,
  saveResponseAsExample,
} from './edit-example.js'
import type { ResponseToSave } from './edit-example.js'

const exchange = {
  request: {
    method: 'GET',
    url: 'http://127.0.0.1/users/7',
    headers: [{ key: 'Authorization', value: 'Bearer s3cret' }],
  },
  response: {
    status: 404,
    statusText: 'Not Found',
    headers: [{ key: 'Content-Type', value: 'application/json; charset=utf-8' }],
    body: new TextEncoder().encode('{"error":"no user 7"}'),
  },
  totalMs: 12,
}

describe('saveResponseAsExample', () => {
  it('writes a v2.1 response entry that exports and parses back', () => {
    const before = deepFreeze(shopCollection())
    const { collection, changed } = saveResponseAsExample(before, 'Users/Get user', {
      exchange,
      random: countingRandom(),
      name: 'Unknown user',
    })
    const item = collection.item[0]?.item?.[1]
    expect(item?.response).toEqual([
      {
        id: '00000000-0000-4000-8000-000000000001',
        name: 'Unknown user',
        originalRequest: before.item[0]?.item?.[1]?.request,
        status: 'Not Found',
        code: 404,
        _postman_previewlanguage: 'json',
        header: [{ key: 'Content-Type', value: 'application/json; charset=utf-8' }],
        cookie: [],
        body: '{"error":"no user 7"}',
      },
    ])
    expect(changed).toEqual([
      {
        type: 'example-added',
        itemId: 'r-get',
        at: { index: [0, 1], path: ['Users', 'Get user'] },
        example: { index: 0, name: 'Unknown user', id: '00000000-0000-4000-8000-000000000001' },
      },
    ])
    const parsed = parseCollection(exportCollection(collection), { source: 'shop.json' })
    expect(parsed.collection).toEqual(collection)
    expect(parsed.warnings).toEqual([])
  })

  it('takes an Exchange from sendRequest as it is', () => {
    expectTypeOf<Exchange>().toExtend<ResponseToSave>()
  })

  it('keeps the request as written in the collection, never the one sent with its secrets', () => {
    const { collection } = saveResponseAsExample(shopCollection(), 'r-get', {
      exchange,
      random: countingRandom(),
    })
    const saved = collection.item[0]?.item?.[1]?.response?.[0]
    expect(JSON.stringify(saved)).not.toContain('s3cret')
    expect(saved?.name).toBe('Get user')
  })
})

describe('addExample, editExample, renameExample, deleteExample', () => {
  it('adds an example last, with the current request when none is given', () => {
    const { collection, changed } = addExample(shopCollection(), 'r-list', {
      example: {
        name: 'Empty',
        code: 200,
        status: 'OK',
        body: '[]',
        header: [{ key: 'Content-Type', value: 'text/csv' }],
      },
      random: countingRandom(),
    })
    const examples = collection.item[0]?.item?.[0]?.response ?? []
    expect(examples.map((example) => example.name)).toEqual(['OK', 'Empty'])
    expect(examples[1]).toMatchObject({
      _postman_previewlanguage: 'text',
      originalRequest: { method: 'GET' },
    })
    expect(changed[0]).toMatchObject({ type: 'example-added', example: { index: 1, name: 'Empty' } })
  })

  it('refuses examples on a folder', () => {
    const error = appErrorOf(() =>
      addExample(shopCollection(), 'Users', { example: { name: 'x', code: 200 }, random: countingRandom() }),
    )
    expect(error.code).toBe('ITEM_WRONG_KIND')
  })

  it('edits an example found by name and reports the fields', () => {
    const before = deepFreeze(shopCollection())
    const { collection, changed } = editExample(before, 'r-list', {
      example: 'OK',
      patch: { code: 201, body: '[1]' },
    })
    expect(collection.item[0]?.item?.[0]?.response?.[0]).toEqual({
      id: 'x-list-ok',
      name: 'OK',
      code: 201,
      status: 'OK',
      header: [],
      body: '[1]',
    })
    expect(changed).toEqual([
      {
        type: 'example-updated',
        itemId: 'r-list',
        at: { index: [0, 0], path: ['Users', 'List users'] },
        example: { index: 0, name: 'OK', id: 'x-list-ok' },
        fields: ['code', 'body'],
      },
    ])
  })

  it('renames an example found by id and reports the old name', () => {
    const { collection, changed } = renameExample(shopCollection(), 'r-list', {
      example: 'x-list-ok',
      name: 'All',
    })
    expect(collection.item[0]?.item?.[0]?.response?.[0]?.name).toBe('All')
    expect(changed[0]).toMatchObject({ type: 'example-renamed', from: 'OK', example: { name: 'All' } })
  })

  it('deletes an example found by position', () => {
    const { collection, changed } = deleteExample(shopCollection(), 'r-list', { example: 0 })
    expect(collection.item[0]?.item?.[0]?.response).toEqual([])
    expect(changed[0]).toMatchObject({
      type: 'example-removed',
      example: { index: 0, name: 'OK', id: 'x-list-ok' },
    })
  })

  it('names the examples there are when one is missing', () => {
    const error = appErrorOf(() => deleteExample(shopCollection(), 'r-list', { example: 'Created' }))
    expect(error.code).toBe('EXAMPLE_NOT_FOUND')
    expect(error.details).toEqual({ item: 'Users/List users', query: 'Created', examples: ['OK'] })
    expect(appErrorOf(() => deleteExample(shopCollection(), 'r-list', { example: 3 })).code).toBe(
      'EXAMPLE_NOT_FOUND',
    )
  })
})
