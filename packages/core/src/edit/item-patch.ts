import type { Auth, Body, CollectionVariable, Description } from '../collection/index.js'

/** A header, query parameter or form field as the model stores it (`value: null` is a bare `?key`). */
export interface KeyValueEntry {
  key: string
  value?: string | null
  disabled?: boolean
  description?: Description
  [field: string]: unknown
}

/** The scripts of a collection, folder or request; `null` removes the script, text replaces its lines. */
export interface ScriptsPatch {
  prerequest?: string | null
  test?: string | null
}

/** What a folder and a request both have; what the collection has, plus its name. */
export interface ContainerPatch {
  name?: string
  /** Markdown; `null` removes the description. */
  description?: string | null
  /** `null` removes the block, so the item inherits its parent's auth. */
  auth?: Auth | null
  scripts?: ScriptsPatch
  /** Replaces the variables; `null` removes them. */
  variable?: CollectionVariable[] | null
}

/** A change to a folder or request; the fields after `variable` are for requests only (ITEM_WRONG_KIND). */
export interface ItemPatch extends ContainerPatch {
  method?: string
  /** The URL as text: the URL object's parts are parsed again from it, disabled query parameters kept. */
  url?: string
  /** Replaces the query parameters (disabled ones included) and rewrites the URL text to match. */
  query?: KeyValueEntry[]
  header?: KeyValueEntry[]
  /**
   * Merged into the body: switching `mode` keeps the other modes' data, as Postman does; `null` removes the
   * body.
   */
  body?: Body | null
  /** Replaces the request's settings (`protocolProfileBehavior`); `null` removes them. */
  settings?: Record<string, unknown> | null
}

/** A change to the collection itself (`name` is `info.name`). */
export type CollectionPatch = ContainerPatch
