import { execFile } from 'node:child_process'
import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { ensureStateGitignore } from './ensure-state-gitignore.js'
import { StateDatabase } from './state-database.js'

async function workspace(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'courier-ws-'))
}

const entries = (text: string): string[] => text.split(/\r?\n/).filter((line) => line.trim() === '.courier/')

describe('ensureStateGitignore', () => {
  it('creates a .gitignore that ignores .courier/ when there is none', async () => {
    const dir = await workspace()
    await ensureStateGitignore(dir)
    const text = await readFile(join(dir, '.gitignore'), 'utf8')
    expect(entries(text)).toEqual(['.courier/'])
    expect(text.endsWith('\n')).toBe(true)
    expect((await readdir(dir)).sort()).toEqual(['.courier', '.gitignore'])
  })

  it('keeps existing lines and adds .courier/ once, however often it runs', async () => {
    const dir = await workspace()
    await writeFile(join(dir, '.gitignore'), 'node_modules/\n# build\ndist')
    await ensureStateGitignore(dir)
    await ensureStateGitignore(dir)
    const text = await readFile(join(dir, '.gitignore'), 'utf8')
    expect(text.startsWith('node_modules/\n# build\ndist\n')).toBe(true)
    expect(entries(text)).toEqual(['.courier/'])
  })

  it('leaves a .gitignore that already ignores the folder as it is', async () => {
    const dir = await workspace()
    for (const line of ['.courier', '/.courier/']) {
      await writeFile(join(dir, '.gitignore'), `a\n${line}\nb\n`)
      await ensureStateGitignore(dir)
      expect(await readFile(join(dir, '.gitignore'), 'utf8')).toBe(`a\n${line}\nb\n`)
    }
  })

  it('keeps Windows line endings', async () => {
    const dir = await workspace()
    await writeFile(join(dir, '.gitignore'), 'node_modules/\r\n')
    await ensureStateGitignore(dir)
    const text = await readFile(join(dir, '.gitignore'), 'utf8')
    expect(text.startsWith('node_modules/\r\n')).toBe(true)
    expect(text.endsWith('.courier/\r\n')).toBe(true)
    expect(text.replace(/\r\n/g, '')).not.toContain('\n')
  })

  it.skipIf(process.platform === 'win32')('keeps the mode of an existing .gitignore', async () => {
    const dir = await workspace()
    await writeFile(join(dir, '.gitignore'), 'x\n', { mode: 0o600 })
    await ensureStateGitignore(dir)
    expect((await stat(join(dir, '.gitignore'))).mode & 0o777).toBe(0o600)
  })

  it('also ignores the state folder from inside it, once', async () => {
    const dir = await workspace()
    await ensureStateGitignore(dir)
    await ensureStateGitignore(dir)
    const inner = await readFile(join(dir, '.courier', '.gitignore'), 'utf8')
    expect(inner.split('\n').filter((line) => line === '*')).toEqual(['*'])
    if (process.platform !== 'win32') expect((await stat(join(dir, '.courier'))).mode & 0o777).toBe(0o700)
  })

  it('keeps git from adding state, even when the outer .gitignore re-includes it or loses its line', async () => {
    const dir = await workspace()
    const git = (...args: string[]) => promisify(execFile)('git', args, { cwd: dir })
    await git('init', '--quiet')
    await ensureStateGitignore(dir)
    StateDatabase.open(join(dir, '.courier', 'state.db')).close()
    await writeFile(join(dir, 'request.yaml'), 'method: GET\n')
    // A user's later edit: the outer line replaced by a pattern and a negation that would re-include the file.
    await writeFile(join(dir, '.gitignore'), '.courier/*\n!.courier/state.db\n')
    await git('add', '--all')
    const { stdout } = await git('ls-files', '--cached')
    expect(stdout.split('\n').filter(Boolean).sort()).toEqual(['.gitignore', 'request.yaml'])
  })
})
