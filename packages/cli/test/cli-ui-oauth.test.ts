// Issue #7 and the GoTo guide from the UI, against the GoTo sandbox on 127.0.0.1: Get New Access Token through
// the API, the user's sign-in and Allow played with a plain HTTP client, the answer through this server's
// callback (or pasted), the token stored in local state with its GoTo fields, then Send "Get Organizer" → 200.
import { driveAuthorization, startGotoSandbox, type GotoSandbox } from '@courier/goto-sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openEvents, startUi, type UiHarness } from './cli-ui-kit.js'
import { gotoCollection } from './goto-collection.js'

let sandbox: GotoSandbox
let h: UiHarness
let collectionId: string

async function putEnvironment(name: string, values: Record<string, string>): Promise<void> {
  const res = await h.api(`environments/${encodeURIComponent(name)}`, {
    method: 'PUT',
    body: {
      values: Object.entries(values).map(([key, value]) => ({
        key,
        value,
        secret: key === 'clientSecret',
        enabled: true,
      })),
    },
  })
  expect(res.status).toBe(200)
}

beforeAll(async () => {
  h = await startUi()
  // The provider knows this server's callback as a redirect URI (and Postman's, for the pasted way).
  sandbox = await startGotoSandbox({
    clients: [
      {
        clientId: 'courier-ui-test',
        clientSecret: 's3cret-of-the-ui-client',
        redirectUris: [`${h.ui.origin}/oauth2/callback`, 'https://oauth.pstmn.io/v1/callback'],
      },
    ],
  })
  const imported = await h.api('import?name=GoToMeeting.postman_collection.json', {
    method: 'POST',
    text: JSON.stringify(gotoCollection()),
  })
  collectionId = imported.body.id
  const common = {
    baseUrl: sandbox.url,
    authUrl: sandbox.authorizeUrl,
    tokenUrl: sandbox.tokenUrl,
    clientId: 'courier-ui-test',
    clientSecret: 's3cret-of-the-ui-client',
  }
  await putEnvironment('GoTo', { ...common, callbackUrl: `${h.ui.origin}/oauth2/callback` })
  await putEnvironment('GoTo pasted', { ...common, callbackUrl: 'https://oauth.pstmn.io/v1/callback' })
})

afterAll(async () => {
  await h.close()
  await sandbox.close()
})

describe('the GoTo guide from the UI', () => {
  it('gets a token through this server’s callback, stores it with its fields, and sends Get Organizer → 200', async () => {
    const events = await openEvents(h, 'events')
    const started = await h.api('oauth2/authorize', {
      method: 'POST',
      body: { collectionId, environment: 'GoTo' },
    })
    expect(started.status).toBe(200)
    expect(started.body).toMatchObject({ mode: 'server', redirectUri: `${h.ui.origin}/oauth2/callback` })
    expect(started.body.authorizationUrl.startsWith(sandbox.authorizeUrl)).toBe(true)
    // The user signs in and clicks Allow; the provider sends the browser to the callback (no access token there).
    const { location } = await driveAuthorization(started.body.authorizationUrl)
    expect(location.startsWith(`${h.ui.origin}/oauth2/callback?`)).toBe(true)
    const callback = await fetch(location)
    expect(callback.status).toBe(200)
    expect(await callback.text()).toContain('Token saved')
    expect((await events.next((e) => e.data.type === 'token-changed')).data.name).toBe('GoToMeeting')
    events.close()
    const tokens = await h.api('oauth2/tokens')
    expect(tokens.body).toHaveLength(1)
    expect(tokens.body[0]).toMatchObject({ name: 'GoToMeeting', hasRefreshToken: true })
    expect(tokens.body[0].fields).toContain('organizer_key')
    expect(JSON.stringify(tokens.body)).not.toMatch(/accessToken|access_token"/)
    // The token endpoint was called with Basic client authentication (the sandbox refuses anything else).
    expect(sandbox.log.filter((e) => e.path === '/oauth/token').map((e) => e.status)).toContain(200)

    const sent = await h.api('send', {
      method: 'POST',
      body: { collectionId, itemId: 'get-organizer', environment: 'GoTo' },
    })
    expect(sent.body.error).toBeUndefined()
    expect(sent.body.exchange.response.status).toBe(200)
    expect(JSON.parse(sent.body.exchange.response.body)).toMatchObject({ email: 'ada@example.com' })
    // The Authorization header went out, and comes back masked.
    const auth = sent.body.exchange.request.headers.find((x: { key: string }) => x.key === 'Authorization')
    expect(auth.value).toContain('••••')
  })

  it('completes the guide’s pasted way: the redirect URL from the address bar', async () => {
    await h.api('oauth2/tokens/GoToMeeting', { method: 'DELETE' })
    const started = await h.api('oauth2/authorize', {
      method: 'POST',
      body: { collectionId, environment: 'GoTo pasted' },
    })
    expect(started.body.mode).toBe('paste')
    const { location } = await driveAuthorization(started.body.authorizationUrl)
    expect(location.startsWith('https://oauth.pstmn.io/v1/callback?')).toBe(true)
    const done = await h.api('oauth2/complete', {
      method: 'POST',
      body: { state: started.body.state, answer: location },
    })
    expect(done.status).toBe(200)
    expect(done.body.token.name).toBe('GoToMeeting')
    expect((await h.api('oauth2/tokens')).body.map((t: { name: string }) => t.name)).toEqual(['GoToMeeting'])
  })

  it('answers a denied consent on the callback page with the provider’s error, and stores nothing', async () => {
    await h.api('oauth2/tokens/GoToMeeting', { method: 'DELETE' })
    const events = await openEvents(h, 'events')
    const started = await h.api('oauth2/authorize', {
      method: 'POST',
      body: { collectionId, environment: 'GoTo' },
    })
    const { location } = await driveAuthorization(started.body.authorizationUrl, { decision: 'deny' })
    const callback = await fetch(location)
    expect(callback.status).toBe(400)
    expect(await callback.text()).toContain('access_denied')
    const failed = await events.next((e) => e.data.type === 'oauth2-failed')
    events.close()
    expect(failed.data).toMatchObject({ state: started.body.state, error: { code: 'OAUTH2_ACCESS_DENIED' } })
    expect((await h.api('oauth2/tokens')).body).toEqual([])
  })
})
