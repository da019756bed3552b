/** Where proxies come from: explicit, the environment (like curl and Newman), or nowhere. */
export type ProxyOption = { url: string; noProxy?: string[] } | 'env' | 'none'

/** A proxy configuration resolved once, when the transport is created. */
export interface ProxyRules {
  http?: string
  https?: string
  noProxy: string[]
}

/**
 * Reads the proxy configuration: HTTP_PROXY / HTTPS_PROXY / NO_PROXY and their lower-case forms (lower-case wins,
 * as in curl) for `'env'`.
 * @example readProxyRules('env', process.env)
 */
export function readProxyRules(option: ProxyOption, env: Record<string, string | undefined>): ProxyRules {
  if (option === 'none') return { noProxy: [] }
  if (option !== 'env') return { http: option.url, https: option.url, noProxy: option.noProxy ?? [] }
  const pick = (name: string): string | undefined => nonEmpty(env[name.toLowerCase()]) ?? nonEmpty(env[name])
  const noProxy = pick('NO_PROXY')
  return {
    ...optional('http', pick('HTTP_PROXY')),
    ...optional('https', pick('HTTPS_PROXY')),
    noProxy: noProxy === undefined ? [] : noProxy.split(/[\s,]+/).filter((entry) => entry !== ''),
  }
}

/**
 * The proxy URL to use for `url`, or undefined to connect directly.
 * @example proxyFor(new URL('https://api.example.com/'), rules)
 */
export function proxyFor(url: URL, rules: ProxyRules): string | undefined {
  const proxy = url.protocol === 'https:' ? rules.https : rules.http
  if (proxy === undefined) return undefined
  return rules.noProxy.some((entry) => matchesNoProxy(url, entry)) ? undefined : proxy
}

/**
 * Whether a NO_PROXY entry covers `url`: `*`, a host (and its subdomains), `.domain` / `*.domain`, `host:port`, an
 * IP address or `[IPv6]`. CIDR ranges are not supported (curl ≥ 7.86 has them; Newman does not).
 * @example matchesNoProxy(new URL('http://a.example.com'), '.example.com') // true
 */
export function matchesNoProxy(url: URL, entry: string): boolean {
  let pattern = entry.trim().toLowerCase()
  if (pattern === '*') return true
  let port: string | undefined
  const withPort = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(pattern)
  if (withPort) {
    pattern = withPort[1]!
    port = withPort[2]
  }
  if (port !== undefined && port !== effectivePort(url)) return false
  pattern = pattern.replace(/^\*?\./, '').replace(/^\[(.*)\]$/, '$1')
  const host = url.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1')
  return host === pattern || host.endsWith(`.${pattern}`)
}

function effectivePort(url: URL): string {
  return url.port !== '' ? url.port : url.protocol === 'https:' ? '443' : '80'
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim()
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>)
}
