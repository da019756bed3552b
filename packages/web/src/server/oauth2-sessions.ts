// Authorization-code grants started from the UI (docs/ui-api.md "OAuth 2.0"). Core's `obtainToken` drives the
// grant; this module is its AuthorizationCodeReceiver: it hands the authorization URL back to the HTTP route that
// started the grant, then waits for the answer — this server's `/oauth2/callback`, a pasted redirect URL or code,
// or (for a loopback redirect URI of the auth block) the CLI's loopback listener.
import {
  AppError,
  type AuthorizationCodeReceiver,
  type AuthorizationRequest,
  type OAuth2Token,
} from '@courier/core'
import type { CreateLoopbackReceiver } from './ui-server-options.js'

/** How the answer of a grant comes back. */
export type AnswerMode = 'server' | 'loopback' | 'paste'

/** What the route that starts a grant answers once the authorization URL is known. */
export interface StartedGrant {
  authorizationUrl: string
  state: string
  redirectUri: string
  mode: AnswerMode
}

type Answer = { callbackUrl: string } | { code: string }

interface Pending {
  answer(answer: Answer): void
  fail(error: Error): void
  token: Promise<OAuth2Token>
}

/** The grants waiting for the user. */
export interface OAuth2Sessions {
  /**
   * Starts a grant: `run` calls core's `obtainToken` with the receiver it is given. Resolves as soon as the
   * authorization URL is known (or rejects when the grant fails before that).
   */
  start(
    mode: AnswerMode,
    run: (receiver: AuthorizationCodeReceiver) => Promise<OAuth2Token>,
  ): Promise<StartedGrant & { token: Promise<OAuth2Token> }>
  /**
   * Gives a waiting grant its answer and waits for the token.
   * @throws AppError OAUTH2_STATE_MISMATCH when no grant waits for that state
   */
  complete(state: string, answer: Answer): Promise<OAuth2Token>
  /** Fails every waiting grant (the server stops). */
  close(): void
}

/**
 * The grant registry of one server.
 * @example const sessions = createOAuth2Sessions({ createLoopbackReceiver })
 */
export function createOAuth2Sessions(options: {
  createLoopbackReceiver?: CreateLoopbackReceiver | undefined
}): OAuth2Sessions {
  const pending = new Map<string, Pending>()
  const timers = new Set<NodeJS.Timeout>()

  // The receiver for `server` and `paste`: it publishes the request, then waits for `complete`.
  const waitingReceiver = (
    onRequest: (request: AuthorizationRequest) => void,
    token: () => Promise<OAuth2Token>,
  ): AuthorizationCodeReceiver => ({
    receive: (request) =>
      new Promise<Answer>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(request.state)
          reject(
            new AppError(
              'OAUTH2_CONSENT_TIMEOUT',
              `no answer on ${request.redirectUri} within ${request.timeoutMs} ms`,
              { authUrl: withoutQuery(request.authorizationUrl), timeoutMs: request.timeoutMs },
            ),
          )
        }, request.timeoutMs)
        timer.unref()
        timers.add(timer)
        const settle = () => {
          clearTimeout(timer)
          timers.delete(timer)
          pending.delete(request.state)
        }
        pending.set(request.state, {
          answer: (answer) => {
            settle()
            resolve(answer)
          },
          fail: (error) => {
            settle()
            reject(error)
          },
          get token() {
            return token()
          },
        })
        onRequest(request)
      }),
  })

  return {
    start(mode, run) {
      return new Promise((resolve, reject) => {
        // The receiver is called back only after `run` has returned its promise (core awaits before asking).
        const started = (grant: StartedGrant) => resolve({ ...grant, token })
        const receiver =
          mode === 'loopback' && options.createLoopbackReceiver !== undefined
            ? options.createLoopbackReceiver({
                open: (url) => {
                  const redirectUri = new URL(url).searchParams.get('redirect_uri') ?? ''
                  const state = new URL(url).searchParams.get('state') ?? ''
                  started({ authorizationUrl: url, state, redirectUri, mode })
                  return Promise.resolve(true)
                },
                say: () => undefined,
              })
            : waitingReceiver(
                (request) =>
                  started({
                    authorizationUrl: request.authorizationUrl,
                    state: request.state,
                    redirectUri: request.redirectUri,
                    mode,
                  }),
                () => token,
              )
        const token = run(receiver)
        // A grant that fails before the URL is known (a bad auth block) fails the request that started it.
        token.catch(reject)
      })
    },
    async complete(state, answer) {
      const grant = pending.get(state)
      if (grant === undefined)
        throw new AppError('OAUTH2_STATE_MISMATCH', `no sign-in is waiting for the state "${state}"`, {
          authUrl: '',
        })
      const token = grant.token
      grant.answer(answer)
      return token
    },
    close() {
      for (const grant of [...pending.values()])
        grant.fail(
          new AppError('OAUTH2_CONSENT_TIMEOUT', 'the Courier UI server stopped', {
            authUrl: '',
            timeoutMs: 0,
          }),
        )
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
    },
  }
}

function withoutQuery(url: string): string {
  const parsed = URL.parse(url)
  return parsed === null ? url : `${parsed.origin}${parsed.pathname}`
}
