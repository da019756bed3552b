/** A client certificate for the hosts it matches, like Newman's `--ssl-client-cert-list` entries. */
export interface ClientCertificate {
  /** URL patterns (`https://api.example.com/*`) or host patterns (`*.example.com`, `localhost:8443`). */
  matches: string[]
  cert?: Uint8Array
  key?: Uint8Array
  passphrase?: string
  pfx?: Uint8Array
}

/**
 * The index of the first certificate whose patterns match `url`, or -1.
 * @example matchClientCertificate(new URL('https://api.example.com/x'), [{ matches: ['*.example.com'], cert, key }])
 */
export function matchClientCertificate(url: URL, certificates: readonly ClientCertificate[]): number {
  return certificates.findIndex((certificate) =>
    certificate.matches.some((pattern) => matchesPattern(url, pattern)),
  )
}

function matchesPattern(url: URL, pattern: string): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*|\*):\/\//i.exec(pattern)
  const rest = scheme ? pattern.slice(scheme[0].length) : pattern
  if (scheme && !globToRegExp(scheme[1]!).test(url.protocol.slice(0, -1))) return false
  const slash = rest.indexOf('/')
  const hostPattern = slash === -1 ? rest : rest.slice(0, slash)
  const pathPattern = slash === -1 ? '/*' : rest.slice(slash)
  // A pattern without a port matches any port of its host (Postman's certificate settings name host and port apart).
  const host = hostPattern.includes(':') ? url.host : url.hostname
  return globToRegExp(hostPattern).test(host.toLowerCase()) && globToRegExp(pathPattern).test(url.pathname)
}

function globToRegExp(glob: string): RegExp {
  const source = glob
    .toLowerCase()
    .split('*')
    .map((piece) => piece.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*')
  return new RegExp(`^${source}$`, 'i')
}
