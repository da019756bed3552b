// The workspace on disk (DESIGN.md "Workspace on disk"): collections as Postman v3 YAML trees, environments and
// globals as YAML files, read into Courier's model (v2.1 JSON) and written back file by file. A save renders only
// the files whose item changed (the edit operations share structure, so an unchanged item is the same object) and
// writes them through one file transaction (atomic, journalled, refused when a file changed on disk meanwhile).
import { randomUUID } from 'node:crypto'
import { existsSync, readFileSync, type Dirent } from 'node:fs'
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import type { Collection, Environment, WorkspaceStore } from '@courier/core'
import { AppError } from '@courier/core'
import { ensureStateGitignore } from '../state/index.js'
import { writeFileAtomic } from '../write-file-atomic.js'
import {
  collectionDirectoryName,
  environmentFileName,
  environmentToYaml,
  filesToCollection,
  layoutCollection,
  renderEntry,
  yamlToEnvironment,
  type FileProblem,
  type LayoutEntry,
} from './format/index.js'
import { commitFileChanges, contentHash, recoverPendingChanges, type FileChange } from './file-transaction.js'
import { ParseCache } from './parse-cache.js'
import { workspacePaths } from './workspace-layout.js'

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

/** A file that could not be read; the rest of the workspace still opens. `path` is relative to the root. */
export type WorkspaceProblem = FileProblem

/** What `saveEnvironment` left out of the file: the values of secret variables, for the local secret store. */
export interface SavedEnvironment extends WorkspaceEnvironment {
  secrets: { key: string; value: string }[]
}

/** Something deleted, kept in `.courier/trash` until restored. */
export interface TrashFile {
  /** The file's name in the trash folder. */
  file: string
  kind: string
  name: string
  deletedAt: string
  value: unknown
}

interface LoadedCollection extends WorkspaceCollection {
  layout: Map<string, LayoutEntry>
}

const collectionFile = /\.(request|example)\.ya?ml$|(^|\/)definition\.ya?ml$/
const temporaryFile = /^\..+\.[0-9a-f]{12}\.tmp$/
const environmentFile = /\.environment\.ya?ml$/
const globalsFile = /\.globals\.ya?ml$/

// A write's temporary file lives for milliseconds (seconds for a large file on a slow disk); older than this, no writer
// owns it any more.
const abandonedAfterMs = 60 * 60 * 1000

async function removeAbandoned(path: string): Promise<void> {
  const stats = await stat(path).catch(() => undefined)
  if (stats !== undefined && Date.now() - stats.mtimeMs > abandonedAfterMs) await rm(path, { force: true })
}

/**
 * An open workspace. Reads everything on `open`; each write goes straight to disk and refuses to overwrite a file
 * that changed since this process read it (WORKSPACE_STALE).
 * @example
 * const ws = await Workspace.open('/home/ada/api')
 * const { collection } = ws.collection('GoToMeeting')
 * await ws.saveCollection(ws.collection('GoToMeeting').dir, edited)
 */
export class Workspace implements WorkspaceStore {
  readonly root: string
  #collections = new Map<string, LoadedCollection>()
  #environments = new Map<string, WorkspaceEnvironment>()
  #hashes = new Map<string, string>()
  #problems: WorkspaceProblem[] = []

  private constructor(root: string) {
    this.root = root
  }

  /**
   * Creates the workspace folders (idempotent) and the `.gitignore` that keeps local state out of git.
   * @example const ws = await Workspace.init('api')
   */
  static async init(root: string): Promise<Workspace> {
    for (const folder of [workspacePaths.collections, workspacePaths.environments, workspacePaths.globals])
      await mkdir(join(root, ...folder.split('/')), { recursive: true })
    await mkdir(join(root, workspacePaths.state), { recursive: true })
    await ensureStateGitignore(root)
    const ws = await Workspace.open(root)
    if (ws.globals() === undefined) await ws.saveEnvironment({ name: 'Globals', values: [] }, 'globals')
    return ws
  }

  /**
   * Reads the workspace at `root`. A broken file becomes a problem (file, line, column); everything else opens.
   * @example const ws = await Workspace.open(root); for (const p of ws.problems) console.error(p.message)
   */
  static async open(root: string): Promise<Workspace> {
    const ws = new Workspace(root)
    await recoverPendingChanges(root)
    await ws.#load()
    return ws
  }

  /**
   * Reads the workspace again after its files changed behind its back (an editor, git, another process: the
   * file watcher's event), so that the next save starts from what is on disk.
   * @returns the paths whose content changed, relative to the root; none when nothing did (nothing is replaced)
   * @example const changed = await ws.reload()
   */
  async reload(): Promise<string[]> {
    const fresh = await Workspace.open(this.root)
    const changed = [...new Set([...this.#hashes.keys(), ...fresh.#hashes.keys()])].filter(
      (path) => this.#hashes.get(path) !== fresh.#hashes.get(path),
    )
    if (changed.length === 0) return []
    this.#collections = fresh.#collections
    this.#environments = fresh.#environments
    this.#hashes = fresh.#hashes
    this.#problems = fresh.#problems
    return changed.sort()
  }

  /** Files that could not be read, with where and why. */
  get problems(): readonly WorkspaceProblem[] {
    return this.#problems
  }

  /** The collections, by folder name. */
  collections(): WorkspaceCollection[] {
    return [...this.#collections.values()].map(({ dir, collection }) => ({ dir, collection }))
  }

  /**
   * A collection by name, folder name or id (`info._postman_id`).
   * @throws AppError COLLECTION_NOT_FOUND
   */
  collection(selector: string): WorkspaceCollection {
    const all = [...this.#collections.values()]
    const folded = selector.toLowerCase()
    const match =
      all.find((c) => c.collection.info?._postman_id === selector) ??
      all.find((c) => c.dir.split('/').at(-1) === selector) ??
      all.find((c) => nameOf(c.collection) === selector) ??
      all.find((c) => nameOf(c.collection).toLowerCase() === folded)
    if (match !== undefined) return { dir: match.dir, collection: match.collection }
    const names = all.map((c) => nameOf(c.collection))
    throw new AppError(
      'COLLECTION_NOT_FOUND',
      `${this.root}: no collection "${selector}"${names.length === 0 ? ' (the workspace has none)' : ` (there are: ${names.join(', ')})`}`,
      { query: selector, names },
    )
  }

  /** The environments (not globals), by file. */
  environments(): WorkspaceEnvironment[] {
    return [...this.#environments.values()].filter((e) => e.kind === 'environment')
  }

  /** The workspace's globals, when it has a globals file. */
  globals(): WorkspaceEnvironment | undefined {
    return [...this.#environments.values()].find((e) => e.kind === 'globals')
  }

  /**
   * An environment by name (case-insensitive when unique) or file name.
   * @throws AppError ENVIRONMENT_NOT_FOUND
   */
  environment(selector: string): WorkspaceEnvironment {
    const all = this.environments()
    const match =
      all.find((e) => e.environment.name === selector) ??
      all.find((e) => e.path.split('/').at(-1) === selector) ??
      all.find((e) => e.environment.name?.toLowerCase() === selector.toLowerCase())
    if (match !== undefined) return match
    const names = all.map((e) => e.environment.name ?? e.path)
    throw new AppError(
      'ENVIRONMENT_NOT_FOUND',
      `${this.root}: no environment "${selector}"${names.length === 0 ? ' (the workspace has none)' : ` (there are: ${names.join(', ')})`}`,
      { query: selector, names },
    )
  }

  /**
   * Writes `next` over the collection in `dir`: only the files whose content changes, plus deletions of files
   * that no longer belong (a renamed or moved item). All of them in one transaction.
   * @throws AppError WORKSPACE_STALE when one of those files changed on disk since it was read
   */
  async saveCollection(dir: string, next: Collection): Promise<WorkspaceCollection> {
    const [saved] = await this.saveCollections([{ dir, collection: next }])
    if (saved === undefined) throw new TypeError('saveCollections returned nothing')
    return saved
  }

  /**
   * Writes several collections in ONE transaction (a move between two collections): either every file of every
   * collection lands or none does, so a crash never leaves the item in both or in neither.
   * @throws AppError WORKSPACE_STALE when one of those files changed on disk since it was read
   */
  async saveCollections(saves: readonly WorkspaceCollection[]): Promise<WorkspaceCollection[]> {
    const changes: FileChange[] = []
    const saved = saves.map(({ dir, collection: next }) => {
      const loaded = this.#collections.get(dir)
      if (loaded === undefined) throw new TypeError(`not a collection of this workspace: ${dir}`)
      const layout = indexLayout(layoutCollection(next))
      for (const [path, entry] of layout) {
        const before = loaded.layout.get(path)
        if (before !== undefined && sameOwner(loaded.collection, before, next, entry)) continue
        this.#stage(changes, `${dir}/${path}`, renderEntry(next, entry))
      }
      for (const path of loaded.layout.keys())
        if (!layout.has(path)) this.#stage(changes, `${dir}/${path}`, null)
      return { dir, collection: next, layout }
    })
    await this.#commit(changes)
    return saved.map((loaded) => {
      this.#collections.set(loaded.dir, loaded)
      return { dir: loaded.dir, collection: loaded.collection }
    })
  }

  /**
   * Adds a collection (an import). When one with the same folder name or id exists: `error` refuses
   * (WORKSPACE_CONFLICT), `replace` writes over it, `copy` keeps both (a new id, the folder name suffixed `-1`…).
   */
  async addCollection(
    collection: Collection,
    onConflict: 'error' | 'replace' | 'copy' = 'error',
  ): Promise<WorkspaceCollection> {
    const base = collectionDirectoryName(collection)
    const taken = (name: string) =>
      [...this.#collections.keys()].some((dir) => dir.split('/').at(-1)?.toLowerCase() === name.toLowerCase())
    const id = collection.info?._postman_id
    const sameId = [...this.#collections.values()].find(
      (c) => id !== undefined && c.collection.info?._postman_id === id,
    )
    const existing = sameId?.dir ?? (taken(base) ? `${workspacePaths.collections}/${base}` : undefined)
    if (existing !== undefined && onConflict === 'error')
      throw new AppError(
        'WORKSPACE_CONFLICT',
        `${existing}: the workspace already has the collection "${nameOf(collection)}"`,
        { name: nameOf(collection), path: existing },
      )
    if (existing !== undefined && onConflict === 'replace') {
      const dir = [...this.#collections.keys()].find((d) => d.toLowerCase() === existing.toLowerCase())
      if (dir !== undefined) return this.saveCollection(dir, collection)
    }
    let added = collection
    let name = base
    if (existing !== undefined) {
      added = {
        ...collection,
        info: { name: nameOf(collection), ...collection.info, _postman_id: randomUUID() },
      }
      for (let n = 1; taken(name); n++) name = `${base}-${n}`
    }
    const dir = `${workspacePaths.collections}/${name}`
    this.#collections.set(dir, {
      dir,
      collection: { info: { name: '', schema: '' }, item: [] },
      layout: new Map(),
    })
    try {
      return await this.saveCollection(dir, added)
    } catch (error) {
      this.#collections.delete(dir)
      throw error
    }
  }

  /**
   * Removes a collection's folder, keeping a copy in the local trash (`.courier/trash`) to restore from.
   * @returns the path of the trash copy (a v2.1 JSON file)
   */
  async removeCollection(dir: string): Promise<string> {
    const loaded = this.#collections.get(dir)
    if (loaded === undefined) throw new TypeError(`not a collection of this workspace: ${dir}`)
    const trashPath = await this.putInTrash('collection', nameOf(loaded.collection), loaded.collection)
    const changes: FileChange[] = []
    for (const path of loaded.layout.keys()) this.#stage(changes, `${dir}/${path}`, null)
    await this.#commit(changes)
    this.#collections.delete(dir)
    return trashPath
  }

  /**
   * Writes an environment (or the globals) file; secret values are left out of the file and returned, for the
   * local secret store. `previousName` renames: the old file goes.
   */
  async saveEnvironment(
    environment: Environment,
    kind: 'environment' | 'globals',
    previousName?: string,
  ): Promise<SavedEnvironment> {
    const folder = kind === 'globals' ? workspacePaths.globals : workspacePaths.environments
    const existing =
      kind === 'globals' ? this.globals() : this.#findEnvironment(previousName ?? environment.name)
    const path =
      kind === 'globals' && existing !== undefined
        ? existing.path
        : `${folder}/${environmentFileName(environment.name ?? 'Environment', kind)}`
    const { text, secrets } = environmentToYaml(environment, kind)
    const changes: FileChange[] = []
    this.#stage(changes, path, text)
    if (existing !== undefined && existing.path !== path) this.#stage(changes, existing.path, null)
    await this.#commit(changes)
    if (existing !== undefined) this.#environments.delete(existing.path)
    const saved = { path, kind, environment }
    this.#environments.set(path, saved)
    return { ...saved, secrets }
  }

  /** Deletes an environment file (a copy goes to the local trash). */
  async removeEnvironment(selector: string): Promise<string> {
    const env = this.environment(selector)
    const trashPath = await this.putInTrash(
      'environment',
      env.environment.name ?? 'environment',
      env.environment,
    )
    await this.#commit([{ path: env.path, text: null, expected: this.#hashes.get(env.path) ?? null }])
    this.#environments.delete(env.path)
    return trashPath
  }

  /**
   * Keeps something deleted in `.courier/trash` (git-ignored) as JSON, so it can be restored.
   * @returns the file's path
   */
  async putInTrash(kind: string, name: string, value: unknown): Promise<string> {
    const folder = join(this.root, ...workspacePaths.trash.split('/'))
    await mkdir(folder, { recursive: true })
    const stamp = new Date().toISOString().replace(/[:.]/g, '-')
    const safe = name.replace(/[^\p{L}\p{N} _-]+/gu, '-').slice(0, 60)
    const path = join(folder, `${stamp} ${kind} ${safe} ${randomUUID().slice(0, 8)}.json`)
    await writeFileAtomic(
      path,
      `${JSON.stringify({ kind, name, deletedAt: new Date().toISOString(), value })}\n`,
    )
    return path
  }

  /** What the trash holds, newest first. */
  async listTrash(): Promise<TrashFile[]> {
    const folder = join(this.root, ...workspacePaths.trash.split('/'))
    const entries = (await listFolder(folder)).filter((e) => e.isFile() && e.name.endsWith('.json'))
    const files: TrashFile[] = []
    for (const entry of entries) {
      try {
        const parsed = JSON.parse(await readFile(join(folder, entry.name), 'utf8')) as Omit<TrashFile, 'file'>
        files.push({ file: entry.name, ...parsed })
      } catch {
        // A trash file damaged by hand is skipped; the trash never stops a command.
      }
    }
    return files.sort((a, b) => (a.deletedAt < b.deletedAt ? 1 : a.deletedAt > b.deletedAt ? -1 : 0))
  }

  /** Deletes one trash file (after a restore). */
  async dropFromTrash(file: string): Promise<void> {
    if (file.includes('/') || file.includes('\\')) throw new TypeError(`not a trash file name: ${file}`)
    await rm(join(this.root, ...workspacePaths.trash.split('/'), file), { force: true })
  }

  #findEnvironment(name: string | undefined): WorkspaceEnvironment | undefined {
    if (name === undefined) return undefined
    return this.environments().find((e) => e.environment.name === name)
  }

  // A change is skipped when the file already holds that text; otherwise it carries the hash this process read.
  #stage(changes: FileChange[], path: string, text: string | null): void {
    const known = this.#hashes.get(path)
    if (text !== null && known !== undefined && known === contentHash(text)) return
    if (text === null && known === undefined) return
    changes.push({ path, text, expected: known ?? null })
  }

  async #commit(changes: FileChange[]): Promise<void> {
    const hashes = await commitFileChanges(this.root, changes)
    for (const [path, hash] of hashes) {
      if (hash === null) this.#hashes.delete(path)
      else this.#hashes.set(path, hash)
    }
  }

  async #load(): Promise<void> {
    const collectionsRoot = join(this.root, ...workspacePaths.collections.split('/'))
    const cache = ParseCache.load(join(this.root, ...workspacePaths.parseCache.split('/')))
    for (const entry of await listFolder(collectionsRoot)) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue
      await this.#loadCollection(`${workspacePaths.collections}/${entry.name}`, entry.name, cache)
    }
    // Only a workspace that has local state gets a cache (never a new folder in someone's checkout on `ls`).
    if (existsSync(join(this.root, workspacePaths.state))) await cache.save().catch(() => undefined)
    for (const [folder, pattern, kind] of [
      [workspacePaths.environments, environmentFile, 'environment'],
      [workspacePaths.globals, globalsFile, 'globals'],
    ] as const) {
      for (const entry of await listFolder(join(this.root, ...folder.split('/')))) {
        if (!entry.isFile() || !pattern.test(entry.name)) continue
        const path = `${folder}/${entry.name}`
        const text = await readFile(join(this.root, ...path.split('/')), 'utf8')
        this.#hashes.set(path, contentHash(text))
        const { environment, problems } = yamlToEnvironment(text, path, kind)
        this.#problems.push(...problems)
        if (environment !== undefined) this.#environments.set(path, { path, kind, environment })
      }
    }
  }

  async #loadCollection(dir: string, name: string, cache: ParseCache): Promise<void> {
    const folder = join(this.root, ...dir.split('/'))
    const files = new Map<string, string>()
    const entries = await readdir(folder, { recursive: true, withFileTypes: true })
    for (const entry of entries) {
      if (!entry.isFile()) continue
      const full = join(entry.parentPath, entry.name)
      const path = relative(folder, full).split(sep).join('/')
      if (temporaryFile.test(entry.name)) {
        // Never part of the workspace. One may belong to a write in progress (this process's own transaction, the
        // CLI's, another window's), so only one left long ago by a process killed mid-write is removed.
        await removeAbandoned(full)
        continue
      }
      if (!collectionFile.test(path)) continue
      // Small files read synchronously: four times faster than the promise API for thousands of them.
      const text = readFileSync(full, 'utf8')
      files.set(path, text)
      this.#hashes.set(`${dir}/${path}`, contentHash(text))
    }
    const { collection, problems } = filesToCollection(files, name, {
      parse: (text, path) => cache.parse(text, path, this.#hashes.get(`${dir}/${path}`) ?? contentHash(text)),
    })
    this.#problems.push(...problems.map((p) => ({ ...p, path: `${dir}/${p.path}` })))
    const layout = indexLayout(layoutCollection(collection))
    this.#collections.set(dir, { dir, collection, layout })
  }
}

function nameOf(collection: Collection): string {
  return collection.info?.name ?? ''
}

function indexLayout(entries: readonly LayoutEntry[]): Map<string, LayoutEntry> {
  return new Map(entries.map((entry) => [entry.path, entry]))
}

type Owner = Collection | { item?: unknown }

// The same file for the same, unchanged object at the same place: its text cannot have changed.
// A definition (collection or folder metadata) depends on the owner's fields but not on its children, which change
// whenever anything below changes: those fields must be the same objects.
function sameOwner(before: Collection, a: LayoutEntry, after: Collection, b: LayoutEntry): boolean {
  if (a.kind !== b.kind || a.exampleIndex !== b.exampleIndex) return false
  if (a.itemPath.length !== b.itemPath.length || a.itemPath.some((n, i) => n !== b.itemPath[i])) return false
  const x = ownerAt(before, a.itemPath)
  const y = ownerAt(after, b.itemPath)
  if (x === undefined || y === undefined) return false
  if (x === y) return true
  if (a.kind !== 'definition') return false
  const keys = new Set([...Object.keys(x), ...Object.keys(y)])
  keys.delete('item')
  for (const key of keys)
    if ((x as Record<string, unknown>)[key] !== (y as Record<string, unknown>)[key]) return false
  return true
}

function ownerAt(collection: Collection, itemPath: readonly number[]): Owner | undefined {
  let current: Owner | undefined = collection
  for (const index of itemPath) {
    const items: unknown = current?.item
    if (!Array.isArray(items)) return undefined
    current = items[index] as Owner | undefined
  }
  return current
}

async function listFolder(path: string): Promise<Dirent[]> {
  try {
    return await readdir(path, { withFileTypes: true })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
}
