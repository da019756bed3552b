import { applyPatch, createPatch } from './extension-patch.js'
import { EXTENSION_KEY } from './file-names.js'
import type { PlainObject } from './json-value.js'
import { cloneValue, isPlainObject, own } from './json-value.js'
import { descriptionString } from './key-values.js'
import type { EnvironmentDocument, EnvironmentKind, FileProblem } from './types.js'
import { parseYaml, renderYaml } from './yaml-text.js'

/** Top-level keys the Postman app writes on environments besides `name` and `values` (cloud metadata). */
const V3_METADATA = new Set([
  'color',
  'owner',
  'team',
  'lastUpdatedBy',
  'lastRevision',
  'createdAt',
  'updatedAt',
])

/** A secret value left out of an environment file, to keep in the local secret store. */
export interface EnvironmentSecret {
  key: string
  value: string
}

/**
 * An environment or globals document as its v3 YAML file. Values of `type: secret` entries are left out
 * (`secret: true` without `value`, as the Postman app writes) and returned apart; what v3 cannot say (`id`,
 * export stamps, value `type`s other than `secret`) goes under `x-courier`.
 * @example const { text, secrets } = environmentToYaml(environment, 'environment')
 */
export function environmentToYaml(
  env: EnvironmentDocument,
  kind: EnvironmentKind,
): { text: string; secrets: EnvironmentSecret[] } {
  const source = env as unknown as PlainObject
  const secrets: EnvironmentSecret[] = []
  const target = cloneValue(source)
  const values = Array.isArray(source['values']) ? source['values'] : undefined
  const v3: PlainObject = { name: typeof source['name'] === 'string' ? source['name'] : '' }
  if (values !== undefined) {
    v3['values'] = values.filter(isPlainObject).map((entry) => valueToV3(entry))
    target['values'] = values.map((entry: unknown) => {
      if (!isPlainObject(entry) || entry['type'] !== 'secret' || typeof entry['value'] !== 'string')
        return entry
      secrets.push({ key: String(entry['key']), value: entry['value'] })
      const { value: _value, ...rest } = entry
      return rest
    })
  }
  for (const key of Object.keys(source)) if (V3_METADATA.has(key)) v3[key] = source[key]
  const patch = createPatch(environmentFromV3(v3, kind), target)
  if (patch !== undefined) v3[EXTENSION_KEY] = patch
  return { text: renderYaml(v3), secrets }
}

/**
 * Reads an environment or globals YAML file into the model (secret values are absent: put them back with
 * {@link withEnvironmentSecrets}). A file that cannot be read gives no environment and a problem.
 * @example const { environment, problems } = yamlToEnvironment(text, 'Dev.environment.yaml', 'environment')
 */
export function yamlToEnvironment(
  text: string,
  path: string,
  kind: EnvironmentKind,
): { environment: EnvironmentDocument | undefined; problems: FileProblem[] } {
  const parsed = parseYaml(text, path)
  if (!parsed.ok) return { environment: undefined, problems: [parsed.problem] }
  const v3 = parsed.value
  for (const [field, ok] of [
    ['name', v3['name'] === undefined || typeof v3['name'] === 'string'],
    ['values', v3['values'] === undefined || Array.isArray(v3['values'])],
  ] as const) {
    if (!ok) {
      const message = `${path}: ${field} must be ${field === 'name' ? 'a string' : 'a list'}`
      return { environment: undefined, problems: [{ path, code: 'FIELD_INVALID', message }] }
    }
  }
  const canonical = environmentFromV3(v3, kind)
  const environment = Object.hasOwn(v3, EXTENSION_KEY) ? applyPatch(canonical, v3[EXTENSION_KEY]) : canonical
  return { environment: environment as EnvironmentDocument, problems: [] }
}

/**
 * The environment with secret values put back, in order, into the `type: secret` entries of the same key that have
 * no value.
 * @example withEnvironmentSecrets(environment, await secretStore.list('Dev'))
 */
export function withEnvironmentSecrets(
  environment: EnvironmentDocument,
  secrets: readonly EnvironmentSecret[],
): EnvironmentDocument {
  const pending = new Map<string, string[]>()
  for (const { key, value } of secrets) pending.set(key, [...(pending.get(key) ?? []), value])
  const values = environment.values.map((entry) => {
    if (entry.type !== 'secret' || Object.hasOwn(entry, 'value')) return entry
    const value = pending.get(String(entry.key))?.shift()
    return value === undefined ? entry : { key: entry.key, value, ...entry }
  })
  return { ...environment, values }
}

function valueToV3(entry: PlainObject): PlainObject {
  const secret = entry['type'] === 'secret'
  const out: PlainObject = {}
  if (Object.hasOwn(entry, 'key')) out['key'] = entry['key']
  if (!secret && Object.hasOwn(entry, 'value')) out['value'] = entry['value']
  if (Object.hasOwn(entry, 'enabled')) out['enabled'] = entry['enabled']
  if (!secret && Object.hasOwn(entry, 'type')) out['type'] = entry['type']
  const description = descriptionString(own(entry, 'description'))
  if (description !== undefined) out['description'] = description
  if (secret) out['secret'] = true
  return out
}

function environmentFromV3(v3: PlainObject, kind: EnvironmentKind): PlainObject {
  const env: PlainObject = { name: v3['name'] }
  const values = Array.isArray(v3['values']) ? v3['values'] : []
  env['values'] = values.filter(isPlainObject).map((entry) => {
    const out: PlainObject = {}
    if (Object.hasOwn(entry, 'key')) out['key'] = entry['key']
    if (Object.hasOwn(entry, 'value')) out['value'] = entry['value']
    if (entry['secret'] === true) out['type'] = 'secret'
    else if (Object.hasOwn(entry, 'type')) out['type'] = entry['type']
    if (Object.hasOwn(entry, 'enabled')) out['enabled'] = entry['enabled']
    if (Object.hasOwn(entry, 'description')) out['description'] = entry['description']
    return out
  })
  env['_postman_variable_scope'] = kind
  for (const key of Object.keys(v3)) {
    if (key !== 'name' && key !== 'values' && key !== EXTENSION_KEY) env[key] = v3[key]
  }
  return env
}
