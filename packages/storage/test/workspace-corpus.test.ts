// Real repositories whose Postman v12 app wrote a v3 workspace (../shared/corpus/postman-v3, read in place, never
// copied): each opens as a Courier workspace with no problem, and opening writes nothing into them.
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Workspace } from '../src/index.js'

const corpus = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'corpus', 'postman-v3')
const repositories = readdirSync(corpus, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)

describe('the v3 corpus, opened as workspaces', () => {
  it('has repositories to open', () => {
    expect(repositories.length).toBeGreaterThanOrEqual(10)
  })

  it.each(repositories)('%s opens with no problem and is left untouched', async (name) => {
    const root = join(corpus, name)
    const ws = await Workspace.open(root)
    expect(ws.problems).toEqual([])
    expect(ws.collections().length + ws.environments().length).toBeGreaterThan(0)
    for (const { collection } of ws.collections()) expect(collection.info?.name).toBeTruthy()
    expect(existsSync(join(root, '.courier'))).toBe(false)
  })
})
