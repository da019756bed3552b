import type { EnvironmentKind } from './types.js'

/** The one key under which a workspace file keeps what Postman's v3 format cannot say (ADR 0011). */
export const EXTENSION_KEY = 'x-courier'

/** Longest stem written (the Postman app truncates names to 64 characters; readers accept any length). */
export const MAX_STEM_LENGTH = 64

/** Characters a file stem cannot hold (Postman's list plus control characters); each run becomes one `-`. */
const FORBIDDEN = /[/\\:*?"<>|\u0000-\u001f]+/g

/**
 * A display name as a file or directory stem, as the Postman app makes it: each run of forbidden characters becomes
 * one `-` (`GET /users/:id` → `GET -users-id`), at most 64 characters (trailing spaces of a cut name dropped);
 * never empty, `.`, `..` or the reserved `.resources`.
 * @example sanitiseName('/records') // '-records'
 */
export function sanitiseName(name: unknown): string {
  let stem = (typeof name === 'string' ? name : '').replace(FORBIDDEN, '-')
  const characters = Array.from(stem)
  if (characters.length > MAX_STEM_LENGTH) stem = characters.slice(0, MAX_STEM_LENGTH).join('').trimEnd()
  if (stem.trim() === '') return 'Untitled'
  if (stem === '.' || stem === '..' || stem.toLowerCase() === '.resources') return stem.replace(/^\./, '-')
  return stem
}

/**
 * Sibling stems made unique, compared case-insensitively: a later duplicate gets `-1`, `-2`… (as the Postman app
 * does).
 * @example uniqueStems(['Users', 'users', 'Users']) // ['Users', 'users-1', 'Users-2']
 */
export function uniqueStems(stems: readonly string[]): string[] {
  const taken = new Set<string>()
  return stems.map((stem) => {
    let candidate = stem
    for (let suffix = 1; taken.has(candidate.toLowerCase()); suffix++) candidate = `${stem}-${suffix}`
    taken.add(candidate.toLowerCase())
    return candidate
  })
}

/**
 * The file name of an environment (`<name>.environment.yaml`) or of the workspace globals, which the Postman app
 * always names `workspace.globals.yaml` whatever their `name`.
 * @example environmentFileName('Dev — EU', 'environment') // 'Dev — EU.environment.yaml'
 */
export function environmentFileName(name: string, kind: EnvironmentKind): string {
  return kind === 'globals' ? 'workspace.globals.yaml' : `${sanitiseName(name)}.environment.yaml`
}

/**
 * The stem a file had when it is not the one its name gives (`sanitiseName(name)`, maybe with a `-N` suffix): a
 * hand-named file such as `get-user.request.yaml` for "Get user", kept so that saving does not rename it.
 */
export function keptStem(name: unknown, stem: string): string | undefined {
  if (typeof name !== 'string') return undefined
  const base = sanitiseName(name)
  if (stem === base) return undefined
  if (stem.startsWith(`${base}-`) && /^\d+$/.test(stem.slice(base.length + 1))) return undefined
  return stem
}
