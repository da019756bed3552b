import type { IncomingMessage, ServerResponse } from 'node:http'
import { sendJson } from './http-io.js'
import type { SandboxState, SandboxUser } from './sandbox-state.js'

/** Answers 401 the way GoTo's REST APIs do, with the RFC 6750 §3 challenge. */
function unauthorized(res: ServerResponse, challenge: string): void {
  sendJson(
    res,
    401,
    { int_err_code: 'InvalidToken', msg: 'Invalid token passed' },
    { 'www-authenticate': challenge },
  )
}

/** The user behind a valid Bearer token, or undefined after answering 401. */
function authenticate(
  req: IncomingMessage,
  res: ServerResponse,
  state: SandboxState,
): SandboxUser | undefined {
  const header = req.headers.authorization
  const bearer = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header)
  if (bearer?.[1] === undefined) {
    // RFC 6750 §3.1: a request without credentials gets a challenge without an error code.
    unauthorized(res, 'Bearer realm="GoTo sandbox"')
    return undefined
  }
  const token = state.findAccessToken(bearer[1])
  const user = token === undefined ? undefined : state.findUser(token.username)
  if (user === undefined) {
    const description = 'The access token is invalid or has expired.'
    unauthorized(
      res,
      `Bearer realm="GoTo sandbox", error="invalid_token", error_description="${description}"`,
    )
    return undefined
  }
  return user
}

function pathKey(segment: string | undefined): string | undefined {
  try {
    return segment === undefined ? undefined : decodeURIComponent(segment)
  } catch {
    return undefined // malformed percent-encoding names no organizer
  }
}

/**
 * GoToMeeting v1 `GET /G2M/rest/organizers/{organizerKey}` and Admin `GET /admin/rest/v1/me`.
 * Returns false when `url` is not one of these routes.
 */
export function handleGotoApi(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  state: SandboxState,
): boolean {
  const organizer = /^\/G2M\/rest\/organizers\/([^/]+)$/.exec(url.pathname)
  const isMe = url.pathname === '/admin/rest/v1/me'
  if (organizer === null && !isMe) return false
  if (req.method !== 'GET') {
    sendJson(
      res,
      405,
      { int_err_code: 'MethodNotAllowed', msg: `${req.method} is not allowed here` },
      { allow: 'GET' },
    )
    return true
  }
  const user = authenticate(req, res, state)
  if (user === undefined) return true
  if (isMe) {
    sendJson(res, 200, {
      key: user.organizerKey,
      email: user.email,
      firstName: user.firstName,
      lastName: user.lastName,
      accounts: [{ key: user.accountKey, name: 'Courier Demo Account', roles: ['ADMIN'] }],
    })
    return true
  }
  if (pathKey(organizer?.[1]) !== user.organizerKey) {
    sendJson(res, 403, { int_err_code: 'AccessDenied', msg: 'Access to this organizer is not allowed' })
    return true
  }
  sendJson(res, 200, {
    organizerKey: user.organizerKey,
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email,
    timeZone: user.timeZone ?? 'America/Los_Angeles',
    productType: 'G2M',
    status: 'active',
    maxNumAttendeesAllowed: 250,
  })
  return true
}
