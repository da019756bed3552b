import { AppError } from '../errors/index.js'
import type { ResolvedAuth } from '../http/types.js'
import { apiKeyAuth } from './api-key-auth.js'
import { awsV4Auth } from './aws-v4-auth.js'
import { basicAuth } from './basic-auth.js'
import { bearerAuth } from './bearer-auth.js'
import { digestAuth } from './digest-auth.js'
import { edgeGridAuth } from './edge-grid-auth.js'
import { hawkAuth } from './hawk-auth.js'
import { jwtAuth } from './jwt-auth.js'
import { noAuth } from './no-auth.js'
import { ntlmAuth } from './ntlm-auth.js'
import { oauth1Auth } from './oauth1-auth.js'
import { createOAuth2Handler } from './oauth2/index.js'
import { oauth2TokenAuth } from './oauth2-token-auth.js'
import type { AuthContext, AuthHandler, CreateAuthHandler } from './types.js'

const schemes: Record<string, (auth: ResolvedAuth, context: AuthContext) => AuthHandler> = {
  noauth: noAuth,
  basic: basicAuth,
  bearer: bearerAuth,
  apikey: apiKeyAuth,
  digest: digestAuth,
  oauth1: oauth1Auth,
  oauth2: oauth2Auth,
  hawk: hawkAuth,
  edgegrid: edgeGridAuth,
  awsv4: awsV4Auth,
  jwt: jwtAuth,
  ntlm: ntlmAuth,
}

/**
 * Builds the handler for one resolved auth block, by Postman's type name. Throws AUTH_INVALID when a required
 * param is missing (naming the param, never a value) and AUTH_UNSUPPORTED for unknown types.
 * @example const handler = createAuthHandler({ type: 'bearer', params: { token: 't' } }, context)
 */
export const createAuthHandler: CreateAuthHandler = (auth, context) => {
  const create = Object.hasOwn(schemes, auth.type) ? schemes[auth.type] : undefined
  if (create === undefined) {
    throw new AppError('AUTH_UNSUPPORTED', `auth type ${JSON.stringify(auth.type)} is not supported`, {
      type: auth.type,
    })
  }
  return create(auth, context)
}

// A block with a grant type gets the token lifecycle when the caller gave OAuth 2.0 ports; otherwise (and for
// token-only blocks) the token saved in the block is sent, as Newman does.
function oauth2Auth(auth: ResolvedAuth, context: AuthContext): AuthHandler {
  const grantType = auth.params.grant_type
  const hasGrant = typeof grantType === 'string' && grantType !== ''
  return hasGrant && context.oauth2 !== undefined ? createOAuth2Handler(auth, context) : oauth2TokenAuth(auth)
}
