// Issue #7: the UI hears about changes made on disk by another process (here the `courier` CLI itself) through
// `/api/events`, reloads, and refuses a save made on the copy a tab had before (409 WORKSPACE_STALE).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'
import { openEvents, startUi, type EventStream, type UiHarness } from './cli-ui-kit.js'

const v21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json'
let h: UiHarness
let events: EventStream

beforeAll(async () => {
  h = await startUi()
  const collection = {
    info: { name: 'Notes', _postman_id: 'n0te5000-0000-4000-8000-000000000001', schema: v21 },
    item: [{ name: 'List', id: 'req-list', request: { method: 'GET', url: 'http://127.0.0.1:9/notes' } }],
  }
  expect(
    (await h.api('import?name=notes.json', { method: 'POST', text: JSON.stringify(collection) })).status,
  ).toBe(200)
  events = await openEvents(h, 'events')
})

afterAll(async () => {
  events.close()
  await h.close()
})

describe('changes on disk', () => {
  it('pushes workspace-changed when the courier CLI writes an environment', async () => {
    const cli = await runCli(['env', 'set', 'Staging', 'base', 'http://127.0.0.1:9', '-w', h.root])
    expect(cli.code).toBe(0)
    const event = await events.next((e) => e.data.type === 'workspace-changed' && e.data.source === 'disk')
    expect(event.data.paths).toContain('postman/environments/Staging.environment.yaml')
    const environments = await h.api('environments')
    expect(environments.body.map((e: { name: string }) => e.name)).toContain('Staging')
  })

  it('refuses a save made on the copy a tab had before the CLI edited the same request, then takes a fresh one', async () => {
    const before = await h.api('collections/Notes/items/req-list')
    const cli = await runCli(['edit', 'Notes/List', '--url', 'http://127.0.0.1:9/notes?page=2', '-w', h.root])
    expect(cli.code).toBe(0)
    const changed = await events.next(
      (e) =>
        e.data.type === 'workspace-changed' && (e.data.paths as string[]).some((p) => p.includes('List')),
    )
    expect(changed.data.source).toBe('disk')
    const mine = { ...before.body.item, name: 'List mine' }
    const stale = await h.api('collections/Notes/items/req-list', {
      method: 'PUT',
      body: { item: mine, hash: before.body.hash },
    })
    expect(stale.status).toBe(409)
    expect(stale.body.error.code).toBe('WORKSPACE_STALE')
    // "Load theirs": the tab reads the item again, sees the CLI's URL, and its save goes through.
    const theirs = await h.api('collections/Notes/items/req-list')
    expect(JSON.stringify(theirs.body.item)).toContain('page=2')
    const saved = await h.api('collections/Notes/items/req-list', {
      method: 'PUT',
      body: { item: { ...theirs.body.item, name: 'List mine' }, hash: theirs.body.hash },
    })
    expect(saved.status).toBe(200)
    expect(saved.body.path).toBe('List mine')
  })

  it('refuses a stale save whether or not the watcher has told it yet (the file transaction checks the disk too)', async () => {
    const before = await h.api('collections/Notes/items/req-list')
    // Another writer in this process, then a save at once: the watcher may not have reloaded yet.
    const { Workspace } = await import('@courier/storage')
    const other = await Workspace.open(h.root)
    const { dir, collection } = other.collection('Notes')
    const item = collection.item[0]
    if (item === undefined) throw new Error('no item')
    await other.saveCollection(dir, {
      ...collection,
      item: [{ ...item, request: 'http://127.0.0.1:9/other' }],
    })
    const stale = await h.api('collections/Notes/items/req-list', {
      method: 'PUT',
      body: { item: { ...before.body.item, name: 'Too late' }, hash: before.body.hash },
    })
    expect(stale.status).toBe(409)
    expect(stale.body.error.code).toBe('WORKSPACE_STALE')
  })
})
