import { describe, expect, it } from 'vitest'
import type { Collection, Item } from '../collection/index.js'
import { listRequests } from '../http/index.js'
import { hasScripts } from './has-scripts.js'

const schema = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json'
const request = (name: string, extra: Partial<Item> = {}): Item => ({
  name,
  request: { method: 'GET', url: `http://127.0.0.1/${name}` },
  ...extra,
})
const script = (listen: string, exec: string | string[], extra: Record<string, unknown> = {}) => ({
  listen,
  script: { type: 'text/javascript', exec },
  ...extra,
})
const collectionOf = (item: Item[], extra: Partial<Collection> = {}): Collection => ({
  info: { name: 'c', schema },
  item,
  ...extra,
})

describe('hasScripts', () => {
  it('is false for a collection whose requests have no scripts', () => {
    expect(hasScripts(collectionOf([request('a'), { name: 'F', item: [request('b')] }]))).toBe(false)
  })

  it('ignores empty, blank, disabled and non-script events', () => {
    const events = [
      script('test', ['', '  ']),
      script('prerequest', 'pm.test("x")', { disabled: true }),
      script('other', 'pm.test("x")'),
    ]
    expect(hasScripts(collectionOf([request('a', { event: events })], { event: events }))).toBe(false)
  })

  it('finds a script of the collection, of a folder and of a request', () => {
    const test = [script('test', 'pm.test("ok", () => {})')]
    expect(hasScripts(collectionOf([request('a')], { event: test }))).toBe(true)
    expect(hasScripts(collectionOf([{ name: 'F', event: test, item: [request('a')] }]))).toBe(true)
    expect(
      hasScripts(collectionOf([request('a'), request('b', { event: [script('prerequest', 'x = 1')] })])),
    ).toBe(true)
  })

  it('looks only at the requests of the run and their folders', () => {
    const collection = collectionOf([
      { name: 'Scripted', item: [request('a', { event: [script('test', 'pm.test("x")')] })] },
      { name: 'Plain', item: [request('b')] },
    ])
    const plain = listRequests(collection).filter((entry) => entry.path.startsWith('Plain/'))
    expect(hasScripts(collection, plain)).toBe(false)
    expect(hasScripts(collection)).toBe(true)
  })

  it('is false for a run of no request, even with a collection script', () => {
    expect(hasScripts(collectionOf([], { event: [script('test', 'pm.test("x")')] }))).toBe(false)
  })
})
