import { type JsonObject, type V1Context, isRecord, warn } from './v1-context.js'

/** v1 `currentHelper` → v2.1 `auth.type`. */
const HELPER_TYPES: Readonly<Record<string, string>> = {
  apikeyAuth: 'apikey',
  basicAuth: 'basic',
  bearerAuth: 'bearer',
  digestAuth: 'digest',
  hawkAuth: 'hawk',
  oAuth1: 'oauth1',
  oAuth2: 'oauth2',
  ntlmAuth: 'ntlm',
  awsSigV4: 'awsv4',
  jwtAuth: 'jwt',
  asapAuth: 'asap',
  edgegridAuth: 'edgegrid',
}

type Mapping = Readonly<Record<string, string>>

// v2.1 parameter name → v1 `helperAttributes` name, for helpers whose names changed (Postman's
// transformer: util.authMappersFromLegacy). Helpers not listed keep their attribute names.
const RENAMES: Readonly<Record<string, Mapping>> = {
  basicAuth: { username: 'username', password: 'password', saveHelperData: 'saveToRequest' },
  bearerAuth: { token: 'token' },
  digestAuth: {
    algorithm: 'algorithm',
    username: 'username',
    realm: 'realm',
    password: 'password',
    nonce: 'nonce',
    nonceCount: 'nonceCount',
    clientNonce: 'clientNonce',
    opaque: 'opaque',
    qop: 'qop',
    disableRetryRequest: 'disableRetryRequest',
  },
  oAuth1: {
    consumerKey: 'consumerKey',
    consumerSecret: 'consumerSecret',
    token: 'token',
    tokenSecret: 'tokenSecret',
    signatureMethod: 'signatureMethod',
    timestamp: 'timestamp',
    nonce: 'nonce',
    version: 'version',
    realm: 'realm',
    addParamsToHeader: 'header',
    autoAddParam: 'auto',
    addEmptyParamsToSign: 'includeEmpty',
  },
  hawkAuth: {
    authId: 'hawk_id',
    authKey: 'hawk_key',
    algorithm: 'algorithm',
    user: 'user',
    saveHelperData: 'saveToRequest',
    nonce: 'nonce',
    extraData: 'ext',
    appId: 'app',
    delegation: 'dlg',
    timestamp: 'timestamp',
  },
  ntlmAuth: {
    username: 'username',
    password: 'password',
    domain: 'domain',
    workstation: 'workstation',
    disableRetryRequest: 'disableRetryRequest',
  },
  oAuth2: {
    accessToken: 'accessToken',
    addTokenTo: 'addTokenTo',
    callBackUrl: 'callBackUrl',
    authUrl: 'authUrl',
    accessTokenUrl: 'accessTokenUrl',
    clientId: 'clientId',
    clientSecret: 'clientSecret',
    clientAuth: 'clientAuth',
    grantType: 'grantType',
    scope: 'scope',
    username: 'username',
    password: 'password',
    tokenType: 'tokenType',
    redirectUri: 'redirectUri',
    refreshToken: 'refreshToken',
  },
}

/** Attributes the v1 app stored next to the credentials that are not auth parameters. */
const BOOKKEEPING = new Set(['id', 'time'])

/** A v2.1 auth parameter. */
export interface AuthParam {
  key: string
  value: unknown
  type: string
}

function typeOf(value: unknown): string {
  const type = typeof value
  return type === 'string' || type === 'number' || type === 'boolean' ? type : 'any'
}

/**
 * Converts v1 auth (a v2-style `auth` object, or `currentHelper` + `helperAttributes`) to v2.1
 * `{ type, [type]: [{ key, value, type }] }`; undefined means "inherit from the parent".
 */
export function convertV1Auth(entity: JsonObject, ctx: V1Context): JsonObject | undefined {
  // Newer v1 exports carry both; the `auth` object is complete (apikey, edgegrid…) so it wins.
  if (isRecord(entity.auth) && typeof entity.auth.type === 'string') return fromAuthObject(entity.auth)
  const helper = entity.currentHelper
  if (helper === undefined || helper === null || helper === 'normal' || helper === '') return undefined
  if (typeof helper !== 'string') {
    warn(ctx, '.currentHelper', 'currentHelper is not a string; auth ignored')
    return undefined
  }
  const type = HELPER_TYPES[helper]
  if (type === undefined) {
    warn(ctx, '.currentHelper', `unknown auth helper "${helper}"; kept as auth type "${helper}"`)
  }
  const auth: JsonObject = { type: type ?? helper }
  const attributes = readAttributes(entity.helperAttributes, ctx)
  if (attributes === undefined) return auth
  const params = toParams(attributes, RENAMES[helper])
  if (params.length > 0) auth[type ?? helper] = params
  return auth
}

function readAttributes(source: unknown, ctx: V1Context): JsonObject | undefined {
  // Some legacy app versions exported helperAttributes as a JSON string.
  if (typeof source === 'string') {
    try {
      const parsed: unknown = JSON.parse(source)
      return isRecord(parsed) ? parsed : undefined
    } catch {
      warn(ctx, '.helperAttributes', 'helperAttributes is not valid JSON; auth parameters ignored')
      return undefined
    }
  }
  return isRecord(source) ? source : undefined
}

function toParams(attributes: JsonObject, renames: Mapping | undefined): AuthParam[] {
  const params: AuthParam[] = []
  if (renames) {
    for (const [key, v1Key] of Object.entries(renames)) {
      const value = attributes[v1Key]
      if (value !== undefined) params.push({ key, value, type: typeOf(value) })
    }
    return params
  }
  for (const [key, value] of Object.entries(attributes)) {
    if (!BOOKKEEPING.has(key) && value !== undefined) params.push({ key, value, type: typeOf(value) })
  }
  return params
}

function fromAuthObject(auth: JsonObject): JsonObject {
  const type = String(auth.type)
  if (type === 'noauth') return { type }
  const result: JsonObject = { type }
  const source = auth[type]
  if (Array.isArray(source)) {
    result[type] = source.filter(isRecord).map((param) => ({
      key: param.key,
      value: param.value,
      type:
        param.type === 'text' ? 'string' : typeof param.type === 'string' ? param.type : typeOf(param.value),
    }))
  } else if (isRecord(source)) {
    // v2.0-style map of parameters.
    result[type] = toParams(source, undefined)
  }
  return result
}
