/** Splits `Scheme a="x", b=y` into its scheme and parameters (RFC 9110 section 11.4 auth-param syntax). */
export function parseAuthParams(header: string | undefined): { scheme: string; params: Map<string, string> } {
  const params = new Map<string, string>()
  const match = /^\s*(\S+)\s*(.*)$/s.exec(header ?? '')
  if (!match) return { scheme: '', params }
  const pattern = /([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g
  for (const param of (match[2] ?? '').matchAll(pattern)) {
    const quoted = param[2]
    params.set(param[1] ?? '', quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : (param[3] ?? ''))
  }
  return { scheme: match[1] ?? '', params }
}
