import { homedir } from 'node:os'
import { isAbsolute, posix, resolve, win32 } from 'node:path'

/** Options for {@link stateDatabasePath}. */
export interface StateDatabasePathOptions {
  /** A workspace folder: its state lives beside its files, in `<dir>/.courier/state.db`. */
  workspaceDir?: string
  /** The environment to read `XDG_STATE_HOME` / `LOCALAPPDATA` from (default `process.env`). */
  env?: NodeJS.ProcessEnv
  /** The user's home folder (default `os.homedir()`). */
  homeDir?: string
  /** The platform whose conventions apply (default `process.platform`). */
  platform?: NodeJS.Platform
}

/**
 * Where the local state database lives: a workspace's `<dir>/.courier/state.db`; otherwise the user's state folder,
 * `$XDG_STATE_HOME/courier/state.db` (default `~/.local/state/courier/state.db`), or `%LOCALAPPDATA%\courier\state.db`
 * on Windows.
 * @example stateDatabasePath({ workspaceDir: '/home/ada/api' }) // '/home/ada/api/.courier/state.db'
 */
export function stateDatabasePath(options: StateDatabasePathOptions = {}): string {
  if (options.workspaceDir !== undefined) return resolve(options.workspaceDir, '.courier', 'state.db')
  const env = options.env ?? process.env
  const home = options.homeDir ?? homedir()
  if ((options.platform ?? process.platform) === 'win32') {
    const localAppData = nonEmpty(env['LOCALAPPDATA']) ?? win32.join(home, 'AppData', 'Local')
    return win32.join(localAppData, 'courier', 'state.db')
  }
  // The XDG Base Directory spec: a relative path in the variable is invalid and must be ignored.
  const xdgStateHome = nonEmpty(env['XDG_STATE_HOME'])
  const stateHome =
    xdgStateHome !== undefined && isAbsolute(xdgStateHome)
      ? xdgStateHome
      : posix.join(home, '.local', 'state')
  return posix.join(stateHome, 'courier', 'state.db')
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value
}
