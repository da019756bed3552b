// Issue #7: the JSON API of `courier ui` (docs/ui-api.md) on a real workspace, against a real echo server on
// 127.0.0.1, through the wiring `courier ui` uses.
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { startEchoServer, type EchoServer } from '@courier/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openEvents, startUi, type UiHarness } from './cli-ui-kit.js'

const v21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json'
let echo: EchoServer
let h: UiHarness
let collectionId: string

const shop = (base: string) => ({
  info: { name: 'Shop', _postman_id: 'c0ffee00-0000-4000-8000-000000000001', schema: v21 },
  item: [
    {
      name: 'Users',
      id: 'folder-users',
      item: [
        {
          name: 'Get user',
          id: 'req-get-user',
          request: {
            method: 'GET',
            header: [{ key: 'X-Api-Key', value: '{{apiKey}}' }],
            url: `${base}/get?user={{user}}`,
          },
        },
      ],
    },
    {
      name: 'Create',
      id: 'req-create',
      request: { method: 'POST', url: `${base}/post`, body: { mode: 'raw', raw: '{"a":1}' } },
    },
  ],
})

beforeAll(async () => {
  echo = await startEchoServer()
  h = await startUi()
  const imported = await h.api('import?name=shop.postman_collection.json', {
    method: 'POST',
    text: JSON.stringify(shop(echo.url)),
  })
  expect(imported.status).toBe(200)
  collectionId = imported.body.id
  const env = await h.api('environments/Dev', {
    method: 'PUT',
    body: {
      values: [
        { key: 'user', value: 'ada', secret: false, enabled: true },
        { key: 'apiKey', value: 'k-very-secret-1234', secret: true, enabled: true },
      ],
    },
  })
  expect(env.status).toBe(200)
})

afterAll(async () => {
  await h.close()
  await echo.close()
})

describe('the workspace through the API', () => {
  it('lists the imported collection as a tree with ids, paths and methods', async () => {
    expect(collectionId).toBe('c0ffee00-0000-4000-8000-000000000001')
    const { body } = await h.api('collections')
    expect(body).toEqual([
      {
        id: collectionId,
        dir: 'postman/collections/Shop',
        name: 'Shop',
        tree: [
          {
            type: 'folder',
            id: 'folder-users',
            name: 'Users',
            path: 'Users',
            items: [
              {
                type: 'request',
                id: 'req-get-user',
                name: 'Get user',
                path: 'Users/Get user',
                method: 'GET',
                examples: [],
              },
            ],
          },
          { type: 'request', id: 'req-create', name: 'Create', path: 'Create', method: 'POST', examples: [] },
        ],
      },
    ])
    const workspace = await h.api('workspace')
    expect(workspace.body).toMatchObject({ root: h.root, problems: [] })
  })

  it('refuses an import of a bad file with the parser message (file:line:column)', async () => {
    const bad = await h.api('import?name=bad.json', { method: 'POST', text: '{\n  "info": {,\n}' })
    expect(bad.status).toBe(400)
    expect(bad.body.error.code).toBe('JSON_INVALID')
    expect(bad.body.error.message).toMatch(/^bad\.json:2:\d+: /)
  })

  it('refuses a second import of the same collection unless told to replace or copy', async () => {
    const again = await h.api('import?name=shop.json', {
      method: 'POST',
      text: JSON.stringify(shop(echo.url)),
    })
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('WORKSPACE_CONFLICT')
  })

  it('saves an edited item with its hash and refuses an edit made on an older copy (409 WORKSPACE_STALE)', async () => {
    const first = await h.api(`collections/${collectionId}/items/req-create`)
    expect(first.body.path).toBe('Create')
    const edited = { ...first.body.item, request: { ...first.body.item.request, method: 'PUT' } }
    const saved = await h.api(`collections/${collectionId}/items/req-create`, {
      method: 'PUT',
      body: { item: edited, hash: first.body.hash },
    })
    expect(saved.status).toBe(200)
    expect(saved.body.hash).not.toBe(first.body.hash)
    const text = await readFile(join(h.root, 'postman/collections/Shop/Create.request.yaml'), 'utf8')
    expect(text).toContain('PUT')
    // The client read the item again: the same content read back gives the hash the save returned.
    expect((await h.api(`collections/${collectionId}/items/req-create`)).body.hash).toBe(saved.body.hash)
    const stale = await h.api(`collections/${collectionId}/items/req-create`, {
      method: 'PUT',
      body: { item: first.body.item, hash: first.body.hash },
    })
    expect(stale.status).toBe(409)
    expect(stale.body.error.code).toBe('WORKSPACE_STALE')
  })

  it('creates, duplicates, renames, moves and deletes items with core’s edit operations', async () => {
    const folder = await h.api(`collections/${collectionId}/items`, {
      method: 'POST',
      body: { parentId: null, type: 'folder', name: 'Admin' },
    })
    expect(folder.status).toBe(201)
    const created = await h.api(`collections/${collectionId}/items`, {
      method: 'POST',
      body: {
        parentId: folder.body.id,
        type: 'request',
        name: 'Ping',
        method: 'HEAD',
        url: `${echo.url}/get`,
      },
    })
    const copy = await h.api(`collections/${collectionId}/items/${created.body.id}/duplicate`, {
      method: 'POST',
    })
    expect((await h.api(`collections/${collectionId}/items/${copy.body.id}`)).body.path).toBe(
      'Admin/Ping Copy',
    )
    await h.api(`collections/${collectionId}/items/${copy.body.id}/rename`, {
      method: 'POST',
      body: { name: 'Pong' },
    })
    const moved = await h.api(`collections/${collectionId}/items/${copy.body.id}/move`, {
      method: 'POST',
      body: { parentId: 'folder-users', index: 0 },
    })
    expect(moved.status).toBe(200)
    expect((await h.api(`collections/${collectionId}/items/${copy.body.id}`)).body.path).toBe('Users/Pong')
    const removed = await h.api(`collections/${collectionId}/items/${folder.body.id}`, { method: 'DELETE' })
    expect(removed.status).toBe(200)
    expect(await readdir(join(h.root, 'postman/collections/Shop'))).not.toContain('Admin')
    expect((await h.api(`collections/${collectionId}/items/${created.body.id}`)).status).toBe(404)
  })

  it('exports the collection as Postman v2.1 JSON', async () => {
    const res = await fetch(`${h.ui.origin}/api/collections/${collectionId}/export`, {
      headers: { authorization: `Bearer ${h.ui.token}` },
    })
    expect(res.headers.get('content-disposition')).toContain('Shop.postman_collection.json')
    const exported = (await res.json()) as { info: { schema: string } }
    expect(exported.info.schema).toBe(v21)
  })
})

describe('environments and secrets', () => {
  it('keeps a secret value out of the file and masks it unless revealed', async () => {
    const file = await readFile(join(h.root, 'postman/environments/Dev.environment.yaml'), 'utf8')
    expect(file).toContain('apiKey')
    expect(file).not.toContain('k-very-secret-1234')
    const masked = await h.api('environments')
    const values = masked.body.find((e: { name: string }) => e.name === 'Dev').values
    expect(values).toContainEqual({ key: 'apiKey', value: '••••', secret: true, enabled: true })
    const revealed = await h.api('environments?reveal=1')
    expect(JSON.stringify(revealed.body)).toContain('k-very-secret-1234')
  })

  it('keeps the stored secret when the masked value comes back unchanged', async () => {
    const { body } = await h.api('environments')
    const dev = body.find((e: { name: string }) => e.name === 'Dev')
    await h.api('environments/Dev', { method: 'PUT', body: { values: dev.values } })
    expect(JSON.stringify((await h.api('environments?reveal=1')).body)).toContain('k-very-secret-1234')
  })
})

describe('sending', () => {
  it('sends the item as edited with the environment, masks secrets and records the history (source ui)', async () => {
    const { body } = await h.api(`collections/${collectionId}/items/req-get-user`)
    const result = await h.api('send', {
      method: 'POST',
      body: { collectionId, itemId: 'req-get-user', item: body.item, environment: 'Dev' },
    })
    expect(result.status).toBe(200)
    expect(result.body.exchange.response.status).toBe(200)
    const echoed = JSON.parse(result.body.exchange.response.body)
    expect(echoed.args).toEqual({ user: 'ada' })
    // The echo saw the real key; what the UI gets back is masked.
    expect(result.body.exchange.response.body).not.toContain('k-very-secret-1234')
    expect(JSON.stringify(result.body)).not.toContain('k-very-secret-1234')
    const history = await h.api('history?limit=5')
    expect(history.body[0]).toMatchObject({ id: result.body.historyId, source: 'ui', status: 200 })
    const entry = await h.api(`history/${result.body.historyId}`)
    expect(entry.body.response.body.body).toContain('"user"')
    const example = await h.api(`collections/${collectionId}/items/req-get-user/examples`, {
      method: 'POST',
      body: { historyId: result.body.historyId, name: 'Ada' },
    })
    expect(example.status).toBe(201)
    const saved = await h.api(`collections/${collectionId}/items/req-get-user`)
    expect(saved.body.item.response.map((r: { name: string }) => r.name)).toEqual(['Ada'])
  })

  it('answers a failed send with its one-line error, and records it', async () => {
    const result = await h.api('send', {
      method: 'POST',
      body: {
        collectionId,
        item: { name: 'Nowhere', request: { method: 'GET', url: 'http://127.0.0.1:1/x' } },
      },
    })
    expect(result.status).toBe(200)
    expect(result.body.error.code).toMatch(/^HTTP_/)
    expect(result.body.error.message).toContain('127.0.0.1:1')
    expect(result.body.error.message).not.toContain('\n')
    expect(typeof result.body.historyId).toBe('number')
  })

  it('writes a curl snippet of the request as it would be sent, secrets masked', async () => {
    const { body } = await h.api(`collections/${collectionId}/items/req-get-user`)
    const snippet = await h.api('snippet', {
      method: 'POST',
      body: {
        collectionId,
        itemId: 'req-get-user',
        item: body.item,
        environment: 'Dev',
        target: 'shell:curl',
      },
    })
    expect(snippet.status).toBe(200)
    expect(snippet.body.code).toContain(`${echo.url}/get?user=ada`)
    expect(snippet.body.code).toContain('X-Api-Key')
    expect(snippet.body.code).not.toContain('k-very-secret-1234')
  })
})

describe('the runner and the UI state', () => {
  it('runs a collection and streams its RunEvents until run:finished', async () => {
    const started = await h.api('run', { method: 'POST', body: { collectionId, environment: 'Dev' } })
    expect(started.status).toBe(202)
    const stream = await openEvents(h, `run/${started.body.runId}/events`)
    const finished = await stream.next((e) => e.data.type === 'run:finished')
    stream.close()
    expect(finished.name).toBe('run')
    expect(finished.data.stats.requests.total).toBeGreaterThan(0)
    expect(finished.data.stats.requests.failed).toBe(0)
  })

  it('runs once per row of a CSV data file, and names a bad one’s line (issue #7)', async () => {
    const dataFile = { name: 'rows.csv', text: 'id\n1\n2\n' }
    const started = await h.api('run', {
      method: 'POST',
      body: { collectionId, environment: 'Dev', dataFile },
    })
    expect(started.status).toBe(202)
    const stream = await openEvents(h, `run/${started.body.runId}/events`)
    const first = await stream.next((e) => e.data.type === 'run:started')
    stream.close()
    expect(first.data.iterationCount).toBe(2)
    const bad = await h.api('run', {
      method: 'POST',
      body: { collectionId, dataFile: { name: 'bad.csv', text: 'id,name\n"1,x\n' } },
    })
    expect(bad.status).toBe(400)
    expect(bad.body.error.code).toBe('ITERATION_DATA_INVALID')
    expect(bad.body.error.message).toMatch(/^bad\.csv: invalid CSV/)
  })

  it('keeps the open tabs, the environment, the theme and the tree’s open rows', async () => {
    const state = {
      tabs: [{ id: 't1', collectionId, itemId: 'req-create', draft: { name: 'Create' } }],
      activeTab: 't1',
      environment: 'Dev',
      theme: 'dark',
      expanded: [collectionId, `${collectionId}/folder-id`],
    }
    expect((await h.api('ui-state', { method: 'PUT', body: state })).status).toBe(200)
    expect((await h.api('ui-state')).body).toEqual(state)
    const bad = await h.api('ui-state', { method: 'PUT', body: { expanded: 'all' } })
    expect(bad.status).toBe(400)
    expect(bad.body.error.message).toBe('expanded: must be an array of strings or null')
  })

  it('names an unknown route and a bad input precisely', async () => {
    expect((await h.api('nothing-here')).status).toBe(404)
    const bad = await h.api('collections', { method: 'POST', body: { name: '' } })
    expect(bad.status).toBe(400)
    expect(bad.body.error).toMatchObject({
      code: 'API_INPUT_INVALID',
      message: 'name: must be a non-empty string',
    })
  })
})
