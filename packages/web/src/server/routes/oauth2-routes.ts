// OAuth 2.0 from the UI (docs/ui-api.md "OAuth 2.0"): Get New Access Token on an auth block as edited, the grant's
// answer through this server's callback (state-checked, no access token needed), a pasted redirect URL, or a
// loopback listener; the stored tokens, listed without their values unless `?reveal=1`.
import {
  AppError,
  isExpired,
  obtainToken,
  parseOAuth2Config,
  resolveAuth,
  type Auth,
  type OAuth2Token,
  type RequestTarget,
} from '@courier/core'
import { Hono } from 'hono'
import { errorBody, invalidInput } from '../api-error.js'
import type { AnswerMode, OAuth2Sessions } from '../oauth2-sessions.js'
import { isObject, optionalString, readObject, requireString } from '../read-input.js'
import { editedTarget } from '../send-target.js'
import type { UiContext } from '../ui-context.js'
import { loadScopes } from '../variable-scopes.js'

/** The path of this server's redirect URI. */
export const callbackPath = '/oauth2/callback'

/**
 * `/api/oauth2/*` (behind the access token).
 * @example app.route('/api', oauth2Routes(ctx, sessions))
 */
export function oauth2Routes(ctx: UiContext, sessions: OAuth2Sessions): Hono {
  const { options, session } = ctx
  const app = new Hono()
  const stored = async (token: OAuth2Token) => {
    await options.tokens.put(token)
    ctx.hub.publish({ type: 'token-changed', name: token.name })
    return token
  }

  app.post('/oauth2/authorize', async (c) => {
    const input = await readObject(c)
    const entry = session.store.collection(requireString(input, 'collectionId'))
    const auth = input['auth']
    if (auth !== undefined && auth !== null && !isObject(auth))
      throw invalidInput('auth', 'must be an auth block')
    const target = grantTarget(
      editedTarget(entry, { itemId: optionalString(input, 'itemId') }),
      auth as Auth | undefined,
    )
    const { scopes } = await loadScopes(target.collection, {
      store: session.store,
      secrets: options.secrets,
      environment: optionalString(input, 'environment'),
    })
    const resolved = resolveAuth(target, { scopes })
    if (resolved?.type !== 'oauth2')
      throw new AppError('OAUTH2_CONFIG_INVALID', `its auth is ${resolved?.type ?? 'none'}, not OAuth 2.0`, {
        field: 'auth',
        reason: `auth type ${resolved?.type ?? 'none'}`,
      })
    const config = parseOAuth2Config(resolved.params)
    const grant = {
      transport: ctx.transport,
      clock: options.clock,
      random: options.random,
      ...(options.consentTimeoutMs === undefined ? {} : { consentTimeoutMs: options.consentTimeoutMs }),
    }
    if (config.grantType === 'client_credentials' || config.grantType === 'password_credentials') {
      const token = await stored(await obtainToken(config, grant))
      return c.json({ token: tokenSummary(token, options.clock.now()) })
    }
    const mode = answerMode(config.redirectUri, ctx.origin(), options.createLoopbackReceiver !== undefined)
    const started = await sessions.start(mode, (receiver) =>
      obtainToken(config, { ...grant, receiver }).then(stored),
    )
    started.token.catch((error: unknown) => {
      ctx.hub.publish({ type: 'oauth2-failed', state: started.state, error: errorBody(error).error })
    })
    const { token: _token, ...shown } = started
    return c.json(shown)
  })

  // The pasted answer of the guide's manual way: the whole redirect URL from the address bar, or the bare code.
  app.post('/oauth2/complete', async (c) => {
    const input = await readObject(c)
    const state = requireString(input, 'state')
    const answer = requireString(input, 'answer').trim()
    const token = await sessions.complete(
      state,
      /^[a-z][a-z0-9+.-]*:\/\//i.test(answer) ? { callbackUrl: answer } : { code: answer },
    )
    return c.json({ token: tokenSummary(token, options.clock.now()) })
  })

  app.get('/oauth2/tokens', async (c) => {
    const reveal = c.req.query('reveal') === '1'
    const now = options.clock.now()
    const tokens = await options.tokens.list()
    return c.json(
      tokens.map((token) => ({
        ...tokenSummary(token, now),
        ...(reveal
          ? {
              accessToken: token.accessToken,
              ...(token.refreshToken === undefined ? {} : { refreshToken: token.refreshToken }),
              values: token.fields,
            }
          : {}),
      })),
    )
  })

  app.delete('/oauth2/tokens/:name', async (c) => {
    const name = c.req.param('name')
    if (!(await options.tokens.delete(name)))
      throw new AppError('OAUTH2_TOKEN_MISSING', `no stored token named "${name}"`, {
        name,
        grantType: 'any',
      })
    ctx.hub.publish({ type: 'token-changed', name })
    return c.json({ ok: true })
  })

  return app
}

/**
 * `GET /oauth2/callback`: the provider sends the browser here with `code` and `state`; the state names the grant
 * (no access token is needed: an unknown state is refused). Answers once the token is stored, or with why not.
 * @example app.route('/', oauth2CallbackRoute(sessions))
 */
export function oauth2CallbackRoute(ctx: UiContext, sessions: OAuth2Sessions): Hono {
  const app = new Hono()
  app.get(callbackPath, async (c) => {
    const url = new URL(c.req.url)
    const state = url.searchParams.get('state') ?? ''
    try {
      const token = await sessions.complete(state, {
        callbackUrl: `${ctx.origin()}${callbackPath}${url.search}`,
      })
      return c.html(page('Token saved', `“${escapeHtml(token.name)}” is stored. You can close this tab.`))
    } catch (error) {
      const { message } = errorBody(error).error
      return c.html(page('No token', escapeHtml(message)), 400)
    }
  })
  return app
}

/**
 * Where the answer of a grant comes back: this server's own callback when the redirect URI is it; a loopback
 * listener on any other loopback redirect URI (RFC 8252 §7.3); otherwise the provider lands on a page Courier
 * cannot see (Postman's callback, as the GoTo guide registers) and the user pastes the address.
 * @example answerMode('http://127.0.0.1:5017/callback', 'http://127.0.0.1:4000', true) // 'loopback'
 */
export function answerMode(redirectUri: string | undefined, origin: string, canListen: boolean): AnswerMode {
  const url = URL.parse(redirectUri ?? '')
  if (url === null || url.protocol !== 'http:' || url.port === '') return 'paste'
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) return 'paste'
  const own = new URL(origin)
  if (url.port === own.port && url.pathname === callbackPath) return 'server'
  return canListen ? 'loopback' : 'paste'
}

// An auth block as edited replaces the effective one; otherwise the item's (or the collection's) applies.
function grantTarget(target: RequestTarget, auth: Auth | undefined): RequestTarget {
  if (auth === undefined) return target
  return { collection: target.collection, item: { name: target.item.name ?? '', auth }, folders: [] }
}

function tokenSummary(token: OAuth2Token, now: Date) {
  return {
    name: token.name,
    tokenType: token.tokenType,
    expiresAt: token.expiresAt ?? null,
    expired: isExpired(token, now),
    hasRefreshToken: token.refreshToken !== undefined,
    scope: token.scope ?? null,
    obtainedAt: token.obtainedAt,
    fields: Object.keys(token.fields).filter(
      (key) => !['access_token', 'refresh_token', 'id_token'].includes(key),
    ),
  }
}

function page(title: string, text: string): string {
  return (
    `<!doctype html><html lang="en"><meta charset="utf-8"><title>${title} — Courier</title>` +
    `<body style="font-family:system-ui;margin:4rem auto;max-width:32rem"><h1>${title}</h1><p>${text}</p></body></html>`
  )
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)
}
