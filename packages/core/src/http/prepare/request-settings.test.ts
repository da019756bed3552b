import { describe, expect, it } from 'vitest'
import type { Collection, Item } from '../../collection/index.js'
import { defaultRequestSettings } from '../types.js'
import { requestSettings } from './request-settings.js'
import type { RequestTarget } from './request-target.js'

function chain(ppb: { collection?: object; folder?: object; item?: object }): RequestTarget {
  const item: Item = { name: 'r', request: 'x.test', protocolProfileBehavior: ppb.item }
  const folder: Item = { name: 'f', item: [item], protocolProfileBehavior: ppb.folder }
  const collection: Collection = { item: [folder], protocolProfileBehavior: ppb.collection }
  return { collection, item, folders: [folder] }
}

describe('requestSettings', () => {
  it('starts from Postman’s defaults', () => {
    expect(requestSettings(chain({}))).toEqual(defaultRequestSettings)
  })

  it('merges protocolProfileBehavior key by key, the nearest owner winning (Item#getProtocolProfileBehaviorResolved)', () => {
    const settings = requestSettings(
      chain({
        collection: { strictSSL: false, maxRedirects: 3, followRedirects: false },
        folder: { maxRedirects: 5, disableCookies: true },
        item: { followRedirects: true },
      }),
    )
    expect(settings).toMatchObject({
      strictSSL: false,
      maxRedirects: 5,
      disableCookies: true,
      followRedirects: true,
    })
  })

  it('applies run overrides, which a protocolProfileBehavior key still beats, as in postman-runtime', () => {
    const overrides = { strictSSL: false, followRedirects: false, timeoutMs: 1000 }
    expect(requestSettings(chain({}), overrides)).toMatchObject(overrides)
    expect(requestSettings(chain({ item: { strictSSL: true } }), overrides)).toMatchObject({
      strictSSL: true,
      followRedirects: false,
      timeoutMs: 1000,
    })
    expect(requestSettings(chain({ folder: { followRedirects: true } }), overrides).followRedirects).toBe(
      true,
    )
  })

  it('ignores values of the wrong type and lower-cases disabledSystemHeaders', () => {
    const settings = requestSettings(
      chain({
        item: {
          strictSSL: 'no',
          maxRedirects: -1,
          disabledSystemHeaders: { 'User-Agent': true, accept: 'x' },
        },
      }),
    )
    expect(settings.strictSSL).toBe(true)
    expect(settings.maxRedirects).toBe(10)
    expect(settings.disabledSystemHeaders).toEqual({ 'user-agent': true })
  })
})
