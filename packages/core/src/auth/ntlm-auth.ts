import type { ResolvedAuth } from '../http/types.js'
import { parseChallenges } from './internal/challenges.js'
import {
  authenticateMessage,
  fileTime,
  negotiateMessage,
  ntlmFlags,
  ntlmV2Responses,
  ntowfV2,
  parseChallengeMessage,
} from './internal/ntlm-messages.js'
import { readParams } from './internal/params.js'
import { headerValues, setHeader } from './internal/request-edit.js'
import type { AuthContext, AuthHandler } from './types.js'

/**
 * NTLM (MS-NLMP) with NTLMv2 responses. `sign` sends the NEGOTIATE message; `respond` answers the 401 carrying
 * `WWW-Authenticate: NTLM <challenge>` once with the AUTHENTICATE message. The handshake is bound to one
 * connection, so `needsSession` is true. Params: `username` (or `DOMAIN\user`), `password`, `domain`,
 * `workstation`, `disableRetryRequest`.
 * @example ntlmAuth({ type: 'ntlm', params: { username: 'User', password: 'Password', domain: 'Domain' } }, context)
 */
export function ntlmAuth(auth: ResolvedAuth, context: AuthContext): AuthHandler {
  const params = readParams(auth)
  const rawUser = params.required('username')
  const password = params.text('password')
  const slash = rawUser.indexOf('\\')
  const domain = params.optional('domain') ?? (slash === -1 ? '' : rawUser.slice(0, slash))
  const user = params.optional('domain') === undefined && slash !== -1 ? rawUser.slice(slash + 1) : rawUser
  const workstation = params.text('workstation')
  const disableRetry = params.flag('disableRetryRequest', false)
  let answered = false

  return {
    type: 'ntlm',
    needsSession: true,
    sign: (request) =>
      Promise.resolve(setHeader(request, 'Authorization', `NTLM ${negotiateMessage().toString('base64')}`)),
    async respond(request, response) {
      if (disableRetry || answered || response.status !== 401) return undefined
      const token = parseChallenges(headerValues(response.headers, 'www-authenticate')).find(
        (challenge) => challenge.scheme.toLowerCase() === 'ntlm' && challenge.token68 !== undefined,
      )?.token68
      const challenge = token === undefined ? undefined : parseChallengeMessage(Buffer.from(token, 'base64'))
      if (challenge === undefined) return undefined
      answered = true
      const responses = ntlmV2Responses(await ntowfV2(password, user, domain), {
        serverChallenge: challenge.serverChallenge,
        clientChallenge: Buffer.from(context.random.bytes(8)),
        time: challenge.timestamp ?? fileTime(context.clock.now()),
        targetInfo: challenge.targetInfo,
        omitLm: challenge.timestamp !== undefined,
      })
      const message = authenticateMessage({
        // Keep what both sides support; Unicode strings unless the server insists on OEM.
        flags:
          (challenge.flags & ~ntlmFlags.targetInfo) |
          (challenge.flags & ntlmFlags.oem ? 0 : ntlmFlags.unicode),
        lmChallengeResponse: responses.lmChallengeResponse,
        ntChallengeResponse: responses.ntChallengeResponse,
        domain,
        user,
        workstation,
      })
      return setHeader(request, 'Authorization', `NTLM ${message.toString('base64')}`)
    },
  }
}
