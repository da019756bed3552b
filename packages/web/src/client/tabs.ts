import type { CollectionFields, ItemJson, SendResult } from './api/types'

/** An open request or folder. `saved` is the item as on disk, `draft` as edited. */
export interface ItemTab {
  kind: 'item'
  key: string
  collectionId: string
  itemId: string
  name: string
  saved?: ItemJson
  draft?: ItemJson
  hash?: string
  result?: SendResult
  sending?: boolean
  /** The Body tab shows this example's body (-1: the request's). */
  example: number
  error?: string
}

export interface CollectionTab {
  kind: 'collection'
  key: string
  collectionId: string
  name: string
  saved?: CollectionFields
  draft?: CollectionFields
  error?: string
}

export interface PanelTab {
  kind: 'environment' | 'globals' | 'runner'
  key: string
  name: string
  collectionId?: string
}

export type Tab = ItemTab | CollectionTab | PanelTab

/** The itemId under which a collection's settings tab is kept in UI state. */
export const COLLECTION_TAB_ITEM = ':collection'

export function itemTabKey(collectionId: string, itemId: string): string {
  return `item:${collectionId}/${itemId}`
}

export function collectionTabKey(collectionId: string): string {
  return `collection:${collectionId}`
}

/** Unsaved changes: the dot on the tab, and what goes to `/api/ui-state` as a draft. */
export function isDirty(tab: Tab): boolean {
  if (tab.kind !== 'item' && tab.kind !== 'collection') return false
  if (tab.draft === undefined || tab.saved === undefined) return false
  return JSON.stringify(tab.draft) !== JSON.stringify(tab.saved)
}
