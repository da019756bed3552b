import type { PlainObject } from './json-value.js'
import { isPlainObject } from './json-value.js'

const SAME_NAMES = ['protocolVersion', 'strictSSL', 'followRedirects', 'maxRedirects'] as const

/** The `protocolProfileBehavior` keys that v3 `settings` can say; `undefined` when none is set. */
export function settingsToV3(behavior: unknown): PlainObject | undefined {
  if (!isPlainObject(behavior)) return undefined
  const out: PlainObject = {}
  for (const name of SAME_NAMES) if (Object.hasOwn(behavior, name)) out[name] = behavior[name]
  const disabled = behavior['disabledSystemHeaders']
  if (isPlainObject(disabled)) {
    const names = Object.keys(disabled).filter((name) => disabled[name] === true)
    if (names.length > 0) out['disabledSystemHeaders'] = names
  }
  return Object.keys(out).length > 0 ? out : undefined
}

/** v3 `settings` as `protocolProfileBehavior`; `undefined` when empty. */
export function settingsFromV3(settings: unknown): PlainObject | undefined {
  if (!isPlainObject(settings)) return undefined
  const out: PlainObject = {}
  for (const name of SAME_NAMES) if (Object.hasOwn(settings, name)) out[name] = settings[name]
  const disabled = settings['disabledSystemHeaders']
  if (Array.isArray(disabled) && disabled.length > 0) {
    out['disabledSystemHeaders'] = Object.fromEntries(
      disabled.filter((name) => typeof name === 'string').map((name) => [name, true]),
    )
  }
  return Object.keys(out).length > 0 ? out : undefined
}
