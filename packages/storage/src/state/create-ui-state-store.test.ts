import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createUiStateStore, type UiStateWarning, type UiTab } from './create-ui-state-store.js'
import { StateDatabase } from './state-database.js'

const opened: StateDatabase[] = []
afterEach(() => {
  for (const db of opened.splice(0)) db.close()
})

async function databasePath(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'courier-ui-')), 'state.db')
}

function open(path: string): StateDatabase {
  const db = StateDatabase.open(path)
  opened.push(db)
  return db
}

function storeWithWarnings(db: StateDatabase) {
  const warnings: UiStateWarning[] = []
  return { ui: createUiStateStore(db, { onWarning: (warning) => warnings.push(warning) }), warnings }
}

const tabs: UiTab[] = [
  { id: 't2', item: { collectionId: 'c-1', itemId: 'i-2' } },
  { id: 't1', item: { collectionId: 'c-1', itemId: 'i-1' }, draft: { url: '{{host}}/users', body: null } },
  { id: 'new', draft: { method: 'POST' } },
]

// Writes a row as a damaged file (or a hand edit) would hold it, past the CHECK constraints.
function plant(db: StateDatabase, sql: string): void {
  db.connection.pragma('ignore_check_constraints = ON')
  db.connection.exec(sql)
  db.connection.pragma('ignore_check_constraints = OFF')
}

describe('createUiStateStore', () => {
  it('restores open tabs in order, with their drafts, after a restart', async () => {
    const path = await databasePath()
    const first = open(path)
    await createUiStateStore(first).setTabs(tabs)
    first.close()
    expect(await createUiStateStore(open(path)).getTabs()).toEqual(tabs)
  })

  it('replaces the tab list, and sets or drops one tab’s draft', async () => {
    const ui = createUiStateStore(open(await databasePath()))
    await ui.setTabs(tabs)
    await ui.setTabs([tabs[1] as UiTab, tabs[0] as UiTab])
    expect((await ui.getTabs()).map((tab) => tab.id)).toEqual(['t1', 't2'])
    expect(await ui.setDraft('t2', { url: 'edited' })).toBe(true)
    expect(await ui.setDraft('t1', undefined)).toBe(true)
    expect(await ui.setDraft('closed', { url: 'x' })).toBe(false)
    expect(await ui.getTabs()).toEqual([
      { id: 't1', item: { collectionId: 'c-1', itemId: 'i-1' } },
      { id: 't2', item: { collectionId: 'c-1', itemId: 'i-2' }, draft: { url: 'edited' } },
    ])
    await expect(ui.setTabs([{ id: 'a' }, { id: 'a' }])).rejects.toThrow(TypeError)
    expect(await ui.getTabs()).toHaveLength(2)
  })

  it('keeps the active tab and the selected environment', async () => {
    const ui = createUiStateStore(open(await databasePath()))
    expect(await ui.getActiveTab()).toBeUndefined()
    expect(await ui.getSelectedEnvironment()).toBeUndefined()
    await ui.setActiveTab('t1')
    await ui.setSelectedEnvironment('prod')
    expect(await ui.getActiveTab()).toBe('t1')
    expect(await ui.getSelectedEnvironment()).toBe('prod')
    await ui.setSelectedEnvironment(undefined)
    expect(await ui.getSelectedEnvironment()).toBeUndefined()
    expect(await ui.getActiveTab()).toBe('t1')
  })

  it('keeps small settings by key, apart from the session values', async () => {
    const ui = createUiStateStore(open(await databasePath()))
    await ui.setSetting('theme', 'dark')
    await ui.setSetting('panes', { sidebarWidth: 280, collapsed: ['history'] })
    await ui.setActiveTab('t1')
    expect(await ui.getSetting('theme')).toBe('dark')
    expect(await ui.listSettings()).toEqual({
      panes: { sidebarWidth: 280, collapsed: ['history'] },
      theme: 'dark',
    })
    expect(await ui.unsetSetting('theme')).toBe(true)
    expect(await ui.unsetSetting('theme')).toBe(false)
    expect(await ui.getSetting('theme')).toBeUndefined()
    await expect(ui.setSetting('huge', 'x'.repeat(70_000))).rejects.toThrow(RangeError)
  })

  it('skips a damaged tab with a warning and returns the others', async () => {
    const db = open(await databasePath())
    const { ui, warnings } = storeWithWarnings(db)
    await ui.setTabs(tabs)
    plant(db, "UPDATE ui_tabs SET tab = '{not json' WHERE tab_id = 't2'")
    plant(db, `UPDATE ui_tabs SET tab = '{"item":{"collectionId":7}}' WHERE tab_id = 'new'`)
    expect(await ui.getTabs()).toEqual([tabs[1]])
    expect(warnings.map((warning) => warning.row)).toEqual(['tab:t2', 'tab:new'])
  })

  it('opens a tab whose draft is damaged without the draft', async () => {
    const db = open(await databasePath())
    const { ui, warnings } = storeWithWarnings(db)
    await ui.setTabs(tabs)
    plant(db, "UPDATE ui_tabs SET draft = '{\"url\": ' WHERE tab_id = 't1'")
    expect(await ui.getTabs()).toEqual([tabs[0], { id: 't1', item: tabs[1]?.item }, tabs[2]])
    expect(warnings).toMatchObject([{ row: 'tab:t1', reason: expect.stringMatching(/draft/) as unknown }])
  })

  it('reads a damaged value or setting as absent, with a warning', async () => {
    const db = open(await databasePath())
    const { ui, warnings } = storeWithWarnings(db)
    await ui.setSetting('theme', 'dark')
    await ui.setSetting('font', 14)
    plant(db, "UPDATE ui_values SET value = 'dark' WHERE key = 'setting:theme'")
    plant(db, "INSERT INTO ui_values VALUES ('session:activeTab', '42', 'now')")
    expect(await ui.getSetting('theme')).toBeUndefined()
    expect(await ui.listSettings()).toEqual({ font: 14 })
    expect(await ui.getActiveTab()).toBeUndefined()
    expect(warnings.map((warning) => warning.row)).toEqual([
      'setting:theme',
      'setting:theme',
      'session:activeTab',
    ])
  })

  it('warns through process.emitWarning by default', async () => {
    const db = open(await databasePath())
    const ui = createUiStateStore(db)
    plant(db, "INSERT INTO ui_values VALUES ('session:selectedEnvironment', '{', 'now')")
    const emitted: unknown[] = []
    const listener = (warning: Error): void => void emitted.push(warning)
    process.on('warning', listener)
    try {
      expect(await ui.getSelectedEnvironment()).toBeUndefined()
      // Warnings are emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve))
    } finally {
      process.off('warning', listener)
    }
    expect(emitted).toMatchObject([{ code: 'COURIER_STATE_ROW_SKIPPED' }])
  })
})
