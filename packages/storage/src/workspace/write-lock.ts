// The workspace's write lock: one file, `.courier/write.lock`, created exclusively and holding its owner's pid and
// host. A writer killed with SIGKILL leaves it behind; the next writer sees that its owner is gone (same host, pid
// not alive) and takes it over at once, instead of waiting for a timeout.
import { open, readFile, rm, stat } from 'node:fs/promises'
import { hostname } from 'node:os'
import { AppError } from '@courier/core'

interface Owner {
  pid: number
  host: string
  at: number
}

/** How long a writer waits for another to finish before giving up. */
const waitMs = 15_000
/** A lock this old is abandoned whatever its owner says (a writer holds it for milliseconds to seconds). */
const abandonedMs = 10 * 60_000
/** A lock file without a readable owner (its writer died between creating and writing it), this old, is stale. */
const unreadableMs = 2_000

/**
 * Runs `work` holding the write lock of the workspace at `root` (`lockPath` inside its `.courier`).
 * @throws AppError WORKSPACE_LOCKED when another live process holds it for longer than 15 s
 * @example await withWriteLock('/home/ada/api/.courier/write.lock', root, async () => { … })
 */
export async function withWriteLock<T>(lockPath: string, root: string, work: () => Promise<T>): Promise<T> {
  const me: Owner = { pid: process.pid, host: hostname(), at: Date.now() }
  const deadline = Date.now() + waitMs
  for (let attempt = 0; ; attempt++) {
    if (await tryCreate(lockPath, me)) break
    const owner = await readOwner(lockPath)
    if (await isStale(lockPath, owner)) {
      await removeIfUnchanged(lockPath, owner)
      continue
    }
    if (Date.now() > deadline) {
      const who = owner === undefined ? 'another process' : `process ${owner.pid} on ${owner.host}`
      throw new AppError('WORKSPACE_LOCKED', `${root}: ${who} is writing this workspace (${lockPath})`, {
        path: root,
        reason: `${lockPath} is held by ${who}`,
      })
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(5 * 1.5 ** attempt, 100)))
  }
  try {
    return await work()
  } finally {
    await rm(lockPath, { force: true })
  }
}

async function tryCreate(path: string, me: Owner): Promise<boolean> {
  let handle
  try {
    handle = await open(path, 'wx', 0o600)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
  try {
    await handle.writeFile(JSON.stringify(me))
  } finally {
    await handle.close()
  }
  return true
}

async function readOwner(path: string): Promise<Owner | undefined> {
  try {
    const owner = JSON.parse(await readFile(path, 'utf8')) as Partial<Owner>
    if (typeof owner.pid === 'number' && typeof owner.host === 'string' && typeof owner.at === 'number')
      return { pid: owner.pid, host: owner.host, at: owner.at }
  } catch {
    // Gone meanwhile, or not written yet: decided by its age below.
  }
  return undefined
}

async function isStale(path: string, owner: Owner | undefined): Promise<boolean> {
  if (owner === undefined) {
    const info = await stat(path).catch(() => undefined)
    return info !== undefined && Date.now() - info.mtimeMs > unreadableMs
  }
  if (Date.now() - owner.at > abandonedMs) return true
  return owner.host === hostname() && !isAlive(owner.pid)
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

// Another writer may have taken the stale lock over already: only remove it while it is still the one we judged.
async function removeIfUnchanged(path: string, judged: Owner | undefined): Promise<void> {
  const now = await readOwner(path)
  const same =
    (now === undefined && judged === undefined) ||
    (now !== undefined && judged !== undefined && now.pid === judged.pid && now.at === judged.at)
  if (same) await rm(path, { force: true })
}
