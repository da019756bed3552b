import { mkdir, readFile, stat } from 'node:fs/promises'
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
 * Keeps `.courier/` (local state: tokens, secret values, history) out of git twice over: the workspace's `.gitignore`
 * gets a `.courier/` line (kept lines untouched; nothing done when one is there), and `.courier/.gitignore` holds
 * `*`, which ignores the folder from inside whatever the outer file says (a deeper .gitignore wins over a `!`
 * negation above it, and the folder stays ignored if the outer line is deleted). Writes atomically.
 * @example await ensureStateGitignore('/home/ada/api')
 */
export async function ensureStateGitignore(workspaceDir: string): Promise<void> {
  await ensureInnerGitignore(join(workspaceDir, '.courier'))
  await ensureOuterGitignore(workspaceDir)
}

// The same file as pytest, mypy and ruff write into their cache folders: `*` matches the folder's every file,
// itself included.
async function ensureInnerGitignore(stateDir: string): Promise<void> {
  const path = join(stateDir, '.gitignore')
  const existing = await readExisting(path)
  if (existing?.text.split(/\r?\n/).some((line) => line.trim() === '*')) return
  await mkdir(stateDir, { recursive: true, mode: 0o700 })
  await writeFileAtomic(path, `# Courier local state (tokens, secret values, history): never commit\n*\n`, {
    mode: 0o644,
  })
}

async function ensureOuterGitignore(workspaceDir: string): Promise<void> {
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
