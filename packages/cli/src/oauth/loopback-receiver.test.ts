import { isAppError } from '@courier/core'
import { describe, expect, it } from 'vitest'
import { freePort } from '../../test/run-cli.js'
import { createLoopbackReceiver, isLoopbackRedirect } from './loopback-receiver.js'

describe('createLoopbackReceiver', () => {
  it('resolves with the callback the browser brings to the exact redirect path, after opening the browser', async () => {
    const port = await freePort()
    const redirectUri = `http://127.0.0.1:${port}/callback`
    const said: string[] = []
    const opened: string[] = []
    const receiver = createLoopbackReceiver({
      say: (line) => said.push(line),
      // The "browser": first a wrong path (404), then the provider's redirect.
      open: async (url) => {
        opened.push(url)
        const wrong = await fetch(`http://127.0.0.1:${port}/elsewhere`)
        expect(wrong.status).toBe(404)
        const page = await fetch(`${redirectUri}?code=abc&state=xyz`)
        expect(await page.text()).toContain('You can close this window')
        return true
      },
    })
    const result = await receiver.receive({
      authorizationUrl: 'https://provider.example/authorize?x=1',
      redirectUri,
      state: 'xyz',
      timeoutMs: 5000,
    })
    expect(result).toEqual({ callbackUrl: `${redirectUri}?code=abc&state=xyz` })
    expect(opened).toEqual(['https://provider.example/authorize?x=1'])
    expect(said.join('\n')).toContain('https://provider.example/authorize?x=1')
    // The listener is gone once the code is in.
    await expect(fetch(redirectUri)).rejects.toThrow()
  })

  it('gives up after the timeout with OAUTH2_CONSENT_TIMEOUT (a closed browser window)', async () => {
    const port = await freePort()
    const receiver = createLoopbackReceiver({ say: () => undefined, open: () => Promise.resolve(false) })
    const error = await receiver
      .receive({
        authorizationUrl: 'https://provider.example/authorize',
        redirectUri: `http://127.0.0.1:${port}/cb`,
        state: 's',
        timeoutMs: 200,
      })
      .catch((e: unknown) => e)
    expect(isAppError(error, 'OAUTH2_CONSENT_TIMEOUT')).toBe(true)
  })

  it('tells loopback redirect URIs from others', () => {
    expect(isLoopbackRedirect('http://127.0.0.1:5017/callback')).toBe(true)
    expect(isLoopbackRedirect('http://localhost:8080/cb')).toBe(true)
    expect(isLoopbackRedirect('https://oauth.pstmn.io/v1/callback')).toBe(false)
    expect(isLoopbackRedirect('http://127.0.0.1/callback')).toBe(false)
    expect(isLoopbackRedirect('not a url')).toBe(false)
  })
})
