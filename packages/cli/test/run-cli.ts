import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The built executable; tests spawn it exactly as a user's shell would. */
export const courierBin = fileURLToPath(new URL('../bin/courier.js', import.meta.url))
/** The repository root, where `examples/` lives. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
/** Real Postman files written by others, beside the repository (never copied into it). */
export const corpusRoot = fileURLToPath(new URL('../../../../shared/corpus/', import.meta.url))

/** What a spawned `courier` did. */
export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

/** Spawns `node bin/courier.js …args` (node's own flags first, if any) with colour off; its exit code and output. */
export async function runCli(
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; input?: string; nodeFlags?: readonly string[] } = {},
) {
  if (!existsSync(new URL('../dist/main.js', import.meta.url))) {
    throw new Error('packages/cli/dist is missing: run `npm run build` before the CLI tests')
  }
  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), courierBin, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...options.env },
    stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  })
  if (options.input !== undefined) child.stdin?.end(options.input)
  let stdout = ''
  let stderr = ''
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', resolve)
  })
  return { code, stdout, stderr } satisfies CliResult
}

/** A TCP port on 127.0.0.1 that was free a moment ago (for a redirect URI to listen on, or to be refused on). */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}
