import { randomBytes } from 'node:crypto'
import { open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** Options for {@link writeFileAtomic}. */
export interface WriteFileAtomicOptions {
  /** File mode for a new file (default 0o644; existing files keep theirs only if the caller passes it). */
  mode?: number
  /**
   * Skip the fsyncs: still never a half-written file for readers (the rename is atomic), but not durable across a
   * power loss until the caller flushes (a journalled batch does, once for all its files).
   */
  durable?: boolean
}

/**
 * Writes a file so that a crash at any moment leaves either the old content or the new, never a half-written
 * file: the data goes to a temporary file in the same folder, is fsynced, then renamed over the target.
 * @example await writeFileAtomic('collection.json', text)
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: WriteFileAtomicOptions = {},
): Promise<void> {
  const folder = dirname(path)
  const temporary = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  const handle = await open(temporary, 'wx', options.mode ?? 0o644)
  try {
    try {
      await handle.writeFile(data)
      if (options.durable !== false) await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
  if (options.durable !== false) await syncFolder(folder)
}

// The rename itself is durable only once the folder's entry is on disk (POSIX); Windows cannot open folders.
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await open(folder, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
