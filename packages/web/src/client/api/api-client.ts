import type {
  CollectionFields,
  CollectionSummary,
  EnvironmentJson,
  HistorySummary,
  ItemJson,
  LoadedItem,
  SendResult,
  TokenSummary,
  UiState,
  WorkspaceInfo,
} from './types'

/** An API answer with an error status: its code and one-line message, as the server wrote them. */
export class ApiError extends Error {
  override name = 'ApiError'
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

interface RequestOptions {
  method?: string
  body?: unknown
  /** Sent as is (an imported file's text), not JSON-encoded. */
  text?: string
  /** The request outlives the page (a save as the window closes or reloads). */
  keepalive?: boolean
}

/** Calls one `/api/` route with the session cookie; throws {@link ApiError} on a 4xx/5xx answer. */
export async function callApi<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const init: RequestInit = { method: options.method ?? 'GET', credentials: 'same-origin', headers: {} }
  if (options.keepalive === true) init.keepalive = true
  if (options.text !== undefined) {
    init.body = options.text
    init.headers = { 'content-type': 'text/plain; charset=utf-8' }
  } else if (options.body !== undefined) {
    init.body = JSON.stringify(options.body)
    init.headers = { 'content-type': 'application/json' }
  }
  const res = await fetch(`/api/${path}`, init)
  const text = await res.text()
  const data: unknown = text === '' ? undefined : parseJson(text)
  if (!res.ok) {
    const error = (data as { error?: { code?: string; message?: string } } | undefined)?.error
    throw new ApiError(
      res.status,
      error?.code ?? `HTTP_${res.status}`,
      error?.message ?? `${res.status} ${res.statusText}`,
    )
  }
  return data as T
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

const enc = encodeURIComponent

/** The contract's routes, one function each. */
export const api = {
  workspace: () => callApi<WorkspaceInfo>('workspace'),
  collections: () => callApi<CollectionSummary[]>('collections'),
  createCollection: (name: string) =>
    callApi<{ id: string }>('collections', { method: 'POST', body: { name } }),
  deleteCollection: (id: string) => callApi<unknown>(`collections/${enc(id)}`, { method: 'DELETE' }),
  collection: (id: string) => callApi<CollectionFields>(`collections/${enc(id)}`),
  saveCollection: (id: string, fields: CollectionFields) =>
    callApi<unknown>(`collections/${enc(id)}`, { method: 'PUT', body: fields }),
  item: (id: string, itemId: string) => callApi<LoadedItem>(`collections/${enc(id)}/items/${enc(itemId)}`),
  saveItem: (id: string, itemId: string, item: ItemJson, hash: string) =>
    callApi<{ hash?: string }>(`collections/${enc(id)}/items/${enc(itemId)}`, {
      method: 'PUT',
      body: { item, hash },
    }),
  createItem: (
    id: string,
    body: {
      parentId: string | null
      type: 'folder' | 'request'
      name: string
      method?: string
      url?: string
    },
  ) => callApi<{ id: string }>(`collections/${enc(id)}/items`, { method: 'POST', body }),
  duplicateItem: (id: string, itemId: string) =>
    callApi<{ id: string }>(`collections/${enc(id)}/items/${enc(itemId)}/duplicate`, { method: 'POST' }),
  moveItem: (
    id: string,
    itemId: string,
    body: { toCollection?: string; parentId: string | null; index?: number },
  ) => callApi<unknown>(`collections/${enc(id)}/items/${enc(itemId)}/move`, { method: 'POST', body }),
  renameItem: (id: string, itemId: string, name: string) =>
    callApi<unknown>(`collections/${enc(id)}/items/${enc(itemId)}/rename`, {
      method: 'POST',
      body: { name },
    }),
  deleteItem: (id: string, itemId: string) =>
    callApi<unknown>(`collections/${enc(id)}/items/${enc(itemId)}`, { method: 'DELETE' }),
  importFile: (name: string, text: string, onConflict: 'error' | 'replace' | 'copy' = 'error') =>
    callApi<{ type: string; name: string; id?: string }>(
      `import?name=${enc(name)}&onConflict=${onConflict}`,
      {
        method: 'POST',
        text,
      },
    ),
  exportUrl: (id: string) => `/api/collections/${enc(id)}/export`,
  environments: (reveal = false) => callApi<EnvironmentJson[]>(`environments${reveal ? '?reveal=1' : ''}`),
  saveEnvironment: (name: string, values: EnvironmentJson['values'], newName?: string) =>
    callApi<unknown>(`environments/${enc(name)}`, {
      method: 'PUT',
      body: newName === undefined ? { values } : { values, newName },
    }),
  deleteEnvironment: (name: string) => callApi<unknown>(`environments/${enc(name)}`, { method: 'DELETE' }),
  globals: (reveal = false) => callApi<EnvironmentJson>(`globals${reveal ? '?reveal=1' : ''}`),
  saveGlobals: (values: EnvironmentJson['values']) =>
    callApi<unknown>('globals', { method: 'PUT', body: { values } }),
  send: (body: { collectionId: string; itemId?: string; item: ItemJson; environment?: string }) =>
    callApi<SendResult>('send', { method: 'POST', body }),
  history: (limit = 50) => callApi<HistorySummary[]>(`history?limit=${limit}`),
  saveExample: (id: string, itemId: string, historyId: string | number, name: string) =>
    callApi<unknown>(`collections/${enc(id)}/items/${enc(itemId)}/examples`, {
      method: 'POST',
      body: { historyId, name },
    }),
  snippet: (body: { collectionId: string; item: ItemJson; environment?: string; target: string }) =>
    callApi<{ code: string }>('snippet', { method: 'POST', body }),
  authorize: (body: { collectionId: string; itemId?: string; auth?: unknown; environment?: string }) =>
    callApi<{ authorizationUrl?: string; state?: string; token?: TokenSummary }>('oauth2/authorize', {
      method: 'POST',
      body,
    }),
  completeAuthorization: (state: string, answer: string) =>
    callApi<{ token: TokenSummary }>('oauth2/complete', { method: 'POST', body: { state, answer } }),
  tokens: (reveal = false) => callApi<TokenSummary[]>(`oauth2/tokens${reveal ? '?reveal=1' : ''}`),
  deleteToken: (name: string) => callApi<unknown>(`oauth2/tokens/${enc(name)}`, { method: 'DELETE' }),
  run: (body: {
    collectionId: string
    folder?: string
    environment?: string
    iterations?: number
    dataFile?: { name: string; text: string }
  }) => callApi<{ runId: string }>('run', { method: 'POST', body }),
  uiState: () => callApi<Partial<UiState> | null>('ui-state'),
  saveUiState: (state: UiState, options: { keepalive?: boolean } = {}) =>
    callApi<unknown>('ui-state', { method: 'PUT', body: state, ...options }),
}
