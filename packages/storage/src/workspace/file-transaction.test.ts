import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { commitFileChanges, contentHash, recoverPendingChanges } from './file-transaction.js'

let root: string
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'courier-tx-'))
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

const file = (path: string) => join(root, ...path.split('/'))

describe('commitFileChanges', () => {
  it('writes new files in new folders and returns their hashes', async () => {
    const hashes = await commitFileChanges(root, [
      { path: 'postman/collections/Api/Get.request.yaml', text: 'a: 1\n', expected: null },
    ])
    expect(await readFile(file('postman/collections/Api/Get.request.yaml'), 'utf8')).toBe('a: 1\n')
    expect(hashes.get('postman/collections/Api/Get.request.yaml')).toBe(contentHash('a: 1\n'))
  })

  it('refuses a stale write and writes nothing at all', async () => {
    await commitFileChanges(root, [
      { path: 'postman/collections/Api/A.request.yaml', text: 'a: 1\n' },
      { path: 'postman/collections/Api/B.request.yaml', text: 'b: 1\n' },
    ])
    // Someone else edits B after we read it.
    await writeFile(file('postman/collections/Api/B.request.yaml'), 'b: edited by hand\n')
    const attempt = commitFileChanges(root, [
      { path: 'postman/collections/Api/A.request.yaml', text: 'a: 2\n', expected: contentHash('a: 1\n') },
      { path: 'postman/collections/Api/B.request.yaml', text: 'b: 2\n', expected: contentHash('b: 1\n') },
    ])
    await expect(attempt).rejects.toMatchObject({
      code: 'WORKSPACE_STALE',
      message: expect.stringContaining('postman/collections/Api/B.request.yaml was changed') as unknown,
    })
    expect(await readFile(file('postman/collections/Api/A.request.yaml'), 'utf8')).toBe('a: 1\n')
    expect(await readFile(file('postman/collections/Api/B.request.yaml'), 'utf8')).toBe('b: edited by hand\n')
  })

  it('refuses to create a file someone else created meanwhile, and to overwrite one deleted meanwhile', async () => {
    await writeFile(file('x.yaml'), 'theirs\n')
    await expect(
      commitFileChanges(root, [{ path: 'x.yaml', text: 'ours\n', expected: null }]),
    ).rejects.toThrow(/x\.yaml was created by someone else/)
    await rm(file('x.yaml'))
    await expect(
      commitFileChanges(root, [{ path: 'x.yaml', text: 'ours\n', expected: contentHash('theirs\n') }]),
    ).rejects.toThrow(/x\.yaml was deleted/)
  })

  it('deletes files and the folders they leave empty, but never the postman folder itself', async () => {
    await commitFileChanges(root, [{ path: 'postman/collections/Api/Deep/Old.request.yaml', text: 'x\n' }])
    await commitFileChanges(root, [{ path: 'postman/collections/Api/Deep/Old.request.yaml', text: null }])
    expect(existsSync(file('postman/collections/Api/Deep'))).toBe(false)
    expect(existsSync(file('postman/collections/Api'))).toBe(false)
    expect(existsSync(file('postman'))).toBe(true)
  })

  it('refuses paths that leave the workspace', async () => {
    await expect(commitFileChanges(root, [{ path: '../escape.yaml', text: 'x' }])).rejects.toThrow(
      /not a workspace-relative path/,
    )
    await expect(commitFileChanges(root, [{ path: '/etc/passwd', text: 'x' }])).rejects.toThrow()
  })

  it('serialises concurrent writers: every change lands, none is torn', async () => {
    const writes = Array.from({ length: 12 }, (_, i) =>
      commitFileChanges(root, [
        { path: `postman/collections/Api/R${i}.request.yaml`, text: `n: ${i}\n` },
        { path: 'postman/collections/Api/shared.yaml', text: `last: ${i}\n` },
      ]),
    )
    await Promise.all(writes)
    for (let i = 0; i < 12; i++)
      expect(await readFile(file(`postman/collections/Api/R${i}.request.yaml`), 'utf8')).toBe(`n: ${i}\n`)
    expect(await readFile(file('postman/collections/Api/shared.yaml'), 'utf8')).toMatch(/^last: \d+\n$/)
    expect(existsSync(file('.courier/journal.json'))).toBe(false)
  })
})

describe('recoverPendingChanges', () => {
  it('rolls forward a multi-file write a killed process left half-done', async () => {
    // The state after a crash: the journal was written, the first file applied, the second not.
    await mkdir(file('.courier'), { recursive: true })
    await mkdir(file('postman/collections/Api'), { recursive: true })
    await writeFile(file('postman/collections/Api/New name.request.yaml'), 'renamed\n')
    await writeFile(file('postman/collections/Api/Old name.request.yaml'), 'renamed\n')
    await writeFile(
      file('.courier/journal.json'),
      JSON.stringify({
        version: 1,
        changes: [
          { path: 'postman/collections/Api/New name.request.yaml', text: 'renamed\n' },
          { path: 'postman/collections/Api/Old name.request.yaml', text: null },
        ],
      }),
    )
    expect(await recoverPendingChanges(root)).toBe(true)
    expect(existsSync(file('postman/collections/Api/Old name.request.yaml'))).toBe(false)
    expect(await readFile(file('postman/collections/Api/New name.request.yaml'), 'utf8')).toBe('renamed\n')
    expect(existsSync(file('.courier/journal.json'))).toBe(false)
    expect(await recoverPendingChanges(root)).toBe(false)
  })
})
