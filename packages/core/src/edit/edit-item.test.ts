import { describe, expect, it } from 'vitest'
import type { Collection, Item, RequestObject } from '../collection/index.js'
import { appErrorOf, deepFreeze, shopCollection } from '../../test/support/edit-fixtures.js'
import { editCollection, editItem, renameItem, setDescription } from './edit-item.js'

const requestOf = (collection: Collection, ...index: number[]): RequestObject => {
  let item: Item | undefined
  let items = collection.item
  for (const position of index) {
    item = items[position]
    items = item?.item ?? []
  }
  return item?.request as RequestObject
}

describe('editItem: the URL', () => {
  it('re-parses the parts from the text and keeps disabled query parameters where they were', () => {
    const before = deepFreeze(shopCollection())
    const { collection, changed } = editItem(before, 'Users/List users', {
      url: 'https://api.example.com/v2/users?page=2&size=50&sort',
    })
    expect(requestOf(collection, 0, 0).url).toEqual({
      raw: 'https://api.example.com/v2/users?page=2&size=50&sort',
      protocol: 'https',
      host: ['api', 'example', 'com'],
      path: ['v2', 'users'],
      query: [
        { key: 'page', value: '2' },
        { key: 'debug', value: 'true', disabled: true },
        { key: 'size', value: '50', description: 'Page size' },
        { key: 'sort', value: null },
      ],
    })
    expect(changed).toEqual([
      {
        type: 'item-updated',
        itemId: 'r-list',
        at: { index: [0, 0], path: ['Users', 'List users'] },
        fields: ['url'],
      },
    ])
  })

  it('keeps a disabled parameter when the text loses every enabled one', () => {
    const { collection } = editItem(shopCollection(), 'r-list', { url: '{{base}}/users' })
    expect(requestOf(collection, 0, 0).url).toMatchObject({
      raw: '{{base}}/users',
      query: [{ key: 'debug', value: 'true', disabled: true }],
    })
  })

  it('keeps the values of path variables still in the path and adds the new ones', () => {
    const { collection } = editItem(shopCollection(), 'r-get', { url: '{{base}}/orgs/:org/users/:id' })
    expect(requestOf(collection, 0, 1).url).toMatchObject({
      host: ['{{base}}'],
      path: ['orgs', ':org', 'users', ':id'],
      variable: [
        { key: 'org', value: '' },
        { key: 'id', value: '7', description: 'User id' },
      ],
    })
  })

  it('turns a request stored as a string into an object', () => {
    const { collection } = editItem(shopCollection(), 'Health', { url: '{{base}}/healthz', method: 'HEAD' })
    expect(collection.item[1]?.request).toEqual({
      url: { raw: '{{base}}/healthz', host: ['{{base}}'], path: ['healthz'] },
      method: 'HEAD',
    })
  })

  it('rewrites the URL text from an edited Params table, disabled rows left out of it', () => {
    const { collection } = editItem(shopCollection(), 'r-list', {
      query: [
        { key: 'page', value: '3' },
        { key: 'debug', value: 'true', disabled: true },
        { key: 'q', value: 'ada lovelace' },
      ],
    })
    expect(requestOf(collection, 0, 0).url).toMatchObject({
      raw: '{{base}}/users?page=3&q=ada lovelace',
      query: [
        { key: 'page', value: '3' },
        { key: 'debug', value: 'true', disabled: true },
        { key: 'q', value: 'ada lovelace' },
      ],
    })
  })
})

describe('editItem: the rest of a request', () => {
  it('replaces headers and sets the method', () => {
    const { collection, changed } = editItem(shopCollection(), 'r-list', {
      method: 'POST',
      header: [{ key: 'X-Trace', value: '1', disabled: true }],
    })
    expect(requestOf(collection, 0, 0)).toMatchObject({
      method: 'POST',
      header: [{ key: 'X-Trace', value: '1', disabled: true }],
    })
    expect(changed[0]).toMatchObject({ fields: ['method', 'header'] })
  })

  it.each([
    [{ mode: 'raw', raw: '{"a":1}', options: { raw: { language: 'json' } } }],
    [{ mode: 'urlencoded', urlencoded: [{ key: 'a', value: '1' }] }],
    [{ mode: 'formdata', formdata: [{ key: 'f', type: 'file', src: 'a.txt' }] }],
    [{ mode: 'file', file: { src: 'body.bin' } }],
    [{ mode: 'graphql', graphql: { query: '{ me { id } }', variables: '{}' } }],
  ])('sets a %j body', (body) => {
    const { collection } = editItem(shopCollection(), 'r-list', { body })
    expect(requestOf(collection, 0, 0).body).toEqual(body)
  })

  it('keeps the other modes when the body mode switches, as Postman does, and removes the body on null', () => {
    const withRaw = editItem(shopCollection(), 'r-list', { body: { mode: 'raw', raw: 'hello' } }).collection
    const switched = editItem(withRaw, 'r-list', { body: { mode: 'urlencoded', urlencoded: [] } }).collection
    expect(requestOf(switched, 0, 0).body).toEqual({ mode: 'urlencoded', raw: 'hello', urlencoded: [] })
    expect(requestOf(editItem(switched, 'r-list', { body: null }).collection, 0, 0)).not.toHaveProperty(
      'body',
    )
  })

  it("writes a request's auth and description into its request object, as Postman exports them", () => {
    const { collection } = editItem(shopCollection(), 'r-get', {
      auth: { type: 'bearer', bearer: [{ key: 'token', value: '{{token}}', type: 'string' }] },
      description: 'Reads one user.',
    })
    expect(requestOf(collection, 0, 1)).toMatchObject({
      auth: { type: 'bearer' },
      description: 'Reads one user.',
    })
    const inherited = editItem(collection, 'r-get', { auth: null }).collection
    expect(requestOf(inherited, 0, 1)).not.toHaveProperty('auth')
  })

  it('replaces a script keeping its event and script ids, adds a missing one and removes one on null', () => {
    const before = deepFreeze(shopCollection())
    const { collection } = editItem(before, 'r-list', {
      scripts: { test: 'pm.test("a", () => {})\npm.test("b", () => {})', prerequest: 'console.log(1)' },
    })
    const item = collection.item[0]?.item?.[0]
    expect(item?.event).toEqual([
      {
        listen: 'test',
        id: 'e-list-test',
        script: {
          id: 's-list-test',
          type: 'text/javascript',
          exec: ['pm.test("a", () => {})', 'pm.test("b", () => {})'],
        },
      },
      { listen: 'prerequest', script: { type: 'text/javascript', exec: ['console.log(1)'] } },
    ])
    const removed = editItem(collection, 'r-list', { scripts: { test: null } }).collection
    expect(removed.item[0]?.item?.[0]?.event).toEqual([item?.event && (item.event as unknown[])[1]])
  })

  it("sets a request's settings (protocolProfileBehavior) on the item", () => {
    const { collection, changed } = editItem(shopCollection(), 'r-get', {
      settings: { followRedirects: false },
    })
    expect(collection.item[0]?.item?.[1]?.['protocolProfileBehavior']).toEqual({ followRedirects: false })
    expect(changed[0]).toMatchObject({ fields: ['settings'] })
  })
})

describe('editItem: folders and names', () => {
  it('edits the description, auth and variables of a folder', () => {
    const { collection, changed } = editItem(shopCollection(), 'Users', {
      description: 'People.',
      auth: { type: 'noauth' },
      variable: [{ key: 'page', value: '1' }],
    })
    expect(collection.item[0]).toMatchObject({
      description: 'People.',
      auth: { type: 'noauth' },
      variable: [{ key: 'page' }],
    })
    expect(changed).toEqual([
      {
        type: 'item-updated',
        itemId: 'f-users',
        at: { index: [0], path: ['Users'] },
        fields: ['description', 'auth', 'variable'],
      },
    ])
  })

  it('refuses request fields on a folder', () => {
    const error = appErrorOf(() => editItem(shopCollection(), 'Users', { url: 'x' }))
    expect(error.code).toBe('ITEM_WRONG_KIND')
    expect(error.details).toMatchObject({ path: 'Users', expected: 'request' })
  })

  it('reports a rename as a move of the item (its file is renamed)', () => {
    const before = deepFreeze(shopCollection())
    const { collection, changed } = renameItem(before, 'Users/Admin', { name: 'Administration' })
    expect(collection.item[0]?.item?.[2]?.name).toBe('Administration')
    expect(changed).toEqual([
      {
        type: 'item-moved',
        itemId: 'f-admin',
        from: { index: [0, 2], path: ['Users', 'Admin'] },
        to: { index: [0, 2], path: ['Users', 'Administration'] },
      },
    ])
  })

  it('refuses an empty name', () => {
    expect(appErrorOf(() => renameItem(shopCollection(), 'Health', { name: '' })).code).toBe('NAME_INVALID')
  })
})

describe('setDescription and editCollection', () => {
  it("writes the collection's documentation into info and reports a collection change", () => {
    const before = deepFreeze(shopCollection())
    const { collection, changed } = setDescription(before, null, { description: '# Shop API' })
    expect(collection.info?.description).toBe('# Shop API')
    expect(collection.item).toBe(before.item)
    expect(changed).toEqual([{ type: 'collection-updated', fields: ['description'] }])
  })

  it('keeps the { content, type } form of a description', () => {
    const source = shopCollection()
    source.info = { ...source.info, description: { content: 'old', type: 'text/markdown' } }
    const { collection } = setDescription(source, null, { description: 'new' })
    expect(collection.info?.description).toEqual({ content: 'new', type: 'text/markdown' })
  })

  it('documents a folder on the folder and removes a description on null', () => {
    const { collection } = setDescription(shopCollection(), 'Users', { description: null })
    expect(collection.item[0]).not.toHaveProperty('description')
  })

  it('renames the collection and sets its scripts', () => {
    const { collection, changed } = editCollection(shopCollection(), {
      name: 'Store',
      scripts: { prerequest: 'x()' },
    })
    expect(collection.info?.name).toBe('Store')
    expect(collection.event).toEqual([
      { listen: 'prerequest', script: { type: 'text/javascript', exec: ['x()'] } },
    ])
    expect(changed).toEqual([{ type: 'collection-updated', fields: ['name', 'scripts'] }])
  })
})
