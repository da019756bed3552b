import { AppError } from '../../errors/index.js'

/** Postman's grant type names (`grant_type` of the auth block). */
export type OAuth2GrantType =
  | 'authorization_code'
  | 'authorization_code_with_pkce'
  | 'client_credentials'
  | 'password_credentials'
  | 'implicit'

/** Where Postman sends an extra param of the auth, token or refresh request (`send_as`). */
export type OAuth2ParamPlacement = 'request_body' | 'request_url' | 'request_header'

/** One enabled row of `authRequestParams`, `tokenRequestParams` or `refreshRequestParams`. */
export interface OAuth2ExtraParam {
  key: string
  value: string
  sendAs: OAuth2ParamPlacement
}

/** An OAuth 2.0 auth block, typed. Absent `grantType` means token-only (the block carries `accessToken`). */
export interface OAuth2Config {
  grantType?: OAuth2GrantType
  /** Under this name the token is stored (`tokenName`, or {@link oauth2TokenName}'s default). */
  tokenName: string
  authUrl?: string
  accessTokenUrl?: string
  refreshTokenUrl?: string
  clientId?: string
  clientSecret?: string
  scope?: string
  state?: string
  redirectUri?: string
  /** Postman's default is `header`: HTTP Basic (RFC 6749 §2.3.1), what GoTo requires. */
  clientAuthentication: 'header' | 'body'
  addTokenTo: 'header' | 'queryParams'
  /** `Bearer` when absent or empty (as the token-only handler reads it). */
  headerPrefix: string
  useBrowser: boolean
  /** PKCE (RFC 7636) for `authorization_code_with_pkce`; the verifier is random unless `code_verifier` is set. */
  pkce?: { method: 'S256' | 'plain'; codeVerifier?: string }
  username?: string
  password?: string
  audience: string[]
  resource: string[]
  authRequestParams: OAuth2ExtraParam[]
  tokenRequestParams: OAuth2ExtraParam[]
  refreshRequestParams: OAuth2ExtraParam[]
  /** A refresh token given in the block (a secret variable in CI), used when none is stored. */
  refreshToken?: string
  /** The token Postman saved in the block (token-only, or Newman-style use of an exported collection). */
  accessToken?: string
}

/** The redirect URI Postman uses with "Authorize using browser", the one GoTo tells users to register. */
export const postmanCallbackUrl = 'https://oauth.pstmn.io/v1/callback'

const grantTypes: readonly OAuth2GrantType[] = [
  'authorization_code',
  'authorization_code_with_pkce',
  'client_credentials',
  'password_credentials',
  'implicit',
]

/**
 * Reads a resolved OAuth 2.0 auth block (v2.0 object or v2.1 array, as a key → value map). Throws
 * OAUTH2_CONFIG_INVALID naming the first missing or invalid field, never a value.
 * @example parseOAuth2Config({ grant_type: 'client_credentials', accessTokenUrl: 'https://as/token', clientId: 'c' })
 */
export function parseOAuth2Config(params: Record<string, unknown>): OAuth2Config {
  const text = (name: string): string | undefined => readText(params, name)
  const invalid = (field: string, reason: string): AppError<'OAUTH2_CONFIG_INVALID'> =>
    new AppError('OAUTH2_CONFIG_INVALID', `OAuth 2.0 auth: ${field} ${reason}`, { field, reason })
  const required = (name: string): string => {
    const value = text(name)
    if (value === undefined) throw invalid(name, 'is missing or empty')
    return value
  }
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const value = text(name) ?? fallback
    if (!(allowed as readonly string[]).includes(value)) {
      throw invalid(name, `must be one of ${allowed.join(', ')}`)
    }
    return value as T
  }

  const grantType = text('grant_type')
  if (grantType !== undefined && !(grantTypes as readonly string[]).includes(grantType)) {
    throw invalid('grant_type', `must be one of ${grantTypes.join(', ')}`)
  }
  const config: OAuth2Config = {
    tokenName: oauth2TokenName(params),
    clientAuthentication: oneOf('client_authentication', ['header', 'body'], 'header'),
    addTokenTo: oneOf('addTokenTo', ['header', 'queryParams'], 'header'),
    headerPrefix: (text('headerPrefix') ?? 'Bearer').trim(),
    useBrowser: readFlag(params, 'useBrowser'),
    audience: readList(params.audience),
    resource: readList(params.resource),
    authRequestParams: readExtraParams(params.authRequestParams),
    tokenRequestParams: readExtraParams(params.tokenRequestParams),
    refreshRequestParams: readExtraParams(params.refreshRequestParams),
  }
  const optional: [keyof OAuth2Config, string][] = [
    ['authUrl', 'authUrl'],
    ['accessTokenUrl', 'accessTokenUrl'],
    ['refreshTokenUrl', 'refreshTokenUrl'],
    ['clientId', 'clientId'],
    ['clientSecret', 'clientSecret'],
    ['scope', 'scope'],
    ['state', 'state'],
    ['redirectUri', 'redirect_uri'],
    ['username', 'username'],
    ['password', 'password'],
    ['refreshToken', 'refreshToken'],
    ['accessToken', 'accessToken'],
  ]
  for (const [field, name] of optional) {
    const value = text(name) ?? (field === 'redirectUri' ? text('callback') : undefined)
    if (value !== undefined) Object.assign(config, { [field]: value })
  }
  if (grantType === undefined) {
    required('accessToken')
    return config
  }
  config.grantType = grantType as OAuth2GrantType
  required('clientId')
  if (grantType !== 'implicit') required('accessTokenUrl')
  if (
    grantType === 'authorization_code' ||
    grantType === 'authorization_code_with_pkce' ||
    grantType === 'implicit'
  ) {
    required('authUrl')
    // Postman's "Authorize using browser" redirects to its own callback page; without it the field is required.
    if (config.redirectUri === undefined) {
      if (!config.useBrowser) required('redirect_uri')
      config.redirectUri = postmanCallbackUrl
    }
  }
  if (grantType === 'password_credentials') {
    required('username')
    required('password')
  }
  if (grantType === 'authorization_code_with_pkce') {
    const method = oneOf('challengeAlgorithm', ['S256', 'plain'], 'S256')
    const codeVerifier = text('code_verifier')
    // Sent as configured, like Postman: the server judges it against RFC 7636 §4.1.
    config.pkce = codeVerifier === undefined ? { method } : { method, codeVerifier }
  }
  return config
}

/**
 * The name a block's token is stored under: `tokenName`, or `<grant_type> token (<clientId>)` when the block has
 * none (Postman asks for one; the default keeps two clients of one collection apart).
 * @example oauth2TokenName({ grant_type: 'client_credentials', clientId: 'ci' }) // 'client_credentials token (ci)'
 */
export function oauth2TokenName(params: Record<string, unknown>): string {
  const name = readText(params, 'tokenName')?.trim()
  if (name !== undefined && name !== '') return name
  const grantType = readText(params, 'grant_type') ?? 'oauth2'
  const clientId = readText(params, 'clientId')
  return clientId === undefined ? `${grantType} token` : `${grantType} token (${clientId})`
}

function readText(params: Record<string, unknown>, name: string): string | undefined {
  if (!Object.hasOwn(params, name)) return undefined
  const value = params[name]
  const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined
  return text === undefined || text === '' ? undefined : text
}

function readFlag(params: Record<string, unknown>, name: string): boolean {
  const value = Object.hasOwn(params, name) ? params[name] : undefined
  return value === true || value === 'true' || value === 1 || value === '1'
}

/** `audience` / `resource`: a string, or Postman's `{ <row id>: value }` map, or an array. */
function readList(value: unknown): string[] {
  const values =
    typeof value === 'string'
      ? [value]
      : Array.isArray(value)
        ? (value as unknown[])
        : typeof value === 'object' && value !== null
          ? Object.values(value)
          : []
  return values.filter((item): item is string => typeof item === 'string' && item !== '')
}

/** `[{ key, value, enabled, send_as }]`; disabled rows and rows without a key are dropped. */
function readExtraParams(value: unknown): OAuth2ExtraParam[] {
  if (!Array.isArray(value)) return []
  const params: OAuth2ExtraParam[] = []
  for (const row of value as unknown[]) {
    if (typeof row !== 'object' || row === null) continue
    const { key, value: rowValue, enabled, send_as: sendAs } = row as Record<string, unknown>
    if (typeof key !== 'string' || key === '' || enabled === false) continue
    params.push({
      key,
      value: typeof rowValue === 'string' ? rowValue : rowValue == null ? '' : JSON.stringify(rowValue),
      sendAs: sendAs === 'request_url' || sendAs === 'request_header' ? sendAs : 'request_body',
    })
  }
  return params
}
