// What the UI server (and anything else outside the CLI) needs from a workspace on disk: its collections,
// environments and globals, and transactional saves that refuse to overwrite a file changed behind its back.
// `@courier/storage`'s `Workspace` implements it (ADR 0014, ADR 0015).
import type { Collection, Environment } from '../collection/index.js'

/** A collection of the workspace: its folder (relative to the root, with `/`) and its model. */
export interface WorkspaceCollection {
  dir: string
  collection: Collection
}

/** An environment or globals file of the workspace. Secret values are not in files: see the secret store. */
export interface WorkspaceEnvironment {
  path: string
  kind: 'environment' | 'globals'
  environment: Environment
}

/** What a save of an environment left out of the file: the values of secret variables, for the secret store. */
export interface SavedEnvironment extends WorkspaceEnvironment {
  secrets: { key: string; value: string }[]
}

/** A file that could not be read (the rest of the workspace still opens). `path` is relative to the root. */
export interface WorkspaceProblem {
  path: string
  line?: number
  column?: number
  message: string
}

/** What to do when an added collection is already in the workspace: refuse, overwrite, or keep both. */
export type OnConflict = 'error' | 'replace' | 'copy'

/**
 * A workspace of collections, environments and globals. Every write goes straight to disk in one transaction and
 * is refused with WORKSPACE_STALE when a file it touches changed since it was read; `reload` reads again.
 * @example const { dir, collection } = store.collection('GoToMeeting'); await store.saveCollection(dir, edited)
 */
export interface WorkspaceStore {
  readonly root: string
  /** Files that could not be read, with where and why. */
  readonly problems: readonly WorkspaceProblem[]
  collections(): WorkspaceCollection[]
  /**
   * A collection by id (`info._postman_id`), folder name or name.
   * @throws AppError COLLECTION_NOT_FOUND
   */
  collection(selector: string): WorkspaceCollection
  saveCollection(dir: string, next: Collection): Promise<WorkspaceCollection>
  /** Writes several collections in one transaction: all land or none (a move between collections). */
  saveCollections(saves: readonly WorkspaceCollection[]): Promise<WorkspaceCollection[]>
  addCollection(collection: Collection, onConflict?: OnConflict): Promise<WorkspaceCollection>
  /** Moves a collection to the trash; returns where the trash copy is. */
  removeCollection(dir: string): Promise<string>
  /** The environments (not the globals). */
  environments(): WorkspaceEnvironment[]
  globals(): WorkspaceEnvironment | undefined
  /**
   * An environment by name or file name.
   * @throws AppError ENVIRONMENT_NOT_FOUND
   */
  environment(selector: string): WorkspaceEnvironment
  /** Writes an environment (or the globals); `previousName` renames. Secret values are returned, not written. */
  saveEnvironment(
    environment: Environment,
    kind: 'environment' | 'globals',
    previousName?: string,
  ): Promise<SavedEnvironment>
  /** Moves an environment to the trash; returns where the trash copy is. */
  removeEnvironment(selector: string): Promise<string>
  /** Keeps something deleted (an item with where it was) in the local trash, to restore from; returns its file. */
  putInTrash(kind: string, name: string, value: unknown): Promise<string>
  /**
   * Reads the workspace again after files changed behind its back (an editor, git, another process).
   * @returns the paths whose content changed; none when nothing did (then nothing was replaced)
   */
  reload(): Promise<string[]>
}

/** A running watch over a workspace's files. */
export interface WorkspaceWatcher {
  /** Resolves once changes made from now on are seen. */
  readonly ready: Promise<void>
  close(): Promise<void>
}

/**
 * Watches a workspace's files (not its local state in `.courier/`) and reports the paths, relative to the root
 * with `/`, that were added, changed or removed, a few at a time.
 * @example const watcher = watch(root, (paths) => console.log(paths)); await watcher.ready
 */
export type WatchWorkspace = (root: string, onChange: (paths: string[]) => void) => WorkspaceWatcher
