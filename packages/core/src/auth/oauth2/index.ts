export type { AuthorizationCodeReceiver, AuthorizationRequest, OAuth2Token, TokenStore } from './types.js'
export {
  authorizationRequest,
  processAuthorizationResponse,
  type AuthorizationRequestOptions,
  type AuthorizationResponse,
  type AuthorizationSession,
} from './authorization-request.js'
export { createMemoryTokenStore } from './create-memory-token-store.js'
export { createOAuth2Handler } from './create-oauth2-handler.js'
export { isExpired } from './is-expired.js'
export { exchangeCode, obtainToken } from './obtain-token.js'
export {
  oauth2TokenName,
  parseOAuth2Config,
  postmanCallbackUrl,
  type OAuth2Config,
  type OAuth2ExtraParam,
  type OAuth2GrantType,
  type OAuth2ParamPlacement,
} from './parse-oauth2-config.js'
export { refreshToken } from './refresh-token.js'
export {
  processTokenResponse,
  tokenRequest,
  type OAuth2GrantOptions,
  type ProcessTokenResponseOptions,
  type TokenGrant,
} from './token-request.js'
export { tokenVariables } from './token-variables.js'
export {
  applyOAuth2Preset,
  isOAuth2PresetName,
  oauth2Presets,
  type OAuth2Preset,
  type OAuth2PresetName,
} from './oauth2-presets.js'
