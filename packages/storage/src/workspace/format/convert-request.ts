import { authFromV3, authProfiles, authProfilesToV3, authToV3 } from './auth-v3.js'
import { createPatch } from './extension-patch.js'
import { EXTENSION_KEY, keptStem } from './file-names.js'
import type { PlainObject } from './json-value.js'
import { isPlainObject, own } from './json-value.js'
import { descriptionString } from './key-values.js'
import type { ModelExtension } from './model-extension.js'
import {
  defaultOrder,
  modelExtension,
  setModelExtension,
  unknownKeys,
  writeUnknownKeys,
} from './model-extension.js'
import { requestFieldsFromV3, requestFieldsToV3 } from './request-fields.js'
import { scriptsFromV3, scriptsToV3 } from './scripts-v3.js'
import { settingsFromV3, settingsToV3 } from './settings-v3.js'

/** Top-level keys of an `http-request` file, in the order the Postman app writes them. */
export const REQUEST_KEYS: ReadonlySet<string> = new Set([
  '$kind',
  'id',
  'name',
  'description',
  'url',
  'method',
  'headers',
  'queryParams',
  'pathVariables',
  'body',
  'auth',
  'scripts',
  'settings',
  'examples',
  'order',
])

/** Where a file sits among its siblings. */
export interface SiblingPosition {
  /** File stem or directory name: the name when the file has no `name:`. */
  stem: string
  /** Position in the parent's v2.1 `item` (or `response`) array. */
  index: number
}

/**
 * A v2.1 request item as the content of its `*.request.yaml` (examples excluded: they have their own files); what
 * v3 cannot say goes under `x-courier` as a patch.
 */
export function requestFileFromItem(
  item: PlainObject,
  position: SiblingPosition & { order: number },
): PlainObject {
  const ext = modelExtension(item)
  const request = own(item, 'request')
  const object = isPlainObject(request) ? request : undefined
  const v3: PlainObject = { $kind: 'http-request' }
  if (typeof item['id'] === 'string') v3['id'] = item['id']
  if (typeof item['name'] === 'string' && item['name'] !== position.stem) v3['name'] = item['name']
  const description = descriptionString(object === undefined ? undefined : own(object, 'description'))
  if (description !== undefined) v3['description'] = description
  Object.assign(v3, requestFieldsToV3(request))
  const auth = authToV3(object === undefined ? undefined : own(object, 'auth'))
  if (ext.authProfiles !== undefined) v3['auth'] = authProfilesToV3(auth, ext.authProfiles)
  else if (auth !== undefined) v3['auth'] = auth
  const scripts = [...scriptsToV3(own(item, 'event'), 'request'), ...(ext.scripts ?? [])]
  if (scripts.length > 0) v3['scripts'] = scripts
  const settings = settingsToV3(own(item, 'protocolProfileBehavior'))
  if (settings !== undefined) v3['settings'] = settings
  const responses = own(item, 'response')
  if (Array.isArray(responses) && responses.length > 0) {
    v3['examples'] = `./.resources/${position.stem}.resources/examples`
  }
  v3['order'] = position.order
  writeUnknownKeys(v3, ext.extra, REQUEST_KEYS)
  const patch = createPatch(requestItemFromV3(v3, position), withoutExamples(item))
  if (patch !== undefined) v3[EXTENSION_KEY] = patch
  return v3
}

/** The v2.1 item a request file gives, before its `x-courier` patch (and with `response: []`). */
export function requestItemFromV3(v3: PlainObject, position: SiblingPosition): PlainObject {
  const item: PlainObject = { name: Object.hasOwn(v3, 'name') ? v3['name'] : position.stem }
  if (Object.hasOwn(v3, 'id')) item['id'] = v3['id']
  const { events, others } = scriptsFromV3(own(v3, 'scripts'))
  if (events.length > 0) item['event'] = events
  const request: PlainObject = {}
  const auth = authFromV3(own(v3, 'auth'))
  if (auth !== undefined) request['auth'] = auth
  Object.assign(request, requestFieldsFromV3(v3))
  if (Object.hasOwn(v3, 'description')) request['description'] = v3['description']
  item['request'] = request
  item['response'] = []
  const behavior = settingsFromV3(own(v3, 'settings'))
  if (behavior !== undefined) item['protocolProfileBehavior'] = behavior
  setModelExtension(item, fileExtension(v3, position, REQUEST_KEYS, others))
  return item
}

/** The model extension a v3 file gives: a non-default order, unknown keys, auth profiles, foreign scripts. */
export function fileExtension(
  v3: PlainObject,
  position: SiblingPosition | undefined,
  known: ReadonlySet<string>,
  scripts: PlainObject[],
): ModelExtension {
  const index = position?.index
  const stem = position?.stem
  const ext: ModelExtension = {}
  const order = v3['order']
  if (index !== undefined && typeof order === 'number' && order !== defaultOrder(index)) ext.order = order
  if (stem !== undefined) {
    const kept = keptStem(v3['name'], stem)
    if (kept !== undefined) ext.stem = kept
  }
  const extra = unknownKeys(v3, known)
  if (extra !== undefined) ext.extra = extra
  const profiles = authProfiles(own(v3, 'auth'))
  if (profiles !== undefined) ext.authProfiles = profiles
  if (scripts.length > 0) ext.scripts = scripts
  return ext
}

/** The item as its request file holds it: examples live in their own files (`response` becomes `[]`). */
function withoutExamples(item: PlainObject): PlainObject {
  return Array.isArray(item['response']) ? { ...item, response: [] } : item
}
