import { describe, expect, it } from 'vitest'
import { stateDatabasePath } from './state-database-path.js'

describe('stateDatabasePath', () => {
  it('puts a workspace state in its .courier folder, whatever the environment', () => {
    expect(
      stateDatabasePath({
        workspaceDir: '/home/ada/api',
        env: { XDG_STATE_HOME: '/xdg' },
        homeDir: '/home/ada',
      }),
    ).toBe('/home/ada/api/.courier/state.db')
  })

  it('resolves a relative workspace folder against the working directory', () => {
    expect(stateDatabasePath({ workspaceDir: 'api' })).toBe(`${process.cwd()}/api/.courier/state.db`)
  })

  it('uses XDG_STATE_HOME without a workspace', () => {
    const path = stateDatabasePath({
      env: { XDG_STATE_HOME: '/xdg/state' },
      homeDir: '/home/ada',
      platform: 'linux',
    })
    expect(path).toBe('/xdg/state/courier/state.db')
  })

  it('defaults to ~/.local/state when XDG_STATE_HOME is unset or empty', () => {
    for (const env of [{}, { XDG_STATE_HOME: '' }]) {
      expect(stateDatabasePath({ env, homeDir: '/home/ada', platform: 'linux' })).toBe(
        '/home/ada/.local/state/courier/state.db',
      )
    }
  })

  it('ignores a relative XDG_STATE_HOME, as the XDG spec says', () => {
    expect(
      stateDatabasePath({ env: { XDG_STATE_HOME: 'state' }, homeDir: '/home/ada', platform: 'darwin' }),
    ).toBe('/home/ada/.local/state/courier/state.db')
  })

  it('uses %LOCALAPPDATA% on Windows', () => {
    const env = { LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local', XDG_STATE_HOME: '/xdg' }
    expect(stateDatabasePath({ env, homeDir: 'C:\\Users\\ada', platform: 'win32' })).toBe(
      'C:\\Users\\ada\\AppData\\Local\\courier\\state.db',
    )
  })

  it('falls back to AppData\\Local under the home folder on Windows without LOCALAPPDATA', () => {
    expect(stateDatabasePath({ env: {}, homeDir: 'C:\\Users\\ada', platform: 'win32' })).toBe(
      'C:\\Users\\ada\\AppData\\Local\\courier\\state.db',
    )
  })

  it('reads process.env and the real home folder by default', () => {
    expect(stateDatabasePath()).toMatch(/courier[\\/]state\.db$/)
  })
})
