import type { JsonValue, UiStateStore, UiTab, UiTabItem } from '@courier/core'
import { settle } from './internal/settle.js'
import type { StateDatabase } from './state-database.js'

// The port and its data types are core's (the UI server uses them); this is their SQLite implementation.
export type { JsonValue, UiStateStore, UiTab, UiTabItem } from '@courier/core'

/** A row of UI state that could not be read and was skipped. */
export interface UiStateWarning {
  /** `tab:<id>` or the value's key (`setting:theme`, `session:activeTab`…). */
  row: string
  reason: string
}

/** Options for {@link createUiStateStore}. */
export interface UiStateStoreOptions {
  /** Told about each row skipped on read (default: `process.emitWarning`). */
  onWarning?: (warning: UiStateWarning) => void
}

/** The largest setting accepted, as JSON: settings are small (a theme, a pane width), not documents. */
const maxSettingBytes = 64 * 1024

interface TabRow {
  tab_id: string
  tab: string
  draft: string | null
}

interface ValueRow {
  key: string
  value: string
}

/**
 * The UI's state on the local state database. Rows are checked on read: one this version cannot understand (a
 * damaged file, a hand edit) is skipped with a warning, so the UI always starts.
 * @example const ui = createUiStateStore(db); await ui.setTabs([{ id: 't1', item: { collectionId, itemId } }])
 */
export function createUiStateStore(db: StateDatabase, options: UiStateStoreOptions = {}): UiStateStore {
  const warn = options.onWarning ?? emitWarning
  const connection = db.connection
  const selectTabs = connection.prepare<[], TabRow>(
    'SELECT tab_id, tab, draft FROM ui_tabs ORDER BY position',
  )
  const removeTabs = connection.prepare('DELETE FROM ui_tabs')
  const insertTab = connection.prepare<[number, string, string, string | null, string]>(
    'INSERT INTO ui_tabs (position, tab_id, tab, draft, updated_at) VALUES (?, ?, ?, ?, ?)',
  )
  const updateDraft = connection.prepare<[string | null, string, string]>(
    'UPDATE ui_tabs SET draft = ?, updated_at = ? WHERE tab_id = ?',
  )
  const selectValue = connection.prepare<[string], ValueRow>('SELECT key, value FROM ui_values WHERE key = ?')
  const selectSettings = connection.prepare<[], ValueRow>(
    "SELECT key, value FROM ui_values WHERE key LIKE 'setting:%' ORDER BY key",
  )
  const upsertValue = connection.prepare<[string, string, string]>(`
    INSERT INTO ui_values (key, value, updated_at) VALUES (?, ?, ?)
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
  `)
  const removeValue = connection.prepare<[string]>('DELETE FROM ui_values WHERE key = ?')
  const now = (): string => db.clock.now().toISOString()

  const replaceTabs = connection.transaction((tabs: readonly UiTab[]) => {
    removeTabs.run()
    const updatedAt = now()
    tabs.forEach((tab, position) => {
      const shape = tab.item === undefined ? {} : { item: tab.item }
      insertTab.run(position, tab.id, JSON.stringify(shape), draftJson(tab.draft), updatedAt)
    })
  })

  const readValue = (key: string): JsonValue | undefined => {
    const row = selectValue.get(key)
    return row === undefined ? undefined : parseValue(row, warn)
  }
  const readString = (key: string): string | undefined => {
    const value = readValue(key)
    if (value === undefined || typeof value === 'string') return value
    warn({ row: key, reason: 'not a string' })
    return undefined
  }
  const writeString = (key: string, value: string | undefined): void => {
    if (value === undefined) removeValue.run(key)
    else upsertValue.run(key, JSON.stringify(value), now())
  }

  return {
    getTabs: () => settle(() => selectTabs.all().flatMap((row) => parseTab(row, warn))),
    setTabs: (tabs) =>
      settle(() => {
        const ids = new Set(tabs.map((tab) => tab.id))
        if (ids.size !== tabs.length) throw new TypeError('tab ids must be unique')
        replaceTabs.immediate(tabs)
      }),
    setDraft: (tabId, draft) => settle(() => updateDraft.run(draftJson(draft), now(), tabId).changes > 0),
    getActiveTab: () => settle(() => readString('session:activeTab')),
    setActiveTab: (tabId) => settle(() => writeString('session:activeTab', tabId)),
    getSelectedEnvironment: () => settle(() => readString('session:selectedEnvironment')),
    setSelectedEnvironment: (name) => settle(() => writeString('session:selectedEnvironment', name)),
    getSetting: (key) => settle(() => readValue(`setting:${key}`)),
    setSetting: (key, value) =>
      settle(() => {
        const json = JSON.stringify(value)
        if (Buffer.byteLength(json) > maxSettingBytes)
          throw new RangeError(`setting ${key} is larger than ${String(maxSettingBytes)} bytes`)
        upsertValue.run(`setting:${key}`, json, now())
      }),
    unsetSetting: (key) => settle(() => removeValue.run(`setting:${key}`).changes > 0),
    listSettings: () =>
      settle(() => {
        const settings: Record<string, JsonValue> = {}
        for (const row of selectSettings.all()) {
          const value = parseValue(row, warn)
          if (value !== undefined) settings[row.key.slice('setting:'.length)] = value
        }
        return settings
      }),
  }
}

function draftJson(draft: JsonValue | undefined): string | null {
  return draft === undefined ? null : JSON.stringify(draft)
}

function parseTab(row: TabRow, warn: (warning: UiStateWarning) => void): UiTab[] {
  const name = `tab:${row.tab_id}`
  const shape = parseJson(row.tab)
  if (!shape.ok || !isRecord(shape.value)) {
    warn({ row: name, reason: 'the tab is not a JSON object' })
    return []
  }
  const { item } = shape.value
  if (item !== undefined && !isTabItem(item)) {
    warn({ row: name, reason: 'its item is not { collectionId, itemId }' })
    return []
  }
  const tab: UiTab = { id: row.tab_id }
  if (item !== undefined) tab.item = { collectionId: item.collectionId, itemId: item.itemId }
  if (row.draft !== null) {
    // A damaged draft costs the draft, not the tab: the saved request is still there to show.
    const draft = parseJson(row.draft)
    if (draft.ok) tab.draft = draft.value
    else warn({ row: name, reason: 'its draft is not JSON; the tab opens without it' })
  }
  return [tab]
}

function parseValue(row: ValueRow, warn: (warning: UiStateWarning) => void): JsonValue | undefined {
  const parsed = parseJson(row.value)
  if (parsed.ok) return parsed.value
  warn({ row: row.key, reason: 'not JSON' })
  return undefined
}

function parseJson(text: string): { ok: true; value: JsonValue } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as JsonValue }
  } catch {
    return { ok: false }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isTabItem(value: unknown): value is UiTabItem {
  return isRecord(value) && typeof value['collectionId'] === 'string' && typeof value['itemId'] === 'string'
}

function emitWarning(warning: UiStateWarning): void {
  process.emitWarning(`local state: skipped ${warning.row}: ${warning.reason}`, {
    code: 'COURIER_STATE_ROW_SKIPPED',
  })
}
