import { authType } from './auth-params.js'
import type { Collection, CollectionVariable, EventList, Item } from './collection-schema.js'
import {
  descriptionText,
  isFolder,
  requestMethod,
  requestObject,
  requestUrlText,
  scriptLineCount,
} from './item-accessors.js'

/** Non-blank script lines per event type. */
export interface ScriptCounts {
  /** Lines of `prerequest` scripts. */
  prerequest: number
  /** Lines of `test` scripts. */
  test: number
}

/** A collection variable as `courier inspect` shows it. */
export interface OutlineVariable {
  /** The variable's name (`key`, or v2.0 `id`). */
  key: string
  /** The value as text (non-strings as JSON). */
  value: string
  /** The declared type (`string`, `secret`…), when given. */
  type?: string
  /** Whether the variable is disabled. */
  disabled: boolean
}

/** A folder in the outline tree. */
export interface FolderOutline {
  /** Discriminant. */
  type: 'folder'
  /** The folder's name. */
  name: string
  /** The auth type the folder sets itself (`noauth` included); absent when it inherits. */
  auth?: string
  /** Script line counts of the folder's own events. */
  scripts: ScriptCounts
  /** The folder's children. */
  items: ItemOutline[]
}

/** A request in the outline tree. */
export interface RequestOutline {
  /** Discriminant. */
  type: 'request'
  /** The request's name. */
  name: string
  /** The method it is sent with (custom verbs kept; GET when missing). */
  method: string
  /** The URL as written (raw text, variables unresolved). */
  url: string
  /** Its own auth type, or `'inherit'`. */
  auth: string
  /** Script line counts of the request's own events. */
  scripts: ScriptCounts
  /** Number of saved examples. */
  examples: number
  /** The body mode, when the request has a body. */
  bodyMode?: string
}

/** A node of the outline tree. */
export type ItemOutline = FolderOutline | RequestOutline

/** Totals over the whole tree. */
export interface OutlineCounts {
  /** Number of folders. */
  folders: number
  /** Number of requests. */
  requests: number
  /** Number of saved examples. */
  examples: number
  /** Deepest folder nesting (0 when there are no folders). */
  maxDepth: number
}

/** Plain data describing a collection, for `courier inspect` and the UI's overview. */
export interface CollectionOutline {
  /** The collection's name (`''` when it has no info block). */
  name: string
  /** The collection's description as text. */
  description?: string
  /** The version named by `info.schema` (`v2.1.0` when absent or unrecognised). */
  schemaFormat: string
  /** Collection variables. */
  variables: OutlineVariable[]
  /** The collection-level auth, or null when none is set. */
  auth: { type: string; level: 'collection' } | null
  /** Script line counts of collection-level events. */
  scripts: ScriptCounts
  /** Totals. */
  counts: OutlineCounts
  /** The item tree. */
  items: ItemOutline[]
}

/**
 * Summarises a collection as plain data: names, methods, URLs, auth, script sizes and counts.
 * @example outlineCollection(collection).counts.requests
 */
export function outlineCollection(collection: Collection): CollectionOutline {
  const counts: OutlineCounts = { folders: 0, requests: 0, examples: 0, maxDepth: 0 }
  const outline: CollectionOutline = {
    name: collection.info?.name ?? '',
    schemaFormat: schemaFormatOf(collection.info?.schema),
    variables: (collection.variable ?? []).map(outlineVariable),
    auth: collection.auth == null ? null : { type: collection.auth.type, level: 'collection' },
    scripts: scriptCounts(collection.event),
    counts,
    items: outlineItems(collection.item, counts, 1),
  }
  const description = descriptionText(collection.info?.description)
  if (description !== undefined) outline.description = description
  return outline
}

function outlineItems(items: readonly Item[], counts: OutlineCounts, depth: number): ItemOutline[] {
  return items.map((item): ItemOutline => {
    const name = item.name ?? ''
    if (isFolder(item)) {
      counts.folders++
      counts.maxDepth = Math.max(counts.maxDepth, depth)
      const folder: FolderOutline = {
        type: 'folder',
        name,
        scripts: scriptCounts(item.event),
        items: outlineItems(item.item, counts, depth + 1),
      }
      if (item.auth != null) folder.auth = item.auth.type
      return folder
    }
    const examples = item.response?.length ?? 0
    counts.requests++
    counts.examples += examples
    const request = requestObject(item.request)
    const outline: RequestOutline = {
      type: 'request',
      name,
      method: requestMethod(item.request),
      url: requestUrlText(item.request),
      auth: authType(request?.auth),
      scripts: scriptCounts(item.event),
      examples,
    }
    const mode = request?.body?.mode
    if (typeof mode === 'string') outline.bodyMode = mode
    return outline
  })
}

function scriptCounts(events: EventList): ScriptCounts {
  return { prerequest: scriptLineCount(events, 'prerequest'), test: scriptLineCount(events, 'test') }
}

/** Shows a variable value as text: strings as they are, anything else as JSON. */
export function valueText(value: unknown): string {
  if (value === undefined) return ''
  return typeof value === 'string' ? value : JSON.stringify(value)
}

function outlineVariable(variable: CollectionVariable): OutlineVariable {
  const outline: OutlineVariable = {
    key: variable.key ?? variable.id ?? '',
    value: valueText(variable['value']),
    disabled: variable.disabled === true,
  }
  if (variable.type !== undefined) outline.type = variable.type
  return outline
}

function schemaFormatOf(schema: string | undefined): string {
  const match = schema === undefined ? null : /\/v(\d+)(?:\.(\d+))?(?:\.(\d+))?(?=\/|$)/.exec(schema)
  if (match === null) return 'v2.1.0'
  return `v${match[1]}.${match[2] ?? '0'}.${match[3] ?? '0'}`
}
