import { describe, expect, it } from 'vitest'
import { applyOAuth2Preset, isOAuth2PresetName, oauth2Presets } from './oauth2-presets.js'
import { parseOAuth2Config } from './parse-oauth2-config.js'

describe('OAuth 2.0 presets', () => {
  it('fills in GoTo’s endpoints and Basic client authentication for a block that leaves them empty', () => {
    const params = applyOAuth2Preset(
      { clientId: 'id', clientSecret: 'secret', redirect_uri: 'http://127.0.0.1:5017/callback', authUrl: '' },
      'goto',
    )
    const config = parseOAuth2Config(params)
    expect(config).toMatchObject({
      grantType: 'authorization_code',
      authUrl: 'https://authentication.logmeininc.com/oauth/authorize',
      accessTokenUrl: 'https://authentication.logmeininc.com/oauth/token',
      clientAuthentication: 'header',
    })
  })

  it('keeps what the block sets itself', () => {
    const params = applyOAuth2Preset(
      {
        accessTokenUrl: 'http://127.0.0.1:9/token',
        client_authentication: 'body',
        grant_type: 'client_credentials',
      },
      'goto',
    )
    expect(params).toMatchObject({
      accessTokenUrl: 'http://127.0.0.1:9/token',
      client_authentication: 'body',
      grant_type: 'client_credentials',
    })
  })

  it('names its presets and lists GoTo’s token fields', () => {
    expect(isOAuth2PresetName('goto')).toBe(true)
    expect(isOAuth2PresetName('toString')).toBe(false)
    expect(oauth2Presets.goto.tokenFields).toContain('organizer_key')
  })
})
