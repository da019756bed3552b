import type { PlainObject } from './json-value.js'
import { cloneValue, define, isDeepEqual, isPlainObject, own } from './json-value.js'

// The `x-courier` value of a workspace file is a patch: what turns the v2.1 object that the file's v3 fields give
// into the v2.1 object Courier holds. Shape (docs/adr/0011-workspace-format-extension-key.md):
// * map over a map: merge key by key; `$unset: [names]` removes keys; a key that starts with `$` is written `$$…`.
// * map over a list: element patches by index (`"0"`, `"1"`…), `"*"` for a patch every element takes first.
// * `{$text: true}`: the value is the text form of what the v3 fields give (a URL object's `raw`, script lines
//   joined with "\n"), so that editing the v3 field still takes effect.
// * `{$value: x}`: x replaces the value as written (a map that replaces a list).
// * anything else (scalar, list, map over a scalar or a missing key) replaces the value as written.

const UNSET = '$unset'
const TEXT = '$text'
const VALUE = '$value'
const EVERY = '*'

/**
 * The patch that turns `base` into `target`, or `undefined` when they are already deep-equal.
 * @example createPatch({ a: 1, b: 2 }, { a: 1, c: 3 }) // { c: 3, $unset: ['b'] }
 */
export function createPatch(base: unknown, target: unknown): unknown {
  if (isDeepEqual(base, target)) return undefined
  if (isPlainObject(base) && isPlainObject(target)) return patchObject(base, target)
  if (Array.isArray(base) && Array.isArray(target) && base.length === target.length) {
    return patchArray(base, target)
  }
  if (typeof target === 'string' && textForm(base) === target) return { [TEXT]: true }
  return literal(target, Array.isArray(base))
}

/**
 * Applies a patch made by {@link createPatch} (or written by hand) to a copy of `base`.
 * @example applyPatch({ a: 1, b: 2 }, { c: 3, $unset: ['b'] }) // { a: 1, c: 3 }
 */
export function applyPatch(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return cloneValue(patch)
  if (Object.prototype.hasOwnProperty.call(patch, VALUE)) return cloneValue(patch[VALUE])
  if (patch[TEXT] === true) {
    const text = textForm(base)
    return text ?? cloneValue(base)
  }
  if (isPlainObject(base)) {
    const result = cloneValue(base)
    const unset = own(patch, UNSET)
    if (Array.isArray(unset)) for (const name of unset) if (typeof name === 'string') delete result[name]
    for (const key of Object.keys(patch)) {
      if (key === UNSET) continue
      const name = key.startsWith('$$') ? key.slice(1) : key
      define(result, name, applyPatch(own(base, name), patch[key]))
    }
    return result
  }
  if (Array.isArray(base)) {
    let result: unknown[] = base.map((inner: unknown) => cloneValue(inner))
    const every = own(patch, EVERY)
    if (every !== undefined) result = result.map((inner) => applyPatch(inner, every))
    for (const key of Object.keys(patch)) {
      if (key === EVERY || !/^\d+$/.test(key)) continue
      const index = Number(key)
      if (index < result.length) result[index] = applyPatch(result[index], patch[key])
    }
    return result
  }
  return cloneValue(patch)
}

function patchObject(base: PlainObject, target: PlainObject): PlainObject {
  const patch: PlainObject = {}
  for (const key of Object.keys(target)) {
    const inner = Object.prototype.hasOwnProperty.call(base, key)
      ? createPatch(base[key], target[key])
      : literal(target[key], false)
    if (inner !== undefined) define(patch, key.startsWith('$') ? `$${key}` : key, inner)
  }
  const unset = Object.keys(base).filter((key) => !Object.prototype.hasOwnProperty.call(target, key))
  if (unset.length > 0) patch[UNSET] = unset
  return patch
}

function patchArray(base: unknown[], target: unknown[]): PlainObject {
  const inner = base.map((value, index) => createPatch(value, target[index]))
  const first = inner[0]
  if (
    inner.length > 1 &&
    first !== undefined &&
    inner.every((value) => value !== undefined && isDeepEqual(value, first))
  ) {
    return { [EVERY]: first }
  }
  const patch: PlainObject = {}
  inner.forEach((value, index) => {
    if (value !== undefined) patch[String(index)] = value
  })
  return patch
}

/** A value to write as is; a map is wrapped in `$value` where it would read as a patch. */
function literal(value: unknown, overList: boolean): unknown {
  if (!isPlainObject(value)) return cloneValue(value)
  const ambiguous = overList || Object.hasOwn(value, VALUE) || value[TEXT] === true
  return ambiguous ? { [VALUE]: cloneValue(value) } : cloneValue(value)
}

/** The text form of a value: a URL object's `raw`, or lines joined with "\n". */
function textForm(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    return value.every((line) => typeof line === 'string') ? value.join('\n') : undefined
  }
  if (isPlainObject(value) && typeof value['raw'] === 'string') return value['raw']
  return undefined
}
