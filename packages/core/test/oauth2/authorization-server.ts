// A real authorization server for the OAuth 2.0 suites: oidc-provider 9 on 127.0.0.1, port 0, with the test
// playing the user (login as alice, then Allow or Deny) and a tiny resource server that checks its tokens.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import Provider from 'oidc-provider'
import type { AuthorizationCodeReceiver } from '../../src/auth/oauth2/index.js'

export interface AuthorizationServer {
  issuer: string
  authUrl: string
  tokenUrl: string
  /** Registered for both clients; nothing listens there: the receiver stops at the redirect. */
  redirectUri: string
  /** GET here answers 200 with a valid access token (Bearer header or access_token query), else 401. */
  resourceUrl: string
  /** What the user does on the consent page. */
  user: { consent: 'allow' | 'deny' }
  close(): Promise<void>
}

export const basicClient = { clientId: 'basic-client', clientSecret: 'basic-secret' }
export const postClient = { clientId: 'post-client', clientSecret: 'post-secret' }

export async function startAuthorizationServer(): Promise<AuthorizationServer> {
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end()
  const server = createServer((req, res) => handle(req, res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const redirectUri = `${issuer}/callback`
  const client = (
    { clientId, clientSecret }: { clientId: string; clientSecret: string },
    method: string,
  ): Record<string, unknown> => ({
    client_id: clientId,
    client_secret: clientSecret,
    redirect_uris: [redirectUri],
    grant_types: ['authorization_code', 'refresh_token', 'client_credentials'],
    response_types: ['code'],
    token_endpoint_auth_method: method,
  })
  const provider = new Provider(issuer, {
    clients: [client(basicClient, 'client_secret_basic'), client(postClient, 'client_secret_post')],
    features: { clientCredentials: { enabled: true }, devInteractions: { enabled: false } },
    scopes: ['openid', 'offline_access', 'api:read'],
    issueRefreshToken: () => true,
    pkce: { required: () => false },
    cookies: { keys: ['courier-test-cookie-key'] },
    findAccount: (_ctx: unknown, sub: string) => ({ accountId: sub, claims: () => ({ sub }) }),
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    clientBasedCORS: () => false,
    ttl: {
      AccessToken: 3600,
      AuthorizationCode: 60,
      ClientCredentials: 600,
      Grant: 3600,
      Interaction: 600,
      RefreshToken: 86_400,
      Session: 3600,
    },
  })
  const user: AuthorizationServer['user'] = { consent: 'allow' }
  const callback = provider.callback()
  handle = (req, res) => {
    const path = new URL(req.url ?? '/', issuer).pathname
    if (path.startsWith('/interaction/')) {
      interact(provider, user, req, res).catch((error: unknown) => {
        res.statusCode = 500
        res.end(String(error))
      })
    } else if (path === '/resource') {
      resource(provider, issuer, req, res).catch(() => {
        res.statusCode = 500
        res.end()
      })
    } else {
      callback(req, res)
    }
  }
  return {
    issuer,
    authUrl: `${issuer}/auth`,
    tokenUrl: `${issuer}/token`,
    redirectUri,
    resourceUrl: `${issuer}/resource`,
    user,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}

async function interact(
  provider: Provider,
  user: AuthorizationServer['user'],
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const details = await provider.interactionDetails(req, res)
  if (details.prompt.name === 'login') {
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: 'alice' } },
      { mergeWithLastSubmission: false },
    )
    return
  }
  if (user.consent === 'deny') {
    await provider.interactionFinished(
      req,
      res,
      { error: 'access_denied', error_description: 'alice clicked Deny' },
      { mergeWithLastSubmission: false },
    )
    return
  }
  const grant = new provider.Grant({
    accountId: details.session?.accountId ?? 'alice',
    clientId: String(details.params.client_id),
  })
  const missing = details.prompt.details
  if (Array.isArray(missing.missingOIDCScope))
    grant.addOIDCScope((missing.missingOIDCScope as string[]).join(' '))
  if (Array.isArray(missing.missingOIDCClaims)) grant.addOIDCClaims(missing.missingOIDCClaims as string[])
  const resourceScopes = (missing.missingResourceScopes ?? {}) as Record<string, string[]>
  for (const [indicator, scopes] of Object.entries(resourceScopes))
    grant.addResourceScope(indicator, scopes.join(' '))
  const grantId = await grant.save()
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true })
}

async function resource(
  provider: Provider,
  issuer: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const header = req.headers.authorization ?? ''
  const token = header.startsWith('Bearer ')
    ? header.slice(7)
    : (new URL(req.url ?? '/', issuer).searchParams.get('access_token') ?? '')
  const found =
    token === ''
      ? undefined
      : ((await provider.AccessToken.find(token)) ?? (await provider.ClientCredentials.find(token)))
  const valid = found !== undefined && found.isExpired !== true
  res.statusCode = valid ? 200 : 401
  if (!valid) res.setHeader('www-authenticate', 'Bearer error="invalid_token"')
  res.setHeader('content-type', 'application/json')
  res.end(JSON.stringify({ ok: valid }))
}

/**
 * The user's browser: follows the authorization URL's redirects (with cookies) through login and consent until
 * the provider redirects to the redirect URI, and returns that URL; `tamper` may edit it first.
 */
export function browserReceiver(options: { tamper?: (url: URL) => void } = {}): AuthorizationCodeReceiver & {
  requests: { authorizationUrl: string; state: string }[]
} {
  const requests: { authorizationUrl: string; state: string }[] = []
  return {
    requests,
    async receive(request) {
      requests.push({ authorizationUrl: request.authorizationUrl, state: request.state })
      const cookies = new Map<string, string>()
      let url = request.authorizationUrl
      for (let hop = 0; hop < 10; hop++) {
        const response = await fetch(url, {
          redirect: 'manual',
          headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
        })
        for (const cookie of response.headers.getSetCookie()) {
          const [pair = ''] = cookie.split(';', 1)
          const eq = pair.indexOf('=')
          if (eq > 0) cookies.set(pair.slice(0, eq), pair.slice(eq + 1))
        }
        await response.body?.cancel()
        const location = response.headers.get('location')
        if (location === null)
          throw new Error(`the provider answered ${response.status} at ${url} without a redirect`)
        url = new URL(location, url).href
        if (url.startsWith(request.redirectUri)) {
          const callback = new URL(url)
          options.tamper?.(callback)
          return { callbackUrl: callback.href }
        }
      }
      throw new Error('too many redirects between the provider and the browser')
    },
  }
}
