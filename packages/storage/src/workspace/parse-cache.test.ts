import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { contentHash } from './file-transaction.js'
import { ParseCache } from './parse-cache.js'
import { Workspace } from './workspace.js'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'courier-cache-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const text = '$kind: http-request\nurl: https://a.example.test/x\nmethod: GET\n'

describe('ParseCache', () => {
  it('answers a known text from the cache file without parsing it', async () => {
    const path = join(dir, 'yaml.json')
    // A planted entry proves the cache is read: the YAML parser would never give this value.
    await writeFile(
      path,
      JSON.stringify({ version: 1, entries: { [contentHash(text)]: '{"planted":true}' } }),
    )
    const cache = ParseCache.load(path)
    expect(cache.parse(text, 'x.request.yaml', contentHash(text))).toEqual({
      ok: true,
      value: { planted: true },
    })
  })

  it('parses what it does not know, remembers it across loads, and drops entries no longer seen', async () => {
    const path = join(dir, 'yaml.json')
    const first = ParseCache.load(path)
    expect(first.parse(text, 'x.request.yaml', contentHash(text))).toMatchObject({
      ok: true,
      value: { method: 'GET' },
    })
    await first.save()
    const stored = JSON.parse(await readFile(path, 'utf8')) as { entries: Record<string, string> }
    expect(Object.keys(stored.entries)).toEqual([contentHash(text)])
    const other = 'method: POST\n'
    const second = ParseCache.load(path)
    second.parse(other, 'y.request.yaml', contentHash(other))
    await second.save()
    const after = JSON.parse(await readFile(path, 'utf8')) as { entries: Record<string, string> }
    expect(Object.keys(after.entries)).toEqual([contentHash(other)])
  })

  it('gives fresh objects every time: changing one result never changes the next', () => {
    const cache = ParseCache.load(join(dir, 'none.json'))
    const a = cache.parse(text, 'a', contentHash(text))
    if (!a.ok) throw new Error('parse failed')
    a.value['method'] = 'CHANGED'
    const b = cache.parse(text, 'b', contentHash(text))
    expect(b).toMatchObject({ ok: true, value: { method: 'GET' } })
  })

  it('never caches a syntax error, and treats a damaged cache file as empty', async () => {
    const path = join(dir, 'yaml.json')
    await writeFile(path, '{ not json')
    const cache = ParseCache.load(path)
    const broken = 'url: [unclosed\n'
    expect(cache.parse(broken, 'z.request.yaml', contentHash(broken))).toMatchObject({ ok: false })
    await cache.save()
    expect(await readFile(path, 'utf8')).toBe('{ not json')
  })

  it('a workspace keeps its cache in local state, and a file edited by hand is read anew', async () => {
    const ws = await Workspace.init(dir)
    const { dir: folder } = await ws.addCollection({
      info: { name: 'C', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      item: [{ name: 'R', request: { method: 'GET', url: 'https://a.example.test/' } }],
    })
    await Workspace.open(dir)
    expect(existsSync(join(dir, '.courier', 'cache', 'yaml.json'))).toBe(true)
    const file = join(dir, folder, 'R.request.yaml')
    await writeFile(file, (await readFile(file, 'utf8')).replace('method: GET', 'method: DELETE'))
    const again = await Workspace.open(dir)
    const item = again.collection('C').collection.item[0] as { request: { method: string } }
    expect(item.request.method).toBe('DELETE')
  })
})
