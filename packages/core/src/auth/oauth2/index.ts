export type { AuthorizationCodeReceiver, AuthorizationRequest, OAuth2Token, TokenStore } from './types.js'
