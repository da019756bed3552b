import { EXTENSION_KEY, sanitiseName } from './file-names.js'
import type { PlainObject } from './json-value.js'
import { isPlainObject, own } from './json-value.js'

/**
 * What a v3 file says that v2.1 cannot, kept in the model under the same `x-courier` key (on the collection, a
 * folder, a request item or an example) so that saving writes it back: a kept `order`, unknown top-level keys,
 * a file stem that is not the one the name gives, the auth profile list's ids and names, scripts of other protocols, and (collection only) files that are not
 * part of the tree, kept verbatim.
 */
export interface ModelExtension {
  order?: number
  stem?: string
  extra?: PlainObject
  authProfiles?: PlainObject[]
  scripts?: PlainObject[]
  files?: Record<string, string>
}

/** The model extension of a v2.1 object, ignoring whatever is not of the expected shape. */
export function modelExtension(target: unknown): ModelExtension {
  const raw = isPlainObject(target) ? own(target, EXTENSION_KEY) : undefined
  if (!isPlainObject(raw)) return {}
  const ext: ModelExtension = {}
  const { order, stem, extra, authProfiles, scripts, files } = raw
  if (typeof order === 'number' && Number.isFinite(order)) ext.order = order
  if (typeof stem === 'string' && stem !== '' && !/[/\\]/.test(stem) && stem !== '.resources') ext.stem = stem
  if (isPlainObject(extra)) ext.extra = extra
  if (Array.isArray(authProfiles) && authProfiles.every(isPlainObject)) ext.authProfiles = authProfiles
  if (Array.isArray(scripts) && scripts.every(isPlainObject)) ext.scripts = scripts
  if (isPlainObject(files) && Object.values(files).every((text) => typeof text === 'string')) {
    ext.files = files as Record<string, string>
  }
  return ext
}

/** Sets `target['x-courier']` to the extension when it holds anything. */
export function setModelExtension(target: PlainObject, ext: ModelExtension): void {
  const out: PlainObject = {}
  if (ext.order !== undefined) out['order'] = ext.order
  if (ext.stem !== undefined) out['stem'] = ext.stem
  if (ext.extra !== undefined && Object.keys(ext.extra).length > 0) out['extra'] = ext.extra
  if (ext.authProfiles !== undefined) out['authProfiles'] = ext.authProfiles
  if (ext.scripts !== undefined && ext.scripts.length > 0) out['scripts'] = ext.scripts
  if (ext.files !== undefined && Object.keys(ext.files).length > 0) out['files'] = ext.files
  if (Object.keys(out).length > 0) target[EXTENSION_KEY] = out
}

/** Unknown top-level keys of a v3 file (everything but the kind's known keys and `x-courier`). */
export function unknownKeys(v3: PlainObject, known: ReadonlySet<string>): PlainObject | undefined {
  const extra: PlainObject = {}
  for (const key of Object.keys(v3)) {
    if (!known.has(key) && key !== EXTENSION_KEY) extra[key] = v3[key]
  }
  return Object.keys(extra).length > 0 ? extra : undefined
}

/** Writes kept unknown keys after the known ones (never over a known key). */
export function writeUnknownKeys(
  v3: PlainObject,
  extra: PlainObject | undefined,
  known: ReadonlySet<string>,
): void {
  if (extra === undefined) return
  for (const key of Object.keys(extra)) {
    if (!known.has(key) && key !== EXTENSION_KEY && !Object.hasOwn(v3, key)) v3[key] = extra[key]
  }
}

/** The default `order` of the item at `index` among its siblings (the Postman app's 1000 × (index + 1)). */
export function defaultOrder(index: number): number {
  return 1000 * (index + 1)
}

/** The stem a sibling asks for before collisions are resolved: a kept one, else its sanitised name. */
export function baseStem(target: unknown): string {
  return modelExtension(target).stem ?? sanitiseName(isPlainObject(target) ? target['name'] : undefined)
}
