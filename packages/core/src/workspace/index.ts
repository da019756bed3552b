// The ports through which the UI server reaches the workspace and its local state. `@courier/storage`
// implements them; the CLI wires them (ADR 0015).
export type {
  OnConflict,
  SavedEnvironment,
  WatchWorkspace,
  WorkspaceWatcher,
  WorkspaceCollection,
  WorkspaceEnvironment,
  WorkspaceProblem,
  WorkspaceStore,
} from './workspace-store.js'
export type {
  HistoryBytes,
  HistoryCollectionRef,
  HistoryEntry,
  HistoryFormPart,
  HistoryHop,
  HistoryListOptions,
  HistoryRecord,
  HistoryRequest,
  HistoryRequestBody,
  HistoryResponse,
  HistorySource,
  HistoryStore,
  HistorySummary,
  NewHistoryEntry,
} from './history-store.js'
export type { SecretScope, SecretStore, SecretValue } from './secret-store.js'
export type { JsonValue, UiStateStore, UiTab, UiTabItem } from './ui-state-store.js'
export { collectionSecretScope, takeCollectionSecrets, withCollectionSecrets } from './collection-secrets.js'
