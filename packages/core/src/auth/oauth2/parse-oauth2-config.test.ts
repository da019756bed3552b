import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { authParams, type Auth } from '../../collection/index.js'
import { isAppError } from '../../errors/index.js'
import { oauth2TokenName, parseOAuth2Config, postmanCallbackUrl } from './parse-oauth2-config.js'

// The shared corpus sits beside the clone (../shared/corpus); it is read, never copied into the repo.
const corpus = path.resolve(import.meta.dirname, '../../../../../../shared/corpus')

/** Every OAuth 2.0 block of a collection file, as the key → value map resolveAuth hands over. */
function oauth2Blocks(file: string): Record<string, unknown>[] {
  const blocks: Record<string, unknown>[] = []
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk)
    else if (typeof value === 'object' && value !== null) {
      const record = value as Record<string, unknown>
      if (record.type === 'oauth2' && 'oauth2' in record) blocks.push(authParams(record as Auth))
      Object.values(record).forEach(walk)
    }
  }
  walk(JSON.parse(readFileSync(path.join(corpus, file), 'utf8').replace(/^\uFEFF/, '')))
  return blocks
}

function configError(params: Record<string, unknown>): unknown {
  try {
    parseOAuth2Config(params)
  } catch (error) {
    return error
  }
  throw new Error('expected OAUTH2_CONFIG_INVALID')
}

describe('parseOAuth2Config', () => {
  it('reads every grant of the Insomnia importer fixture (v2.1 arrays, audience and resource maps)', () => {
    const blocks = oauth2Blocks('public/importer-fixtures/insomnia/postman/oauth2_0-auth-v2_1-input.json')
    const configs = blocks.map((block) => parseOAuth2Config(block))
    expect(configs.map((config) => config.grantType)).toEqual([
      'authorization_code',
      'authorization_code_with_pkce',
      'implicit',
      'password_credentials',
      'client_credentials',
    ])
    expect(configs[0]).toMatchObject({
      tokenName: 'test',
      authUrl: 'test',
      accessTokenUrl: 'test',
      clientId: 'test',
      clientSecret: 'test',
      scope: 'test',
      state: 'test',
      redirectUri: 'test',
      clientAuthentication: 'header',
      addTokenTo: 'header',
      headerPrefix: 'test',
      audience: ['test'],
      resource: ['test'],
    })
    expect(configs[1]?.pkce).toEqual({ method: 'S256', codeVerifier: 'test' })
    expect(configs[3]).toMatchObject({ username: 'test', password: 'test' })
  })

  it('reads the Bruno round-trip blocks: extra params by send_as, body client authentication, plain PKCE', () => {
    const blocks = oauth2Blocks('public/importer-fixtures/bruno/round-trip/Oauth2.postman_collection.json')
    const configs = blocks.map((block) => parseOAuth2Config(block))
    expect(configs[0]).toMatchObject({
      grantType: 'client_credentials',
      tokenName: 'cc-tname',
      refreshTokenUrl: 'https://api.example.com/refresh',
      scope: 'scope:scope1,scope:scope2',
      clientSecret: '{{client_secret}}',
      useBrowser: false,
      refreshRequestParams: [
        { key: 'refreshKey', value: 'refreshValue', sendAs: 'request_body' },
        { key: 'refreshKey1', value: 'refreshValue1', sendAs: 'request_url' },
        { key: 'refreshKey2', value: 'refreshValue2', sendAs: 'request_header' },
      ],
    })
    expect(configs[1]).toMatchObject({
      grantType: 'implicit',
      clientAuthentication: 'body',
      headerPrefix: 'CustomBearer',
    })
    const pkce = configs.find((config) => config.grantType === 'authorization_code_with_pkce')
    expect(pkce?.pkce).toEqual({
      method: 'plain',
      codeVerifier: 'asfajhfkasjfjkasfkjsabjkabgjksabgjkasgjlabglajsglba',
    })
    expect(pkce?.addTokenTo).toBe('queryParams')
  })

  it('names the missing field of the GoTo collections (no client ID in the block)', () => {
    const [block] = oauth2Blocks(
      'goto/api-evangelist-gotowebinar/gotowebinar-webinars-api.postman_collection.json',
    )
    const error = configError(block ?? {})
    expect(isAppError(error, 'OAUTH2_CONFIG_INVALID') && error.details).toEqual({
      field: 'clientId',
      reason: 'is missing or empty',
    })
    const config = parseOAuth2Config({ ...block, clientId: 'goto-client', clientSecret: 's3cret' })
    expect(config).toMatchObject({
      grantType: 'authorization_code',
      authUrl: 'https://authentication.logmeininc.com/oauth/authorize',
      accessTokenUrl: 'https://authentication.logmeininc.com/oauth/token',
      scope: 'collab identity:scim.me',
      clientAuthentication: 'header',
      tokenName: 'authorization_code token (goto-client)',
    })
    expect(JSON.stringify(error)).not.toContain('s3cret')
  })

  it('keeps a token-only v2.0 block token-only, and wants its accessToken', () => {
    const [query] = oauth2Blocks('public/importer-fixtures/insomnia/postman/oauth2_0-auth-v2_0-input.json')
    expect(parseOAuth2Config(query ?? {})).toMatchObject({
      accessToken: 'oauth2.0-access-token-url',
      addTokenTo: 'queryParams',
      headerPrefix: 'Bearer',
    })
    expect(parseOAuth2Config(query ?? {}).grantType).toBeUndefined()
    expect(isAppError(configError({ addTokenTo: 'header' }), 'OAUTH2_CONFIG_INVALID')).toBe(true)
  })

  it('names the field a grant needs', () => {
    const base = { clientId: 'c', accessTokenUrl: 'https://as.test/token', authUrl: 'https://as.test/auth' }
    const field = (params: Record<string, unknown>) => {
      const error = configError(params)
      return isAppError(error, 'OAUTH2_CONFIG_INVALID') ? error.details.field : undefined
    }
    expect(field({ ...base, grant_type: 'authorization_code' })).toBe('redirect_uri')
    expect(field({ ...base, grant_type: 'password_credentials' })).toBe('username')
    expect(field({ ...base, grant_type: 'client_credentials', accessTokenUrl: '' })).toBe('accessTokenUrl')
    expect(field({ ...base, grant_type: 'device_code' })).toBe('grant_type')
    expect(field({ ...base, grant_type: 'client_credentials', client_authentication: 'jwt' })).toBe(
      'client_authentication',
    )
  })

  it("uses Postman's callback URL with Authorize using browser, and reads the v2.0 callback name", () => {
    const base = {
      grant_type: 'authorization_code',
      clientId: 'c',
      accessTokenUrl: 'https://t',
      authUrl: 'https://a',
    }
    expect(parseOAuth2Config({ ...base, useBrowser: true }).redirectUri).toBe(postmanCallbackUrl)
    expect(parseOAuth2Config({ ...base, callback: 'http://127.0.0.1:5000/cb' }).redirectUri).toBe(
      'http://127.0.0.1:5000/cb',
    )
  })
})

describe('oauth2TokenName', () => {
  it('prefers the tokenName and defaults to the grant and client ID', () => {
    expect(oauth2TokenName({ tokenName: ' GoToMeeting ', grant_type: 'authorization_code' })).toBe(
      'GoToMeeting',
    )
    expect(oauth2TokenName({ grant_type: 'client_credentials', clientId: 'ci' })).toBe(
      'client_credentials token (ci)',
    )
    expect(oauth2TokenName({ grant_type: 'implicit' })).toBe('implicit token')
  })
})
