import { spawn } from 'node:child_process'

/**
 * Opens `url` in the user's browser without waiting for it: the command `$BROWSER` names when set (as git and gh
 * do, which also lets a headless test play the browser), else the platform's opener. Resolves false when nothing
 * could be started; the caller has printed the URL anyway.
 * @example await openBrowser(authorizationUrl, { env: process.env })
 */
export async function openBrowser(url: string, options: { env: NodeJS.ProcessEnv }): Promise<boolean> {
  const [command, ...args] = browserCommand(options.env)
  if (command === undefined) return false
  return new Promise((resolve) => {
    const child = spawn(command, [...args, url], { stdio: 'ignore', detached: true, env: options.env })
    child.once('error', () => resolve(false))
    child.once('spawn', () => {
      child.unref()
      resolve(true)
    })
  })
}

function browserCommand(env: NodeJS.ProcessEnv): string[] {
  const browser = env.BROWSER?.trim()
  if (browser !== undefined && browser !== '') return browser.split(/\s+/)
  if (process.platform === 'darwin') return ['open']
  if (process.platform === 'win32') return ['cmd', '/c', 'start', '""']
  return ['xdg-open']
}
