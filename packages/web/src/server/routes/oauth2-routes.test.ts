import { describe, expect, it } from 'vitest'
import { answerMode } from './oauth2-routes.js'

describe('answerMode', () => {
  const origin = 'http://127.0.0.1:4000'
  it('uses this server’s callback when the redirect URI is it (127.0.0.1 or localhost)', () => {
    expect(answerMode('http://127.0.0.1:4000/oauth2/callback', origin, true)).toBe('server')
    expect(answerMode('http://localhost:4000/oauth2/callback', origin, false)).toBe('server')
  })
  it('listens on another loopback redirect URI when it can, and asks for a paste otherwise', () => {
    expect(answerMode('http://127.0.0.1:5017/callback', origin, true)).toBe('loopback')
    expect(answerMode('http://127.0.0.1:5017/callback', origin, false)).toBe('paste')
    expect(answerMode('https://oauth.pstmn.io/v1/callback', origin, true)).toBe('paste')
    expect(answerMode(undefined, origin, true)).toBe('paste')
  })
})
