// Parsing YAML is most of the cost of opening a workspace (about 0.2 ms a file: a second for 5,000 requests).
// Files rarely change between two opens, so the parsed value of each file is kept in `.courier/cache/`
// (git-ignored local state), keyed by the SHA-256 of the file's text: an unchanged file is never parsed twice, and
// a file edited by hand simply misses. Only values that survive JSON are cached; problems are never cached.
import { readFileSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import { writeFileAtomic } from '../write-file-atomic.js'
import { parseYaml, type ParsedYaml } from './format/index.js'

interface CacheFile {
  version: 1
  /** The parsed value of each file, as JSON text, by the SHA-256 of the file's text. */
  entries: Record<string, string>
}

/** A cache of parsed YAML files for one workspace. */
export class ParseCache {
  readonly #path: string
  #entries: Map<string, string>
  readonly #used = new Map<string, string>()
  #changed = false

  private constructor(path: string, entries: Map<string, string>) {
    this.#path = path
    this.#entries = entries
  }

  /**
   * Reads the cache file at `path`; a missing or damaged one is an empty cache (never an error).
   * @example const cache = ParseCache.load(join(root, '.courier/cache/yaml.json'))
   */
  static load(path: string): ParseCache {
    try {
      const file = JSON.parse(readFileSync(path, 'utf8')) as Partial<CacheFile>
      if (file.version === 1 && typeof file.entries === 'object' && file.entries !== null)
        return new ParseCache(
          path,
          new Map(
            Object.entries(file.entries).filter((e): e is [string, string] => typeof e[1] === 'string'),
          ),
        )
    } catch {
      // No cache yet, or a damaged one: start afresh.
    }
    return new ParseCache(path, new Map())
  }

  /**
   * Parses `text` (whose SHA-256 is `hash`), from the cache when it holds the same text. Returns fresh objects.
   * @example const parsed = cache.parse(text, 'Orders/List.request.yaml', contentHash(text))
   */
  parse(text: string, path: string, hash: string): ParsedYaml {
    const cached = this.#used.get(hash) ?? this.#entries.get(hash)
    if (cached !== undefined) {
      this.#used.set(hash, cached)
      // Parsed afresh each time: the reader may change what it gets.
      return { ok: true, value: JSON.parse(cached) as Extract<ParsedYaml, { ok: true }>['value'] }
    }
    const parsed = parseYaml(text, path)
    if (parsed.ok && isJson(parsed.value)) {
      this.#used.set(hash, JSON.stringify(parsed.value))
      this.#changed = true
    }
    return parsed
  }

  /** Writes the cache when it learnt something, keeping only the entries of files seen since `load`. */
  async save(): Promise<void> {
    // Entries of files that are gone are dropped too, so the cache does not grow without end.
    const unused = [...this.#entries.keys()].some((hash) => !this.#used.has(hash))
    if (!this.#changed && !unused) return
    const file: CacheFile = { version: 1, entries: Object.fromEntries(this.#used) }
    await mkdir(dirname(this.#path), { recursive: true })
    await writeFileAtomic(this.#path, JSON.stringify(file))
    this.#entries = new Map()
    this.#changed = false
  }
}

// Strings, finite numbers, booleans, null, arrays and plain objects: what JSON gives back unchanged.
function isJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0)
  if (Array.isArray(value)) return value.every(isJson)
  if (typeof value !== 'object') return false
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return false
  for (const key of Object.keys(value)) {
    if (key === '__proto__') return false
    if (!isJson((value as Record<string, unknown>)[key])) return false
  }
  return true
}
