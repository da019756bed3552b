import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeFileAtomic } from './write-file-atomic.js'

describe('writeFileAtomic', () => {
  it('replaces the content of an existing file and leaves no temporary file behind', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'courier-atomic-'))
    const target = join(folder, 'c.json')
    await writeFile(target, 'old')
    await writeFileAtomic(target, 'new content')
    expect(await readFile(target, 'utf8')).toBe('new content')
    expect(await readdir(folder)).toEqual(['c.json'])
  })

  it('keeps the old file when the write fails', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'courier-atomic-'))
    const target = join(folder, 'missing-dir', 'c.json')
    await expect(writeFileAtomic(target, 'x')).rejects.toMatchObject({ code: 'ENOENT' })
    expect(await readdir(folder)).toEqual([])
  })
})
