import { existsSync } from 'node:fs'
import { mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Collection } from '@courier/core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Workspace } from './workspace.js'
import { findWorkspaceRoot } from './workspace-layout.js'

let root: string
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'courier-ws-'))
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

const schema = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json'

function sample(): Collection {
  return {
    info: { name: 'Shop API', _postman_id: '6f1c2d1e-0000-4000-8000-000000000001', schema },
    item: [
      {
        name: 'Orders',
        item: [
          {
            name: 'List orders',
            id: 'req-1',
            request: {
              method: 'GET',
              header: [{ key: 'Accept', value: 'application/json' }],
              url: { raw: '{{baseUrl}}/orders', host: ['{{baseUrl}}'], path: ['orders'] },
            },
            response: [],
          },
          {
            name: 'Create order',
            id: 'req-2',
            request: {
              method: 'POST',
              header: [],
              body: { mode: 'raw', raw: '{"sku": 1}', options: { raw: { language: 'json' } } },
              url: { raw: '{{baseUrl}}/orders', host: ['{{baseUrl}}'], path: ['orders'] },
            },
            response: [],
          },
        ],
      },
    ],
    variable: [{ key: 'baseUrl', value: 'https://shop.example.test' }],
  }
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(join(root, dir), { recursive: true, withFileTypes: true })
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(root.length + 1))
}

describe('Workspace', () => {
  it('init creates the layout and the .gitignore for local state; it is found from a subfolder', async () => {
    await Workspace.init(root)
    expect(existsSync(join(root, 'postman', 'collections'))).toBe(true)
    expect(existsSync(join(root, 'postman', 'globals', 'workspace.globals.yaml'))).toBe(true)
    expect(await readFile(join(root, '.gitignore'), 'utf8')).toContain('.courier/')
    expect(await findWorkspaceRoot(join(root, 'postman', 'collections'))).toBe(root)
  })

  it('stores an imported collection as YAML files and opens it again deep-equal', async () => {
    const ws = await Workspace.init(root)
    const added = await ws.addCollection(sample())
    expect(added.dir).toBe('postman/collections/Shop API')
    const files = await filesUnder('postman/collections')
    expect(files).toContain('postman/collections/Shop API/Orders/List orders.request.yaml')
    const again = await Workspace.open(root)
    expect(again.problems).toEqual([])
    expect(again.collection('Shop API').collection).toEqual(sample())
  })

  it('saving one edited request writes only its file, and changes one line', async () => {
    const ws = await Workspace.init(root)
    const { dir, collection } = await ws.addCollection(sample())
    const file = join(root, dir, 'Orders', 'Create order.request.yaml')
    const before = await readFile(file, 'utf8')
    const others = new Map<string, string>()
    for (const path of await filesUnder(dir)) others.set(path, await readFile(join(root, path), 'utf8'))
    const folder = collection.item[0] as { item: Collection['item'] }
    const edited: Collection = {
      ...collection,
      item: [
        {
          ...collection.item[0],
          item: [
            folder.item[0],
            {
              ...folder.item[1],
              request: { ...(folder.item[1] as { request: object }).request, method: 'PUT' },
            },
          ],
        } as Collection['item'][number],
      ],
    }
    await ws.saveCollection(dir, edited)
    const after = await readFile(file, 'utf8')
    const changed = after.split('\n').filter((line, i) => line !== before.split('\n')[i])
    expect(changed).toEqual(['method: PUT'])
    for (const [path, text] of others)
      if (!path.endsWith('Create order.request.yaml'))
        expect(await readFile(join(root, path), 'utf8')).toBe(text)
    expect((await Workspace.open(root)).collection('Shop API').collection).toEqual(edited)
  })

  it('re-saving an unchanged collection writes no byte', async () => {
    const ws = await Workspace.init(root)
    const { dir, collection } = await ws.addCollection(sample())
    const reopened = await Workspace.open(root)
    const stamp = new Map<string, string>()
    for (const path of await filesUnder(dir)) stamp.set(path, await readFile(join(root, path), 'utf8'))
    await reopened.saveCollection(dir, structuredClone(collection))
    for (const [path, text] of stamp) expect(await readFile(join(root, path), 'utf8')).toBe(text)
  })

  it('renaming a request moves its file: the old one is gone', async () => {
    const ws = await Workspace.init(root)
    const { dir, collection } = await ws.addCollection(sample())
    const folder = collection.item[0] as { item: Collection['item'] }
    const renamed = {
      ...collection,
      item: [{ ...collection.item[0], item: [{ ...folder.item[0], name: 'All orders' }, folder.item[1]] }],
    } as Collection
    await ws.saveCollection(dir, renamed)
    const files = await filesUnder(dir)
    expect(files).toContain(`${dir}/Orders/All orders.request.yaml`)
    expect(files).not.toContain(`${dir}/Orders/List orders.request.yaml`)
  })

  it('leaves a write in progress alone when it reads a folder, and removes only a temporary file left long ago', async () => {
    const ws = await Workspace.init(root)
    const { dir } = await ws.addCollection(sample())
    // Another writer between its temporary file and its rename: a reload or an open must not take the file away.
    const inFlight = join(root, dir, 'Orders', '.List orders.request.yaml.0123456789ab.tmp')
    const abandoned = join(root, dir, 'Orders', '.Create order.request.yaml.ba9876543210.tmp')
    await writeFile(inFlight, 'name: half written\n')
    await writeFile(abandoned, 'name: left by a crash\n')
    const dayAgo = new Date(Date.now() - 24 * 60 * 60 * 1000)
    await utimes(abandoned, dayAgo, dayAgo)
    await ws.reload()
    const reopened = await Workspace.open(root)
    expect(existsSync(inFlight)).toBe(true)
    expect(existsSync(abandoned)).toBe(false)
    // Neither is part of the collection.
    const orders = reopened.collection('Shop API').collection.item[0] as { item: Collection['item'] }
    expect(orders.item.map((item) => item.name)).toEqual(['List orders', 'Create order'])
  })

  it('refuses a stale write: another process changed the file since it was read', async () => {
    const first = await Workspace.init(root)
    const { dir, collection } = await first.addCollection(sample())
    const second = await Workspace.open(root)
    const rename = (c: Collection, name: string) =>
      ({ ...c, info: { ...c.info }, item: [{ ...c.item[0], name }] }) as Collection
    await second.saveCollection(dir, rename(collection, 'Orders v2'))
    // `first` still believes the folder is called Orders.
    await expect(first.saveCollection(dir, rename(collection, 'Orders v3'))).rejects.toMatchObject({
      code: 'WORKSPACE_STALE',
    })
    expect((await Workspace.open(root)).collection('Shop API').collection.item[0]?.name).toBe('Orders v2')
  })

  it('saves two collections in one transaction: a stale file in one writes nothing in either', async () => {
    const ws = await Workspace.init(root)
    const shop = await ws.addCollection(sample())
    const other = await ws.addCollection({
      info: { name: 'Other', _postman_id: '6f1c2d1e-0000-4000-8000-000000000002', schema },
      item: [],
    })
    const folder = shop.collection.item[0] as { item: Collection['item'] }
    const [listOrders, createOrder] = folder.item
    if (listOrders === undefined || createOrder === undefined) throw new Error('sample changed')
    // Move "List orders" from Shop API to Other.
    const from = {
      ...shop.collection,
      item: [{ ...shop.collection.item[0], item: [createOrder] }],
    } as Collection
    const to = { ...other.collection, item: [listOrders] }
    const before = await filesUnder(shop.dir)
    // Another process edits the moved request's file meanwhile: the whole move is refused, the destination's
    // new file included (it comes first in the list).
    const moved = join(root, shop.dir, 'Orders', 'List orders.request.yaml')
    await writeFile(moved, `${await readFile(moved, 'utf8')}# edited elsewhere\n`)
    await expect(
      ws.saveCollections([
        { dir: other.dir, collection: to },
        { dir: shop.dir, collection: from },
      ]),
    ).rejects.toMatchObject({ code: 'WORKSPACE_STALE' })
    expect(await filesUnder(shop.dir)).toEqual(before)
    expect(await filesUnder(other.dir)).not.toContain(`${other.dir}/List orders.request.yaml`)
    // Read again, the same move lands whole.
    const fresh = await Workspace.open(root)
    await fresh.saveCollections([
      { dir: shop.dir, collection: from },
      { dir: other.dir, collection: { ...fresh.collection('Other').collection, item: [listOrders] } },
    ])
    expect(await filesUnder(shop.dir)).not.toContain(`${shop.dir}/Orders/List orders.request.yaml`)
    expect(await filesUnder(other.dir)).toContain(`${other.dir}/List orders.request.yaml`)
  })
  it('reports a YAML mistake with file, line and column, and opens everything else', async () => {
    const ws = await Workspace.init(root)
    const { dir } = await ws.addCollection(sample())
    await writeFile(
      join(root, dir, 'Orders', 'List orders.request.yaml'),
      '$kind: http-request\nurl: [unclosed\n',
    )
    const reopened = await Workspace.open(root)
    expect(reopened.problems).toHaveLength(1)
    expect(reopened.problems[0]).toMatchObject({
      path: `${dir}/Orders/List orders.request.yaml`,
      line: expect.any(Number) as unknown,
      column: expect.any(Number) as unknown,
    })
    const names = (
      reopened.collection('Shop API').collection.item[0] as { item: { name: string }[] }
    ).item.map((i) => i.name)
    expect(names).toContain('Create order')
  })

  it('import conflicts: refused, replaced, or kept as a copy', async () => {
    const ws = await Workspace.init(root)
    await ws.addCollection(sample())
    await expect(ws.addCollection(sample())).rejects.toMatchObject({ code: 'WORKSPACE_CONFLICT' })
    const copy = await ws.addCollection(sample(), 'copy')
    expect(copy.dir).toBe('postman/collections/Shop API-1')
    expect(copy.collection.info?._postman_id).not.toBe(sample().info?._postman_id)
    const changed = { ...sample(), item: [] }
    const replaced = await ws.addCollection(changed, 'replace')
    expect(replaced.dir).toBe('postman/collections/Shop API')
    expect(
      (await Workspace.open(root)).collection('6f1c2d1e-0000-4000-8000-000000000001').collection.item,
    ).toEqual([])
  })

  it('keeps secret environment values out of the file and returns them for local state', async () => {
    const ws = await Workspace.init(root)
    const saved = await ws.saveEnvironment(
      {
        name: 'Staging',
        values: [
          { key: 'baseUrl', value: 'https://staging.example.test', enabled: true },
          { key: 'clientSecret', value: 's3cr3t-value', type: 'secret', enabled: true },
        ],
      },
      'environment',
    )
    expect(saved.path).toBe('postman/environments/Staging.environment.yaml')
    expect(saved.secrets).toEqual([{ key: 'clientSecret', value: 's3cr3t-value' }])
    expect(await readFile(join(root, saved.path), 'utf8')).not.toContain('s3cr3t-value')
    const again = await Workspace.open(root)
    expect(again.environment('Staging').environment.values.map((v) => v.key)).toEqual([
      'baseUrl',
      'clientSecret',
    ])
  })

  it('removes a collection to the trash, from which it can be read back', async () => {
    const ws = await Workspace.init(root)
    const { dir } = await ws.addCollection(sample())
    await ws.removeCollection(dir)
    expect(existsSync(join(root, dir))).toBe(false)
    const trash = await ws.listTrash()
    expect(trash).toHaveLength(1)
    expect(trash[0]?.value).toEqual(sample())
    await ws.dropFromTrash(trash[0]?.file ?? '')
    expect(await ws.listTrash()).toEqual([])
  })
})
