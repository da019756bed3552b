/** One issue found while validating a document: where (a JSON path such as `$.item[3].request.url`) and what. */
export interface Issue {
  path: string
  message: string
}

/**
 * Every operational error Courier can raise, with the typed details it carries.
 * Adding a code forces a message in `messages.ts` and an exit code in the CLI's table.
 */
export interface ErrorDetails {
  FILE_UNREADABLE: { source: string; reason: string }
  FILE_EMPTY: { source: string }
  FILE_BINARY: { source: string }
  FILE_TOO_LARGE: { source: string; sizeBytes: number; limitBytes: number }
  JSON_INVALID: { source: string; line: number; column: number; expected: string }
  FORMAT_UNKNOWN: { source: string; found: string }
  SCHEMA_UNSUPPORTED: { source: string; schema: string; supported: string[] }
  COLLECTION_INVALID: { source: string; issues: Issue[] }
  COLLECTION_TOO_DEEP: { source: string; path: string; maxDepth: number }
  ENVIRONMENT_INVALID: { source: string; issues: Issue[] }
  VARIABLE_CYCLE: { name: string; chain: string[] }
  VARIABLE_DEPTH_EXCEEDED: { name: string; maxDepth: number }
  VARIABLE_TOO_LARGE: { name: string; limitChars: number }
  VARIABLE_UNRESOLVED: { names: string[]; where: string }
  HTTP_URL_INVALID: { url: string; reason: string }
  HTTP_DNS_FAILED: { method: string; url: string; host: string }
  HTTP_CONNECTION_REFUSED: { method: string; url: string; address: string }
  HTTP_CONNECTION_RESET: { method: string; url: string }
  HTTP_TIMEOUT: { method: string; url: string; timeoutMs: number; phase: 'connect' | 'response' }
  HTTP_TLS_FAILED: { method: string; url: string; check: string; reason: string }
  HTTP_PROXY_FAILED: { method: string; url: string; proxy: string; reason: string }
  HTTP_RESPONSE_TOO_LARGE: { method: string; url: string; limitBytes: number }
  HTTP_TOO_MANY_REDIRECTS: { method: string; url: string; maxRedirects: number }
  HTTP_REQUEST_FAILED: { method: string; url: string; reason: string }
  BODY_FILE_UNREADABLE: { path: string; field?: string; reason: string }
  AUTH_INVALID: { type: string; reason: string }
  AUTH_UNSUPPORTED: { type: string }
  OAUTH2_CONFIG_INVALID: { field: string; reason: string }
  OAUTH2_TOKEN_REJECTED: { tokenUrl: string; error: string; description?: string; status: number }
  OAUTH2_TOKEN_RESPONSE_INVALID: { tokenUrl: string; reason: string; status: number }
  OAUTH2_ACCESS_DENIED: { authUrl: string; error: string; description?: string }
  OAUTH2_STATE_MISMATCH: { authUrl: string }
  OAUTH2_CONSENT_TIMEOUT: { authUrl: string; timeoutMs: number }
  OAUTH2_TOKEN_MISSING: { name: string; grantType: string }
  OAUTH2_REFRESH_FAILED: { name: string; tokenUrl: string; error: string }
  REQUEST_NOT_FOUND: { query: string; source: string; suggestions: string[] }
  REQUEST_AMBIGUOUS: { query: string; source: string; matches: string[] }
  ITEM_NOT_FOUND: { query: string; source: string; suggestions: string[] }
  ITEM_AMBIGUOUS: { query: string; source: string; matches: string[] }
  ITEM_WRONG_KIND: { query: string; path: string; expected: 'folder' | 'request' }
  NAME_INVALID: { name: string; what: string; reason: string }
  MOVE_INTO_ITSELF: { item: string; target: string }
  EXAMPLE_NOT_FOUND: { item: string; query: string; examples: string[] }
  CONVERT_TARGET_UNSUPPORTED: { target: string; supported: string[] }
  USAGE_INVALID: { message: string }
  ITERATION_DATA_INVALID: { source: string; line?: number; reason: string }
  STATE_TOO_NEW: { path: string; version: number; supportedVersion: number }
  STATE_UNREADABLE: { path: string; reason: string }
  WORKSPACE_NOT_FOUND: { start: string }
  COLLECTION_NOT_FOUND: { query: string; names: string[] }
  ENVIRONMENT_NOT_FOUND: { query: string; names: string[] }
  WORKSPACE_STALE: { path: string }
  WORKSPACE_LOCKED: { path: string; reason: string }
  WORKSPACE_CONFLICT: { name: string; path: string }
  API_INPUT_INVALID: { field: string; reason: string }
  UI_ACCESS_DENIED: { reason: 'token' | 'host' | 'origin' }
}

export type ErrorCode = keyof ErrorDetails
