// Issue #7: the UI reloads when files change on disk. The watcher reports workspace files, never local state.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { watchWorkspace } from './watch-workspace.js'
import { Workspace } from './workspace.js'

const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const close of closers.splice(0)) await close()
})

async function newWorkspace(): Promise<Workspace> {
  return Workspace.init(await mkdtemp(join(tmpdir(), 'courier-watch-')))
}

describe('watchWorkspace', () => {
  it('reports a file another program wrote, relative to the root, and not local state', async () => {
    const ws = await newWorkspace()
    let report: (paths: string[]) => void = () => undefined
    const seen = new Promise<string[]>((resolve) => (report = resolve))
    const watcher = watchWorkspace(ws.root, (paths) => report(paths))
    closers.push(() => watcher.close())
    await watcher.ready
    await mkdir(join(ws.root, '.courier', 'cache'), { recursive: true })
    await writeFile(join(ws.root, '.courier', 'cache', 'noise.json'), '{}')
    await writeFile(
      join(ws.root, 'postman', 'environments', 'Dev.environment.yaml'),
      'name: Dev\nvalues: []\n',
    )
    expect(await seen).toEqual(['postman/environments/Dev.environment.yaml'])
  })
})

describe('Workspace.reload', () => {
  it('returns nothing when the disk holds what it read, and the changed paths after another writer', async () => {
    const ws = await newWorkspace()
    await ws.addCollection({
      info: { name: 'Shop', schema: '' },
      item: [{ name: 'List', request: 'http://x/' }],
    })
    expect(await ws.reload()).toEqual([])
    const other = await Workspace.open(ws.root)
    const { dir, collection } = other.collection('Shop')
    await other.saveCollection(dir, { ...collection, item: [{ name: 'List', request: 'http://y/' }] })
    const changed = await ws.reload()
    expect(changed.length).toBeGreaterThan(0)
    expect(changed.every((path) => path.startsWith('postman/collections/Shop/'))).toBe(true)
    // Reloaded: a save now starts from what the other writer left, so it is not refused as stale.
    const reloaded = ws.collection('Shop')
    expect(JSON.stringify(reloaded.collection.item)).toContain('http://y/')
    await ws.saveCollection(reloaded.dir, { ...reloaded.collection, item: [] })
  })
})
