// The shapes of docs/ui-api.md as the client reads them. Items are Postman v2.1 JSON, kept loose on purpose:
// the client edits the fields it knows and carries every other field through untouched (lossless saves).

/** A `{ key, value }` row as Postman stores headers, query parameters, form fields and auth parameters. */
export interface KeyValue {
  key: string
  value: string
  disabled?: boolean
  description?: string
  type?: string
  src?: string | string[]
  [extra: string]: unknown
}

export interface UrlObject {
  raw?: string
  query?: KeyValue[]
  variable?: KeyValue[]
  [extra: string]: unknown
}

export interface Auth {
  type: string
  [params: string]: unknown
}

export interface Body {
  mode?: string
  raw?: string
  urlencoded?: KeyValue[]
  formdata?: KeyValue[]
  file?: { src?: string }
  graphql?: { query?: string; variables?: string }
  options?: { raw?: { language?: string } }
  disabled?: boolean
  [extra: string]: unknown
}

export interface RequestJson {
  method?: string
  url?: string | UrlObject
  header?: KeyValue[]
  body?: Body
  auth?: Auth
  description?: string | { content?: string; type?: string }
  [extra: string]: unknown
}

export interface EventJson {
  listen: string
  script?: { exec?: string | string[]; type?: string; [extra: string]: unknown }
  [extra: string]: unknown
}

export interface ExampleJson {
  id?: string
  name?: string
  originalRequest?: RequestJson
  status?: string
  code?: number
  header?: KeyValue[]
  body?: string
  [extra: string]: unknown
}

export interface ItemJson {
  id?: string
  name?: string
  request?: RequestJson | string
  response?: ExampleJson[]
  event?: EventJson[]
  item?: ItemJson[]
  description?: string | { content?: string; type?: string }
  protocolProfileBehavior?: Record<string, unknown>
  [extra: string]: unknown
}

export interface TreeNode {
  type: 'folder' | 'request'
  id: string
  name: string
  path: string
  method?: string
  examples?: number | string[]
  items?: TreeNode[]
}

export interface CollectionSummary {
  id: string
  dir: string
  name: string
  tree: TreeNode[]
}

export interface WorkspaceInfo {
  root: string
  name: string
  problems: { path: string; line?: number; column?: number; message: string }[]
}

export interface LoadedItem {
  item: ItemJson
  path: string
  hash: string
}

export interface CollectionFields {
  name?: string
  description?: string | { content?: string }
  auth?: Auth
  variable?: KeyValue[]
  event?: EventJson[]
}

export interface EnvironmentValue {
  key: string
  value: string
  secret: boolean
  enabled: boolean
}

export interface EnvironmentJson {
  name: string
  path?: string
  values: EnvironmentValue[]
}

export interface Timings {
  [phase: string]: number | undefined
}

export interface ExchangeJson {
  request: { method: string; url: string; headers: KeyValue[] | Record<string, string>; body?: unknown }
  response: {
    status: number
    statusText: string
    headers: KeyValue[] | Record<string, string | string[]>
    /** UTF-8 text, or base64 when `bodyEncoding` says so (the bytes are not UTF-8). */
    body: string
    bodyEncoding?: 'utf8' | 'base64'
    timings?: Timings
    sizes?: { headersBytes?: number; bodyBytes?: number; decodedBodyBytes?: number }
  }
  totalMs: number
}

export interface TestResult {
  name: string
  passed?: boolean
  error?: string | { message?: string }
  skipped?: boolean
  [extra: string]: unknown
}

/** A script's error on Send: which event, whose script, and the message (with its line when known). */
export interface ScriptError {
  event: 'prerequest' | 'test'
  owner: string
  message: string
  line?: number
}

export interface SendResult {
  exchange?: ExchangeJson
  tests?: TestResult[]
  console?: { level?: string; text?: string; args?: unknown[]; message?: string }[]
  historyId?: string | number
  error?: { code: string; message: string }
  scriptErrors?: ScriptError[]
  /** What the scripts sent with pm.sendRequest. */
  scriptRequests?: {
    event: 'prerequest' | 'test'
    owner: string
    method: string
    url: string
    status?: number
    statusText?: string
    error?: string
  }[]
  /** A pre-request script skipped the request: nothing was sent. */
  skipped?: boolean
  /** The scopes the scripts changed (and the server saved). */
  saved?: ('environment' | 'globals' | 'collection')[]
}

export interface HistorySummary {
  id: string | number
  method?: string
  url?: string
  status?: number
  at?: string
  startedAt?: string
  name?: string
  [extra: string]: unknown
}

export interface TokenSummary {
  name: string
  expiresAt?: string | number | null
  scope?: string
  fields: string[]
}

export interface TabState {
  /** The tab's key in this client (unique among open tabs). */
  id?: string
  collectionId: string
  itemId: string
  draft?: ItemJson | CollectionFields
}

export interface UiState {
  tabs: TabState[]
  /** The id of the active tab. */
  activeTab: string | null
  environment: string | null
  theme: 'light' | 'dark' | null
  /** The tree's expanded rows: collection ids and `collectionId/folderId` keys. */
  expanded: string[]
}

export type ServerEvent =
  | { type: 'workspace-changed'; paths: string[]; source?: 'disk' | 'ui' }
  | { type: 'token-changed'; name?: string }
  | { type: 'oauth2-failed'; state: string; error: { code: string; message: string } }
  | { type: 'history-changed'; id?: number }
