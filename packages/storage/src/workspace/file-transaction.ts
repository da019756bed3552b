// Writes a set of workspace files as one step (DESIGN.md: a crash never leaves a half-written workspace; two
// writers never silently overwrite each other). One file: an atomic rename. Several files (a rename moves a request
// and its examples): a journal first, so a process killed half-way is rolled forward by the next one that opens
// the workspace. Every change may carry the hash of the content its writer read: a file changed on disk since then
// is refused (WORKSPACE_STALE) before anything is written.
import { createHash } from 'node:crypto'
import { spawnSync } from 'node:child_process'
import { mkdir, open, readFile, rm, rmdir } from 'node:fs/promises'
import { dirname, join, sep } from 'node:path'
import { AppError } from '@courier/core'
import { writeFileAtomic } from '../write-file-atomic.js'
import { withWriteLock as lock } from './write-lock.js'

/** One file to write (`text`) or delete (`text: null`), by its path relative to the workspace root (`/`). */
export interface FileChange {
  path: string
  text: string | null
  /** The hash of the content the writer based its change on; `null`: the file must not exist; absent: no check. */
  expected?: string | null
}

interface Journal {
  version: 1
  changes: { path: string; text: string | null }[]
}

const stateFolder = '.courier'
const journalName = 'journal.json'
const lockName = 'write.lock'

/**
 * The hash Courier compares to detect a file changed by someone else (SHA-256 of the UTF-8 text, hex).
 * @example contentHash('a: 1\n')
 */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/**
 * Applies `changes` under the workspace's write lock: checks every expected hash, then writes them all (through a
 * journal when there is more than one). Returns the new hash of each path (`null` for a deleted one).
 * @example await commitFileChanges(root, [{ path: 'postman/collections/Api/Get.request.yaml', text, expected }])
 */
export async function commitFileChanges(
  root: string,
  changes: readonly FileChange[],
): Promise<Map<string, string | null>> {
  const hashes = new Map<string, string | null>()
  if (changes.length === 0) return hashes
  await withWriteLock(root, async () => {
    await replayJournal(root)
    for (const change of changes) await checkExpected(root, change)
    const journal: Journal = { version: 1, changes: changes.map(({ path, text }) => ({ path, text })) }
    const journalPath = join(root, stateFolder, journalName)
    if (changes.length === 1) {
      await applyChanges(root, journal.changes, true)
      return
    }
    // The journal is durable before the first file is touched; the files themselves are flushed once, together,
    // before it goes (one fsync each would make importing 5,000 requests take half a minute).
    await writeFileAtomic(journalPath, JSON.stringify(journal))
    await applyChanges(root, journal.changes, false)
    await flushAll(root, journal.changes)
    await rm(journalPath, { force: true })
  })
  for (const change of changes)
    hashes.set(change.path, change.text === null ? null : contentHash(change.text))
  return hashes
}

/**
 * Finishes a multi-file write that a killed process left half-done (its journal is complete: it was written
 * atomically before the first file). Call when opening a workspace.
 * @example await recoverPendingChanges(root)
 */
export async function recoverPendingChanges(root: string): Promise<boolean> {
  const journalPath = join(root, stateFolder, journalName)
  if ((await readOptional(journalPath)) === undefined) return false
  let replayed = false
  await withWriteLock(root, async () => {
    replayed = await replayJournal(root)
  })
  return replayed
}

async function replayJournal(root: string): Promise<boolean> {
  const journalPath = join(root, stateFolder, journalName)
  const text = await readOptional(journalPath)
  if (text === undefined) return false
  let journal: Journal | undefined
  try {
    journal = JSON.parse(text) as Journal
  } catch {
    // Cannot happen with an atomic write; a hand-made file is not ours to apply.
    journal = undefined
  }
  if (journal?.version === 1 && Array.isArray(journal.changes)) {
    await applyChanges(root, journal.changes, false)
    await flushAll(root, journal.changes)
  }
  await rm(journalPath, { force: true })
  return true
}

async function applyChanges(
  root: string,
  changes: readonly { path: string; text: string | null }[],
  durable: boolean,
): Promise<void> {
  for (const change of changes) {
    const target = resolveInside(root, change.path)
    if (change.text === null) {
      await rm(target, { force: true })
      await removeEmptyFolders(root, dirname(target))
    } else {
      await mkdir(dirname(target), { recursive: true })
      await writeFileAtomic(target, change.text, { durable })
    }
  }
}

// Makes a batch of written files durable: POSIX `sync` flushes them all at once; elsewhere (or if it fails), each
// file and folder is fsynced.
async function flushAll(
  root: string,
  changes: readonly { path: string; text: string | null }[],
): Promise<void> {
  if (process.platform !== 'win32' && spawnSync('sync', { stdio: 'ignore', timeout: 60_000 }).status === 0)
    return
  const folders = new Set<string>()
  for (const change of changes) {
    const target = resolveInside(root, change.path)
    folders.add(dirname(target))
    if (change.text !== null) await fsyncPath(target)
  }
  for (const folder of folders) await fsyncPath(folder)
}

async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r').catch(() => undefined)
  if (handle === undefined) return
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

async function checkExpected(root: string, change: FileChange): Promise<void> {
  if (change.expected === undefined) return
  const current = await readOptional(resolveInside(root, change.path))
  const currentHash = current === undefined ? null : contentHash(current)
  if (currentHash === change.expected) return
  const what =
    change.expected === null
      ? 'was created by someone else'
      : current === undefined
        ? 'was deleted'
        : 'was changed'
  throw new AppError(
    'WORKSPACE_STALE',
    `${change.path} ${what} since Courier read it; nothing was written (reload and try again)`,
    { path: change.path },
  )
}

// Folders left empty by a move or delete go too (git does not track them; the tree must not show ghosts).
async function removeEmptyFolders(root: string, folder: string): Promise<void> {
  const stop = join(root, 'postman')
  let current = folder
  while (current.startsWith(stop + sep) && current !== stop) {
    try {
      await rmdir(current)
    } catch {
      return
    }
    current = dirname(current)
  }
}

function resolveInside(root: string, path: string): string {
  const parts = path.split('/')
  if (path === '' || parts.some((part) => part === '..' || part === '') || path.startsWith('/'))
    throw new TypeError(`not a workspace-relative path: ${path}`)
  return join(root, ...parts)
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

async function withWriteLock(root: string, work: () => Promise<void>): Promise<void> {
  const folder = join(root, stateFolder)
  await mkdir(folder, { recursive: true })
  await lock(join(folder, lockName), root, work)
}
