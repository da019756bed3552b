export { stateDatabasePath } from './state-database-path.js'
export type { StateDatabasePathOptions } from './state-database-path.js'
export { StateDatabase } from './state-database.js'
export type { StateDatabaseOptions } from './state-database.js'
export { createSqliteTokenStore } from './create-sqlite-token-store.js'
export { ensureStateGitignore } from './ensure-state-gitignore.js'
export { createSqliteCookieStore } from './create-sqlite-cookie-store.js'
export { createHistoryStore } from './create-history-store.js'
export type { HistoryListOptions, HistoryStore, HistoryStoreOptions } from './create-history-store.js'
export { toHistoryEntry } from './history-entry.js'
// The history's data types are core's (the port the UI server uses).
export type {
  HistoryBytes,
  HistoryCollectionRef,
  HistoryEntry,
  HistoryFormPart,
  HistoryHop,
  HistoryRecord,
  HistoryRequest,
  HistoryRequestBody,
  HistoryResponse,
  HistorySource,
  HistorySummary,
  NewHistoryEntry,
} from '@courier/core'
export { createSecretStore, isSecretScope } from './create-secret-store.js'
export type { SecretScope, SecretStore, SecretValue } from './create-secret-store.js'
export { splitSecretValues, withSecretValues } from './secret-values.js'
export type { SplitSecretValuesResult } from './secret-values.js'
export { createUiStateStore } from './create-ui-state-store.js'
export type {
  JsonValue,
  UiStateStore,
  UiStateStoreOptions,
  UiStateWarning,
  UiTab,
  UiTabItem,
} from './create-ui-state-store.js'
