/** What a provider preset fills in for an OAuth 2.0 block: its endpoints and how it wants the client to authenticate. */
export interface OAuth2Preset {
  /** The provider's name, for messages. */
  name: string
  authUrl: string
  accessTokenUrl: string
  clientAuthentication: 'header' | 'body'
  /** Fields of the provider's token response worth knowing about (they all become `{{variables}}`). */
  tokenFields: readonly string[]
}

/**
 * Provider presets, starting with GoTo (GoToMeeting, GoToWebinar, GoToConnect…): the endpoints of its developer
 * guide and Basic client authentication, which its token endpoint requires.
 * @example oauth2Presets.goto.accessTokenUrl // 'https://authentication.logmeininc.com/oauth/token'
 */
export const oauth2Presets = {
  goto: {
    name: 'GoTo',
    authUrl: 'https://authentication.logmeininc.com/oauth/authorize',
    accessTokenUrl: 'https://authentication.logmeininc.com/oauth/token',
    clientAuthentication: 'header',
    tokenFields: ['organizer_key', 'account_key', 'email', 'firstName', 'lastName', 'principal', 'version'],
  },
} as const satisfies Record<string, OAuth2Preset>

/** A preset's name. */
export type OAuth2PresetName = keyof typeof oauth2Presets

/**
 * Tells whether `name` names a preset.
 * @example isOAuth2PresetName('goto') // true
 */
export function isOAuth2PresetName(name: string): name is OAuth2PresetName {
  return Object.hasOwn(oauth2Presets, name)
}

/**
 * Fills an OAuth 2.0 block's params from a preset where the block leaves them empty (a value the block sets wins):
 * `authUrl`, `accessTokenUrl`, `client_authentication`, and `grant_type` (authorization code) when absent.
 * @example applyOAuth2Preset({ clientId: 'x' }, 'goto').accessTokenUrl // GoTo's token URL
 */
export function applyOAuth2Preset(
  params: Record<string, unknown>,
  name: OAuth2PresetName,
): Record<string, unknown> {
  const preset: OAuth2Preset = oauth2Presets[name]
  const isEmpty = (key: string) => params[key] === undefined || params[key] === ''
  const filled = { ...params }
  if (isEmpty('authUrl')) filled['authUrl'] = preset.authUrl
  if (isEmpty('accessTokenUrl')) filled['accessTokenUrl'] = preset.accessTokenUrl
  if (isEmpty('client_authentication')) filled['client_authentication'] = preset.clientAuthentication
  if (isEmpty('grant_type')) filled['grant_type'] = 'authorization_code'
  return filled
}
