import type { RequestSettings } from '../types.js'
import { defaultRequestSettings } from '../types.js'
import type { RequestTarget } from './request-target.js'

type BooleanKey = {
  [K in keyof RequestSettings]: RequestSettings[K] extends boolean ? K : never
}[keyof RequestSettings]

/** The `protocolProfileBehavior` keys that map onto {@link RequestSettings} booleans. */
const BOOLEAN_KEYS: readonly BooleanKey[] = [
  'followRedirects',
  'followOriginalHttpMethod',
  'followAuthorizationHeader',
  'removeRefererHeaderOnRedirect',
  'strictSSL',
  'disableCookies',
  'insecureHTTPParser',
  'disableUrlEncoding',
]

/**
 * The `protocolProfileBehavior` that applies to a request: the collection's, then each folder's, then the item's,
 * the nearest one winning key by key (postman-collection `Item#getProtocolProfileBehaviorResolved`).
 * @example resolvedProtocolProfileBehavior(target).disableBodyPruning // true
 */
export function resolvedProtocolProfileBehavior(target: RequestTarget): Record<string, unknown> {
  const merged: Record<string, unknown> = {}
  for (const owner of [target.collection, ...target.folders, target.item]) {
    const behavior: unknown = (owner as Record<string, unknown>)['protocolProfileBehavior']
    if (typeof behavior === 'object' && behavior !== null && !Array.isArray(behavior))
      Object.assign(merged, behavior)
  }
  return merged
}

/**
 * How a request is sent: Postman's defaults, then the run's `overrides` (Newman's `--insecure`,
 * `--ignore-redirects`, `--timeout-request`…), then the request's resolved `protocolProfileBehavior`. As in
 * postman-runtime (`resolveWithProtocolProfileBehavior` in requester/core.js), a key the collection, a folder or
 * the request sets beats the run option: `strictSSL: true` on a request keeps verifying under `--insecure`, and
 * `followRedirects: true` keeps following under `--ignore-redirects`. Values of the wrong type are ignored.
 * @example requestSettings(target, { strictSSL: false }).strictSSL // false unless the request says otherwise
 */
export function requestSettings(
  target: RequestTarget,
  overrides: Partial<RequestSettings> = {},
): RequestSettings {
  const settings: RequestSettings = { ...defaultRequestSettings }
  for (const [key, value] of Object.entries(overrides) as [keyof RequestSettings, unknown][]) {
    if (value !== undefined) Object.assign(settings, { [key]: value })
  }
  const behavior = resolvedProtocolProfileBehavior(target)
  for (const key of BOOLEAN_KEYS) {
    const value = behavior[key]
    if (typeof value === 'boolean') settings[key] = value
  }
  const maxRedirects = behavior['maxRedirects']
  if (typeof maxRedirects === 'number' && Number.isInteger(maxRedirects) && maxRedirects >= 0)
    settings.maxRedirects = maxRedirects
  const disabled = behavior['disabledSystemHeaders']
  if (typeof disabled === 'object' && disabled !== null && !Array.isArray(disabled)) {
    settings.disabledSystemHeaders = Object.fromEntries(
      Object.entries(disabled).flatMap(([name, off]) =>
        typeof off === 'boolean' ? [[name.toLowerCase(), off]] : [],
      ),
    )
  }
  return settings
}
