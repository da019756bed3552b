// The workspace's file watcher (issue #7): the UI reloads and tells its tabs when an editor, git, another process
// or the `courier` CLI changed a file. chokidar 4 hides the platforms' differences (inotify, FSEvents,
// ReadDirectoryChangesW) and keeps up with folders created and removed.
import { relative, sep } from 'node:path'
import { watch } from 'chokidar'
import type { WorkspaceWatcher } from '@courier/core'

/** Options for {@link watchWorkspace}. */
export interface WatchWorkspaceOptions {
  /** Changes are reported together once none came for this long (default 50 ms: a save touches several files). */
  quietMs?: number
}

// Local state (SQLite, journal, lock, cache, trash), git's own files, dependencies, and our atomic writes'
// temporary files are not part of the workspace.
const ignoredTop = new Set(['.courier', '.git', 'node_modules'])
const temporaryFile = /(^|\/)\.[^/]+\.[0-9a-f]{12}\.tmp$/

/**
 * Watches the files of the workspace at `root` (not `.courier/`) and calls `onChange` with the paths (relative,
 * with `/`, sorted) added, changed or removed since the last call.
 * @example const watcher = watchWorkspace(root, (paths) => reload(paths)); await watcher.ready; …; await watcher.close()
 */
export function watchWorkspace(
  root: string,
  onChange: (paths: string[]) => void,
  options: WatchWorkspaceOptions = {},
): WorkspaceWatcher {
  const quietMs = options.quietMs ?? 50
  const toRelative = (path: string) => relative(root, path).split(sep).join('/')
  const isIgnored = (path: string) => {
    const rel = toRelative(path)
    if (rel === '' || rel.startsWith('..')) return false
    return ignoredTop.has(rel.split('/')[0] ?? '') || temporaryFile.test(rel)
  }
  const watcher = watch(root, { ignored: isIgnored, ignoreInitial: true, persistent: true })
  let pending = new Set<string>()
  let timer: NodeJS.Timeout | undefined
  const flush = () => {
    timer = undefined
    const paths = [...pending].sort()
    pending = new Set()
    if (paths.length > 0) onChange(paths)
  }
  watcher.on('all', (_event, path) => {
    pending.add(toRelative(path))
    if (timer !== undefined) clearTimeout(timer)
    timer = setTimeout(flush, quietMs)
  })
  const ready = new Promise<void>((resolve, reject) => {
    watcher.once('ready', () => resolve())
    watcher.once('error', reject)
  })
  return {
    ready,
    async close() {
      if (timer !== undefined) clearTimeout(timer)
      timer = undefined
      await watcher.close()
    },
  }
}
