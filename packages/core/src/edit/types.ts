import type { Collection } from '../collection/index.js'

/**
 * Names a folder or request: its path (`Folder/Sub/Request`, names joined by `/`), its id (`id` or
 * `_postman_id`), or a name no other item has — tried in that order, as `findRequest` does for requests.
 */
export type ItemSelector = string

/**
 * Names a saved example of a request: its id, a name no other example of that request has, or its position
 * (0-based) in the request's `response` list.
 */
export type ExampleSelector = string | number

/** Where an item is: its positions from the root and its names from the root (its own last). */
export interface ItemLocation {
  /** `[2, 0]` is the first item of the third top-level item. */
  index: number[]
  /** `['Users', 'Get user']`; an item without a name has `''`. */
  path: string[]
}

/** An example of a request, as a change reports it. */
export interface ExampleRef {
  /** Its position in the request's `response` list (after the change for added and updated ones). */
  index: number
  name: string
  id?: string
}

/**
 * One thing an edit changed, precise enough to rewrite only the files concerned (one file per request, folder
 * and example in the v3 layout). Siblings whose position shifted because of an insertion or a removal are not
 * reported: their content did not change, and the v3 `order` is relative.
 */
export type Change =
  | { type: 'item-added'; itemId?: string; at: ItemLocation }
  | { type: 'item-removed'; itemId?: string; from: ItemLocation }
  /** A rename or a move: the item's file (a folder: its directory) goes from `from` to `to`. */
  | { type: 'item-moved'; itemId?: string; from: ItemLocation; to: ItemLocation }
  /** The item's own fields changed (`fields` names the top-level keys of the item or of its request). */
  | { type: 'item-updated'; itemId?: string; at: ItemLocation; fields: string[] }
  | { type: 'example-added'; itemId?: string; at: ItemLocation; example: ExampleRef }
  | { type: 'example-updated'; itemId?: string; at: ItemLocation; example: ExampleRef; fields: string[] }
  | { type: 'example-removed'; itemId?: string; at: ItemLocation; example: ExampleRef }
  | { type: 'example-renamed'; itemId?: string; at: ItemLocation; example: ExampleRef; from: string }
  /** The collection's own fields changed (`name`, `description`, `auth`, `event`, `variable`…). */
  | { type: 'collection-updated'; fields: string[] }

/** The collection after an edit (the input is never mutated; untouched parts are shared) and what changed. */
export interface EditResult {
  collection: Collection
  changed: Change[]
}
