import { AppError } from '../../errors/index.js'

/** What a fault is mapped against: the request as the user wrote it and the proxy it went through. */
export interface FaultContext {
  method: string
  url: string
  connectTimeoutMs: number
  proxy?: string
}

const tlsChecks: Record<string, string> = {
  CERT_HAS_EXPIRED: 'certificate-expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'untrusted-issuer',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'untrusted-issuer',
  UNABLE_TO_GET_ISSUER_CERT: 'untrusted-issuer',
  ERR_TLS_CERT_ALTNAME_INVALID: 'hostname',
  CERT_NOT_YET_VALID: 'certificate-not-yet-valid',
  CERT_REVOKED: 'certificate-revoked',
}

const resetCodes = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'ECONNABORTED'])

/**
 * Maps a Node or undici error to an AppError with an HTTP_* code. The message names the method, the URL (without
 * userinfo) and what failed, never a header value.
 * @example throw toTransportError(error, { method: 'GET', url, connectTimeoutMs: 30000 })
 */
export function toTransportError(error: unknown, context: FaultContext): AppError {
  const { method } = context
  const url = redactUrl(context.url)
  const prefix = `${method} ${url}`
  const cause = { cause: error }
  const found = findCode(error)
  const code = found?.code ?? ''
  const reason = describe(found?.error ?? error)
  if (context.proxy !== undefined) {
    const proxy = redactUrl(context.proxy)
    const proxyReason = /proxy/i.test(reason) ? reason : undefined
    const unreachable = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'].includes(code)
    if (proxyReason !== undefined || unreachable) {
      const what = proxyReason ?? `${code === 'ECONNREFUSED' ? 'connection refused' : 'unknown host'}`
      return new AppError(
        'HTTP_PROXY_FAILED',
        `${prefix}: proxy ${proxy} failed: ${what}`,
        {
          method,
          url,
          proxy,
          reason: what,
        },
        cause,
      )
    }
  }
  if (code === 'UND_ERR_CONNECT_TIMEOUT') {
    const timeoutMs = context.connectTimeoutMs
    return new AppError(
      'HTTP_TIMEOUT',
      `${prefix}: no connection within ${timeoutMs} ms`,
      {
        method,
        url,
        timeoutMs,
        phase: 'connect',
      },
      cause,
    )
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    const host = hostOf(context.url)
    return new AppError('HTTP_DNS_FAILED', `${prefix}: unknown host ${host}`, { method, url, host }, cause)
  }
  if (code === 'ECONNREFUSED') {
    const address = addressOf(found?.error, context.url)
    return new AppError(
      'HTTP_CONNECTION_REFUSED',
      `${prefix}: connection refused (${address})`,
      {
        method,
        url,
        address,
      },
      cause,
    )
  }
  const check = tlsChecks[code] ?? (isTlsCode(code) ? 'handshake' : undefined)
  if (check !== undefined) {
    return new AppError(
      'HTTP_TLS_FAILED',
      `${prefix}: TLS failed (${check}): ${reason}`,
      {
        method,
        url,
        check,
        reason,
      },
      cause,
    )
  }
  if (resetCodes.has(code)) {
    return new AppError(
      'HTTP_CONNECTION_RESET',
      `${prefix}: connection reset (${reason})`,
      { method, url },
      cause,
    )
  }
  return new AppError('HTTP_REQUEST_FAILED', `${prefix}: ${reason}`, { method, url, reason }, cause)
}

/** The URL without userinfo, for messages. */
export function redactUrl(raw: string): string {
  try {
    const url = new URL(raw)
    if (url.username === '' && url.password === '') return raw
    url.username = ''
    url.password = ''
    return url.href
  } catch {
    return raw
  }
}

function findCode(error: unknown): { code: string; error: Error } | undefined {
  let current: unknown = error
  let fallback: { code: string; error: Error } | undefined
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string') {
      // undici wraps socket errors (UND_ERR_SOCKET) around the system error that says more.
      if (!code.startsWith('UND_ERR_') || code === 'UND_ERR_CONNECT_TIMEOUT') return { code, error: current }
      fallback ??= { code, error: current }
    }
    current = current.cause
  }
  return fallback
}

function isTlsCode(code: string): boolean {
  return /^(ERR_SSL_|ERR_TLS_|EPROTO$|CERT_|UNABLE_TO_|ERR_OSSL_)/.test(code)
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.split('\n')[0]!.trim() || 'unknown error'
}

function hostOf(raw: string): string {
  try {
    return new URL(raw).hostname
  } catch {
    return raw
  }
}

function addressOf(error: Error | undefined, raw: string): string {
  const { address, port } = (error ?? {}) as { address?: unknown; port?: unknown }
  if (typeof address === 'string' && typeof port === 'number') {
    return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`
  }
  try {
    const url = new URL(raw)
    return `${url.hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`
  } catch {
    return raw
  }
}
