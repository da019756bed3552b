import { randomBytes } from 'node:crypto'
import { open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** Options for {@link writeFileAtomic}. */
export interface WriteFileAtomicOptions {
  /** File mode for a new file (default 0o644; existing files keep theirs only if the caller passes it). */
  mode?: number
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
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
  await syncFolder(folder)
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
