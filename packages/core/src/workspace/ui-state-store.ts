/** A JSON value, as drafts and settings are stored. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue }

/** The request a tab shows. */
export interface UiTabItem {
  collectionId: string
  itemId: string
}

/** One open tab of the UI. */
export interface UiTab {
  /** Chosen by the UI; unique among the open tabs. */
  id: string
  /** The item it shows; absent for a new request not saved yet. */
  item?: UiTabItem
  /** Unsaved edits, as the editor keeps them; absent when the tab has none. */
  draft?: JsonValue
}

/**
 * What the UI restores on its next start: open tabs, the active one, the environment, small settings (local state:
 * `@courier/storage`'s `createUiStateStore`).
 * @example await uiState.setTabs([{ id: 't1', item: { collectionId, itemId } }])
 */
export interface UiStateStore {
  /** The open tabs, in order. */
  getTabs(): Promise<UiTab[]>
  /** Replaces the open tabs (and their order). */
  setTabs(tabs: readonly UiTab[]): Promise<void>
  /** Sets or (with `undefined`) drops one tab's draft; false when no such tab is open. */
  setDraft(tabId: string, draft: JsonValue | undefined): Promise<boolean>
  getActiveTab(): Promise<string | undefined>
  setActiveTab(tabId: string | undefined): Promise<void>
  /** The name of the selected environment. */
  getSelectedEnvironment(): Promise<string | undefined>
  setSelectedEnvironment(name: string | undefined): Promise<void>
  getSetting(key: string): Promise<JsonValue | undefined>
  setSetting(key: string, value: JsonValue): Promise<void>
  /** Whether there was such a setting. */
  unsetSetting(key: string): Promise<boolean>
  /** Every setting, by key. */
  listSettings(): Promise<Record<string, JsonValue>>
}
