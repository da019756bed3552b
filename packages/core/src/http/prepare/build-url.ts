import { domainToASCII } from 'node:url'
import type { Url } from '../../collection/index.js'
import { AppError } from '../../errors/index.js'
import type { DynamicVariableProvider, VariableScopes } from '../../variables/index.js'
import { resolveTemplate } from '../../variables/index.js'
import { encodeSets, percentEncode } from './percent-encode.js'
import type { UrlParts } from './url-parts.js'
import { parseUrl, pathVariables, unparseQuery, unparseUrl, urlParts } from './url-parts.js'

/** Options for {@link buildUrl}. */
export interface BuildUrlOptions {
  scopes: VariableScopes
  dynamic?: DynamicVariableProvider
  /** The method, for error messages. */
  method: string
  /** Postman's `disableUrlEncoding`: send path, query, userinfo and hash as written. */
  disableUrlEncoding?: boolean
  /** `error` (default, `courier send`): a `{{name}}` left is an error; `keep`: send it as written (encoded), as
   * Newman does in a run, where a test may expect exactly that. */
  unresolvedVariables?: 'error' | 'keep'
}

/** Postman's `{{name}}` token (postman-collection's Substitutor): anything but braces between the pairs. */
const TOKEN = /\{\{([^{}]*?)\}\}/g

/**
 * Builds the URL a request is sent to, as Newman does: joins the model's URL with its path variables, resolves
 * variables, parses the result again, then encodes each part as postman-url-encoder's `toNodeUrl` does.
 * @throws AppError VARIABLE_UNRESOLVED when a `{{name}}` is left (unless `unresolvedVariables: 'keep'`);
 * HTTP_URL_INVALID when the result is no http(s) URL.
 * @example buildUrl('{{base}}/users', { scopes, method: 'GET' }) // 'https://api.example.com/users'
 */
export function buildUrl(url: Url | undefined, options: BuildUrlOptions): string {
  const template = unparseUrl(urlParts(url), pathVariables(url))
  const resolveOptions = options.dynamic === undefined ? {} : { dynamic: options.dynamic }
  const resolved = resolveTemplate(template, options.scopes, resolveOptions)
  const names = [...new Set([...resolved.matchAll(TOKEN)].map((match) => match[1] ?? ''))]
  if (names.length > 0 && options.unresolvedVariables !== 'keep') {
    const where = `${options.method} ${resolved}`
    const list = names.map((name) => `{{${name}}}`).join(', ')
    throw new AppError(
      'VARIABLE_UNRESOLVED',
      `${where}: unresolved variable${names.length > 1 ? 's' : ''} ${list}`,
      { names, where },
    )
  }
  const href = encodeUrl(parseUrl(resolved), { disableUrlEncoding: options.disableUrlEncoding === true })
  checkUrl(href, { method: options.method, text: resolved })
  return href
}

/**
 * Serialises URL parts as postman-url-encoder's `toNodeUrl` does: protocol lower-cased (`http` when missing), host
 * lower-cased and punycoded, and path, query, userinfo and hash percent-encoded unless `disableUrlEncoding`.
 * @example encodeUrl(parseUrl('Example.com/a b?q=x y'), { disableUrlEncoding: false }) // 'http://example.com/a%20b?q=x%20y'
 */
export function encodeUrl(parts: UrlParts, options: { disableUrlEncoding: boolean }): string {
  const raw = options.disableUrlEncoding
  const encode = (text: string, inSet: (byte: number) => boolean): string =>
    raw ? text : percentEncode(text, inSet)
  let href = `${(parts.protocol ?? 'http').toLowerCase()}://`
  if (parts.auth !== undefined) {
    href += encode(parts.auth.user, encodeSets.userinfo)
    if (parts.auth.password !== undefined) href += `:${encode(parts.auth.password, encodeSets.userinfo)}`
    href += '@'
  }
  const host = parts.host.toLowerCase()
  href += domainToASCII(host) || host
  if (parts.port !== undefined) href += `:${parts.port}`
  // `Url#getPath` always starts with `/`, even without a path.
  href += encode(`/${(parts.path ?? []).join('/')}`, encodeSets.path)
  if (parts.query.length > 0) {
    // One bare empty key (`http://x/?`) still sends the `?`, as Postman does.
    href += `?${
      raw
        ? unparseQuery(parts.query)
        : parts.query
            .map((param) => {
              const key = percentEncode(param.key, encodeSets.queryKey)
              return param.value === null
                ? key
                : `${key}=${percentEncode(param.value, encodeSets.queryValue)}`
            })
            .join('&')
    }`
  }
  if (parts.hash !== undefined) href += `#${encode(parts.hash, encodeSets.fragment)}`
  return href
}

function checkUrl(href: string, context: { method: string; text: string }): void {
  const fail = (reason: string): never => {
    throw new AppError('HTTP_URL_INVALID', `${context.method} ${context.text}: invalid URL (${reason})`, {
      url: context.text,
      reason,
    })
  }
  if (context.text.trim() === '') fail('the URL is empty')
  let parsed: URL
  try {
    parsed = new URL(href)
  } catch {
    return fail(`${href} is not a valid URL`)
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    fail(`unsupported protocol ${parsed.protocol.slice(0, -1)}`)
  if (parsed.hostname === '') fail('no host')
}
