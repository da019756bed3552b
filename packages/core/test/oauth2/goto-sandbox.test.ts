// The GoTo guide's flow against the GoTo sandbox: authorization code, client secret in a Basic header, and GoTo's
// own token fields (organizer_key, account_key, principal…) kept for `{{organizer_key}}` in URLs.
import {
  demoClient,
  demoUser,
  driveAuthorization,
  startGotoSandbox,
  type GotoSandbox,
} from '@courier/goto-sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createMemoryTokenStore,
  createOAuth2Handler,
  obtainToken,
  parseOAuth2Config,
  tokenVariables,
  type AuthorizationCodeReceiver,
} from '../../src/auth/oauth2/index.js'
import { createUndiciTransport, defaultRequestSettings, type Transport } from '../../src/http/index.js'
import { systemClock, systemRandom } from '../../src/ports/index.js'

let goto: GotoSandbox
let transport: Transport

beforeAll(async () => {
  goto = await startGotoSandbox()
  transport = createUndiciTransport({ proxy: 'none' })
})

afterAll(async () => {
  await transport.close()
  await goto.close()
})

// The user signs in as the demo user and clicks Allow; the browser lands on the redirect URI.
const receiver: AuthorizationCodeReceiver = {
  async receive(request) {
    const { location } = await driveAuthorization(request.authorizationUrl)
    return { callbackUrl: location }
  },
}

describe('GoTo sandbox', () => {
  it('gets a token with the authorization code grant and Basic client authentication, keeping GoTo fields', async () => {
    const config = parseOAuth2Config({
      tokenName: 'GoToMeeting',
      grant_type: 'authorization_code',
      authUrl: goto.authorizeUrl,
      accessTokenUrl: goto.tokenUrl,
      clientId: demoClient.clientId,
      clientSecret: demoClient.clientSecret,
      redirect_uri: 'https://oauth.pstmn.io/v1/callback',
      client_authentication: 'header',
    })
    const token = await obtainToken(config, { transport, receiver, clock: systemClock, random: systemRandom })
    expect(token).toMatchObject({
      name: 'GoToMeeting',
      tokenType: 'Bearer',
      refreshToken: expect.any(String),
      fields: {
        organizer_key: demoUser.organizerKey,
        account_key: demoUser.accountKey,
        principal: demoUser.email,
      },
    })
    const variables = Object.fromEntries(tokenVariables(token).map(({ key, value }) => [key, value]))
    expect(variables.organizer_key).toBe(demoUser.organizerKey)

    // "Get Organizer" with the stored token.
    const tokens = createMemoryTokenStore([token])
    const handler = createOAuth2Handler(
      {
        type: 'oauth2',
        params: {
          tokenName: 'GoToMeeting',
          grant_type: 'authorization_code',
          authUrl: goto.authorizeUrl,
          accessTokenUrl: goto.tokenUrl,
          clientId: demoClient.clientId,
          clientSecret: demoClient.clientSecret,
          redirect_uri: 'https://oauth.pstmn.io/v1/callback',
        },
      },
      {
        clock: systemClock,
        random: systemRandom,
        files: { read: () => Promise.reject(new Error('no files')) },
        oauth2: { tokens, transport },
      },
    )
    const signed = await handler.sign({
      method: 'GET',
      url: `${goto.url}/G2M/rest/organizers/${String(variables.organizer_key)}`,
      headers: [],
      body: { type: 'none' },
      settings: defaultRequestSettings,
    })
    expect((await transport.send(signed)).status).toBe(200)
  })
})
