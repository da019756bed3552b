import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from '../write-file-atomic.js'

const entry = '.courier/'
// Lines that already keep the state folder out of git (with or without the leading or trailing slash).
const ignoresState = new Set([
  '.courier',
  '.courier/',
  '/.courier',
  '/.courier/',
  '.courier/*',
  '/.courier/*',
])

/**
 * Makes the workspace's `.gitignore` ignore `.courier/` (local state: tokens, history), keeping every existing line;
 * does nothing when it already does. Writes atomically.
 * @example await ensureStateGitignore('/home/ada/api')
 */
export async function ensureStateGitignore(workspaceDir: string): Promise<void> {
  const path = join(workspaceDir, '.gitignore')
  const existing = await readExisting(path)
  const text = existing?.text ?? ''
  const lines = text.split(/\r?\n/)
  if (lines.some((line) => ignoresState.has(line.trim()))) return
  const newline = text.includes('\r\n') ? '\r\n' : '\n'
  const separator = text === '' || text.endsWith('\n') ? '' : newline
  const addition = `# Courier local state (tokens, history): never commit${newline}${entry}${newline}`
  await writeFileAtomic(path, `${text}${separator}${addition}`, { mode: existing?.mode ?? 0o644 })
}

async function readExisting(path: string): Promise<{ text: string; mode: number } | undefined> {
  try {
    const [text, stats] = await Promise.all([readFile(path, 'utf8'), stat(path)])
    return { text, mode: stats.mode & 0o777 }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}
