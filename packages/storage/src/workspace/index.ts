export type { FileChange } from './file-transaction.js'
export { commitFileChanges, contentHash, recoverPendingChanges } from './file-transaction.js'
export type {
  SavedEnvironment,
  TrashFile,
  WorkspaceCollection,
  WorkspaceEnvironment,
  WorkspaceProblem,
} from './workspace.js'
export { Workspace } from './workspace.js'
export { findWorkspaceRoot, isWorkspace, nearestWorkspaceRoot, workspacePaths } from './workspace-layout.js'
export { watchWorkspace } from './watch-workspace.js'
export type { WatchWorkspaceOptions } from './watch-workspace.js'
