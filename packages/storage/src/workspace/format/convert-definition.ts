import { authFromV3, authProfilesToV3, authToV3 } from './auth-v3.js'
import type { SiblingPosition } from './convert-request.js'
import { fileExtension } from './convert-request.js'
import { createPatch } from './extension-patch.js'
import { EXTENSION_KEY } from './file-names.js'
import type { PlainObject } from './json-value.js'
import { isPlainObject, own } from './json-value.js'
import { descriptionString, keyListFromV3, keyListToV3 } from './key-values.js'
import { modelExtension, setModelExtension, writeUnknownKeys } from './model-extension.js'
import { scriptsFromV3, scriptsToV3 } from './scripts-v3.js'

/** Top-level keys of a `definition.yaml` (`$kind: collection`). */
export const DEFINITION_KEYS: ReadonlySet<string> = new Set([
  '$kind',
  'name',
  'description',
  'variables',
  'auth',
  'scripts',
  'order',
])

/** The `info.schema` of the v2.1 format. */
export const V21_SCHEMA = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json'

/** The collection (without its items) as `.resources/definition.yaml` at the collection root. */
export function rootDefinitionFromCollection(collection: PlainObject, directoryName: string): PlainObject {
  const info = own(collection, 'info')
  const infoObject = isPlainObject(info) ? info : {}
  const v3 = definitionFields(collection, {
    name: own(infoObject, 'name'),
    stem: directoryName,
    description: own(infoObject, 'description'),
  })
  if (Array.isArray(collection['variable'])) {
    const variables = keyListToV3(collection['variable'], variableToV3)
    if (variables !== undefined) insertBefore(v3, 'auth', 'variables', variables)
  }
  writeUnknownKeys(v3, modelExtension(collection).extra, DEFINITION_KEYS)
  const patch = createPatch(collectionFromV3(v3, directoryName), rootPortion(collection))
  if (patch !== undefined) v3[EXTENSION_KEY] = patch
  return v3
}

/** The v2.1 collection (with `item: []`) a root definition gives, before its `x-courier` patch. */
export function collectionFromV3(v3: PlainObject, directoryName: string): PlainObject {
  const info: PlainObject = { name: Object.hasOwn(v3, 'name') ? v3['name'] : directoryName }
  if (Object.hasOwn(v3, 'description')) info['description'] = v3['description']
  info['schema'] = V21_SCHEMA
  const collection: PlainObject = { info, item: [] }
  const { events, others } = scriptsFromV3(own(v3, 'scripts'))
  if (events.length > 0) collection['event'] = events
  const variables = keyListFromV3(own(v3, 'variables'), variableFromV3)
  if (variables !== undefined) collection['variable'] = variables
  const auth = authFromV3(own(v3, 'auth'))
  if (auth !== undefined) collection['auth'] = auth
  setModelExtension(collection, fileExtension(v3, undefined, DEFINITION_KEYS, others))
  return collection
}

/** A folder (without its items) as `<folder>/.resources/definition.yaml`. */
export function folderDefinitionFromItem(
  folder: PlainObject,
  position: SiblingPosition & { order: number },
): PlainObject {
  const v3 = definitionFields(folder, {
    name: own(folder, 'name'),
    stem: position.stem,
    description: own(folder, 'description'),
  })
  v3['order'] = position.order
  writeUnknownKeys(v3, modelExtension(folder).extra, DEFINITION_KEYS)
  const patch = createPatch(folderFromV3(v3, position), { ...folder, item: [] })
  if (patch !== undefined) v3[EXTENSION_KEY] = patch
  return v3
}

/** The v2.1 folder (with `item: []`) a folder definition gives, before its `x-courier` patch. */
export function folderFromV3(v3: PlainObject, position: SiblingPosition): PlainObject {
  const folder: PlainObject = { name: Object.hasOwn(v3, 'name') ? v3['name'] : position.stem }
  if (Object.hasOwn(v3, 'description')) folder['description'] = v3['description']
  folder['item'] = []
  const { events, others } = scriptsFromV3(own(v3, 'scripts'))
  if (events.length > 0) folder['event'] = events
  const auth = authFromV3(own(v3, 'auth'))
  if (auth !== undefined) folder['auth'] = auth
  setModelExtension(folder, fileExtension(v3, position, DEFINITION_KEYS, others))
  return folder
}

function definitionFields(
  target: PlainObject,
  names: { name: unknown; stem: string; description: unknown },
): PlainObject {
  const ext = modelExtension(target)
  const v3: PlainObject = { $kind: 'collection' }
  if (typeof names.name === 'string' && names.name !== names.stem) v3['name'] = names.name
  const description = descriptionString(names.description)
  if (description !== undefined) v3['description'] = description
  const auth = authToV3(own(target, 'auth'))
  if (ext.authProfiles !== undefined) v3['auth'] = authProfilesToV3(auth, ext.authProfiles)
  else if (auth !== undefined) v3['auth'] = auth
  const scripts = [...scriptsToV3(own(target, 'event'), 'container'), ...(ext.scripts ?? [])]
  if (scripts.length > 0) v3['scripts'] = scripts
  return v3
}

/** The collection as its root definition holds it: `item: []`, and opaque files kept out (they are files). */
function rootPortion(collection: PlainObject): PlainObject {
  const portion: PlainObject = { ...collection, item: [] }
  const ext = own(collection, EXTENSION_KEY)
  if (isPlainObject(ext) && isPlainObject(ext['files']) && Object.keys(ext['files']).length > 0) {
    const { files: _files, ...rest } = ext
    if (Object.keys(rest).length > 0) portion[EXTENSION_KEY] = rest
    else delete portion[EXTENSION_KEY]
  }
  return portion
}

/** `{key, value, description?, disabled?, secret?}`: `type: secret` ↔ `secret: true`, `type: default` ↔ `false`. */
function variableToV3(entry: PlainObject): PlainObject {
  const out: PlainObject = {}
  if (Object.hasOwn(entry, 'key')) out['key'] = entry['key']
  if (Object.hasOwn(entry, 'value')) out['value'] = entry['value']
  const description = descriptionString(own(entry, 'description'))
  if (description !== undefined) out['description'] = description
  if (Object.hasOwn(entry, 'disabled')) out['disabled'] = entry['disabled']
  if (entry['type'] === 'secret') out['secret'] = true
  else if (entry['type'] === 'default') out['secret'] = false
  return out
}

function variableFromV3(entry: PlainObject): PlainObject {
  const out: PlainObject = {}
  for (const field of ['key', 'value']) if (Object.hasOwn(entry, field)) out[field] = entry[field]
  if (entry['secret'] === true) out['type'] = 'secret'
  else if (entry['secret'] === false) out['type'] = 'default'
  for (const field of ['description', 'disabled']) if (Object.hasOwn(entry, field)) out[field] = entry[field]
  return out
}

/** Inserts a key before another (or at the end), keeping the Postman app's key order. */
function insertBefore(target: PlainObject, before: string, key: string, value: unknown): void {
  const entries = Object.entries(target)
  const at = entries.findIndex(([name]) => name === before || name === 'scripts')
  if (at === -1) entries.push([key, value])
  else entries.splice(at, 0, [key, value])
  for (const name of Object.keys(target)) delete target[name]
  for (const [name, inner] of entries) target[name] = inner
}
