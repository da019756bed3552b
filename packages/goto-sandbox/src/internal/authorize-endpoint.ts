import type { IncomingMessage, ServerResponse } from 'node:http'
import { renderConsentPage, renderErrorPage, renderLoginPage } from './html-pages.js'
import { readBody, redirect, sendHtml } from './http-io.js'
import { grantedScope, type AuthorizationRequest, type SandboxState } from './sandbox-state.js'

/** The authorize query parameters the login page carries on in hidden fields. */
const REQUEST_PARAMS = [
  'client_id',
  'response_type',
  'redirect_uri',
  'state',
  'scope',
  'code_challenge',
  'code_challenge_method',
] as const

type Validation =
  | { type: 'ok'; request: AuthorizationRequest }
  | { type: 'page'; error: string; description: string }
  | { type: 'redirect'; location: string }

/** Builds the redirect back to the client: query for `code`, fragment for `token` (RFC 6749 §4.1.2, §4.2.2). */
function answer(
  redirectUri: string,
  responseType: string | undefined,
  params: Record<string, string | undefined>,
): string {
  const url = new URL(redirectUri)
  const pairs = Object.entries(params).filter((p): p is [string, string] => p[1] !== undefined)
  if (responseType === 'token') {
    url.hash = new URLSearchParams(pairs).toString()
  } else {
    for (const [k, v] of pairs) url.searchParams.set(k, v)
  }
  return url.href
}

/** Checks an authorization request; errors before the redirect URI is trusted are shown, never redirected. */
function validate(params: URLSearchParams, state: SandboxState): Validation {
  const clientId = params.get('client_id')
  const client = clientId === null ? undefined : state.findClient(clientId)
  if (client === undefined) {
    return { type: 'page', error: 'invalid_client', description: 'Unknown or missing client_id.' }
  }
  const requested = params.get('redirect_uri') ?? undefined
  // RFC 6749 §3.1.2.4: never redirect to a URI that is not registered for this client.
  if (requested !== undefined && !client.redirectUris.includes(requested)) {
    return {
      type: 'page',
      error: 'invalid_request',
      description: 'redirect_uri is not registered for this client.',
    }
  }
  const redirectUri = requested ?? client.redirectUris[0]
  if (redirectUri === undefined) {
    return {
      type: 'page',
      error: 'invalid_request',
      description: 'The client has no registered redirect_uri.',
    }
  }
  const responseType = params.get('response_type') ?? undefined
  const appState = params.get('state') ?? undefined
  const fail = (error: string, description: string): Validation => ({
    type: 'redirect',
    location: answer(redirectUri, responseType, { error, error_description: description, state: appState }),
  })
  if (responseType === undefined) return fail('invalid_request', 'response_type is required.')
  if (responseType !== 'code' && responseType !== 'token') {
    return fail('unsupported_response_type', `response_type ${responseType} is not supported.`)
  }
  const codeChallenge = params.get('code_challenge') ?? undefined
  const method = params.get('code_challenge_method') ?? undefined
  if (method !== undefined && method !== 'S256' && method !== 'plain') {
    return fail('invalid_request', 'code_challenge_method must be S256 or plain.')
  }
  if (method !== undefined && codeChallenge === undefined) {
    return fail('invalid_request', 'code_challenge_method without code_challenge.')
  }
  return {
    type: 'ok',
    request: {
      client,
      responseType,
      requestedRedirectUri: requested,
      redirectUri,
      state: appState,
      codeChallenge,
      // RFC 7636 §4.3: a challenge without a method is `plain`.
      codeChallengeMethod: codeChallenge === undefined ? undefined : (method ?? 'plain'),
    },
  }
}

function carriedParams(params: URLSearchParams): Record<string, string> {
  const carried: Record<string, string> = {}
  for (const name of REQUEST_PARAMS) {
    const value = params.get(name)
    if (value !== null) carried[name] = value
  }
  return carried
}

/** Runs `validate` and answers its failures; returns the request when it may proceed. */
function proceed(
  res: ServerResponse,
  params: URLSearchParams,
  state: SandboxState,
): AuthorizationRequest | undefined {
  const validation = validate(params, state)
  switch (validation.type) {
    case 'ok':
      return validation.request
    case 'page':
      sendHtml(res, 400, renderErrorPage(validation.error, validation.description))
      return undefined
    case 'redirect':
      redirect(res, validation.location)
      return undefined
  }
}

/** `GET /oauth/authorize`: validates the request, then shows the sign-in page. */
export function handleAuthorize(res: ServerResponse, url: URL, state: SandboxState): void {
  if (proceed(res, url.searchParams, state) === undefined) return
  sendHtml(res, 200, renderLoginPage(carriedParams(url.searchParams)))
}

/** `POST /oauth/authorize/login`: checks the credentials, then shows the consent page. */
export async function handleLogin(
  req: IncomingMessage,
  res: ServerResponse,
  state: SandboxState,
): Promise<void> {
  const form = new URLSearchParams(await readBody(req))
  // The hidden fields came back from the browser, so they are checked again, as on the first visit.
  const request = proceed(res, form, state)
  if (request === undefined) return
  const user = state.findUser(form.get('username') ?? '')
  if (user === undefined || user.password !== form.get('password')) {
    sendHtml(res, 200, renderLoginPage(carriedParams(form), { error: 'Incorrect email or password.' }))
    return
  }
  const transaction = state.startConsent(request, user.username)
  const page = renderConsentPage({
    clientName: request.client.name ?? 'Courier Demo',
    scope: grantedScope(request.client),
    principal: user.email,
    transaction,
  })
  sendHtml(res, 200, page)
}

/** `POST /oauth/authorize/decision`: Allow issues a code (or, implicit, a token); Deny answers access_denied. */
export async function handleDecision(
  req: IncomingMessage,
  res: ServerResponse,
  state: SandboxState,
): Promise<void> {
  const form = new URLSearchParams(await readBody(req))
  const consent = state.takeConsent(form.get('transaction') ?? '')
  if (consent === undefined) {
    const description = 'The sign-in has expired or was already used. Start again from the application.'
    sendHtml(res, 400, renderErrorPage('invalid_request', description))
    return
  }
  const { request, username } = consent
  const decision = form.get('decision')
  if (decision !== 'allow') {
    const description = 'The user denied the authorization request.'
    const params = { error: 'access_denied', error_description: description, state: request.state }
    redirect(res, answer(request.redirectUri, request.responseType, params))
    return
  }
  if (request.responseType === 'code') {
    const code = state.issueCode(request, username)
    redirect(res, answer(request.redirectUri, 'code', { code, state: request.state }))
    return
  }
  const user = state.findUser(username)
  if (user === undefined) throw new TypeError(`user ${username} vanished during consent`)
  const scope = grantedScope(request.client)
  const grant = { grantId: state.newGrantId(), clientId: request.client.clientId, username, scope }
  const params = {
    access_token: state.issueAccessToken(grant),
    token_type: 'Bearer',
    expires_in: String(state.lifetimes.accessTokenTtlSeconds),
    principal: user.email,
    scope,
    state: request.state,
  }
  redirect(res, answer(request.redirectUri, 'token', params))
}
