// One writer at a time inside this server, and the workspace kept in step with the disk: the watcher's events
// reload it (ADR 0014: a write is refused when a file changed since it was read, so the UI reloads first).
import { isAppError, type WorkspaceStore } from '@courier/core'
import type { EventHub } from './event-hub.js'

/** The workspace as the routes use it. */
export interface WorkspaceSession {
  readonly store: WorkspaceStore
  /** Runs `action` alone (no other write or reload meanwhile); a write refused as stale reloads the workspace. */
  write<T>(action: (store: WorkspaceStore) => Promise<T>): Promise<T>
  /** Reads the disk again; publishes `workspace-changed` when something changed. Returns the changed paths. */
  refresh(): Promise<string[]>
}

/**
 * Wraps a workspace store for the server: writes are serialised, each successful one is announced to the UI's
 * tabs, and `refresh` (the watcher's callback) reloads.
 * @example const session = createWorkspaceSession(store, hub); await session.write((ws) => ws.saveCollection(dir, next))
 */
export function createWorkspaceSession(store: WorkspaceStore, hub: EventHub): WorkspaceSession {
  let queue: Promise<unknown> = Promise.resolve()
  const exclusive = <T>(action: () => Promise<T>): Promise<T> => {
    const result = queue.then(action, action)
    queue = result.catch(() => undefined)
    return result
  }
  const reload = async (): Promise<string[]> => {
    const paths = await store.reload()
    if (paths.length > 0) hub.publish({ type: 'workspace-changed', paths, source: 'disk' })
    return paths
  }
  return {
    store,
    async write(action) {
      try {
        const result = await exclusive(() => action(store))
        hub.publish({ type: 'workspace-changed', paths: [], source: 'ui' })
        return result
      } catch (error) {
        // The disk moved on before the watcher told us: read it now, so that the user's retry can succeed.
        if (isAppError(error, 'WORKSPACE_STALE')) await exclusive(reload)
        throw error
      }
    },
    refresh: () => exclusive(reload),
  }
}
