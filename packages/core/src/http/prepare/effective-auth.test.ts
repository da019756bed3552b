import { describe, expect, it } from 'vitest'
import type { Auth, Collection, Item } from '../../collection/index.js'
import { effectiveAuth, resolveAuth } from './effective-auth.js'
import type { RequestTarget } from './request-target.js'

const bearer = (token: string): Auth => ({ type: 'bearer', bearer: [{ key: 'token', value: token }] })

function chain(auth: {
  collection?: Auth | null
  outer?: Auth | null
  inner?: Auth | null
  request?: Auth | null
}): RequestTarget {
  const item: Item = { name: 'r', request: { url: 'x.test', auth: auth.request } }
  const inner: Item = { name: 'inner', item: [item], auth: auth.inner }
  const outer: Item = { name: 'outer', item: [inner], auth: auth.outer }
  const collection: Collection = { item: [outer], auth: auth.collection }
  return { collection, item, folders: [outer, inner] }
}

describe('effectiveAuth', () => {
  // postman-collection Item#getAuth: the request's auth, else findInParents('auth') up to the collection.
  it('prefers the request’s own auth', () => {
    expect(
      effectiveAuth(chain({ request: bearer('r'), inner: bearer('i'), collection: bearer('c') })),
    ).toEqual(bearer('r'))
  })

  it('inherits from the innermost folder that sets one, then the collection', () => {
    expect(effectiveAuth(chain({ request: null, outer: bearer('o'), inner: bearer('i') }))).toEqual(
      bearer('i'),
    )
    expect(effectiveAuth(chain({ outer: bearer('o') }))).toEqual(bearer('o'))
    expect(effectiveAuth(chain({ inner: null, collection: bearer('c') }))).toEqual(bearer('c'))
  })

  it('stops at noauth, wherever it is set', () => {
    expect(effectiveAuth(chain({ request: { type: 'noauth' }, collection: bearer('c') }))).toBeUndefined()
    expect(effectiveAuth(chain({ inner: { type: 'noauth' }, outer: bearer('o') }))).toBeUndefined()
  })

  it('is undefined when nothing sets auth', () => {
    expect(effectiveAuth(chain({}))).toBeUndefined()
  })
})

describe('resolveAuth', () => {
  it('resolves every string param, v2.0 objects included, and keeps other values', () => {
    const target = chain({
      collection: { type: 'apikey', apikey: { key: 'X-{{name}}', value: '{{secret}}', in: 'header', n: 2 } },
    })
    const scopes = {
      environment: [
        { key: 'name', value: 'Key' },
        { key: 'secret', value: 's3' },
      ],
    }
    expect(resolveAuth(target, { scopes })).toEqual({
      type: 'apikey',
      params: { key: 'X-Key', value: 's3', in: 'header', n: 2 },
    })
  })
})
