import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Workspace } from '@courier/storage'
import pc from 'picocolors'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Terminal } from '../../terminal.js'
import { importCommand } from './import.js'

let root: string
let file: string
let output: string
const terminal: Terminal = {
  out: (text) => (output += text),
  err: (text) => (output += text),
  colors: pc.createColors(false),
  isTTY: false,
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'courier-import-'))
  output = ''
  await Workspace.init(root)
  file = join(root, 'api.postman_collection.json')
  await writeFile(
    file,
    JSON.stringify({
      info: { name: 'API', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      item: [{ name: 'Get', request: { method: 'GET', url: 'https://api.example.test/' } }],
    }),
  )
  await importCommand([file], { workspace: root, onConflict: 'error', json: false }, terminal)
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

/** A user who answers the questions in turn, and the questions asked. */
function user(...answers: string[]) {
  const questions: string[] = []
  return {
    questions,
    ask: (question: string) => {
      questions.push(question)
      return Promise.resolve(answers.shift() ?? '')
    },
  }
}

describe('courier import: an existing collection on a terminal', () => {
  it('asks, and "b" keeps both', async () => {
    const answers = user('b')
    await importCommand(
      [file],
      { workspace: root, onConflict: 'error', json: false, ask: answers.ask },
      terminal,
    )
    expect(answers.questions).toEqual([
      '"API" is already in the workspace: [r]eplace it, keep [b]oth, or [s]kip? ',
    ])
    expect((await Workspace.open(root)).collections().map((c) => c.dir)).toEqual([
      'postman/collections/API',
      'postman/collections/API-1',
    ])
  })

  it('asks again after an answer it does not understand; "s" skips and changes nothing', async () => {
    const answers = user('maybe', 's')
    await importCommand(
      [file],
      { workspace: root, onConflict: 'error', json: false, ask: answers.ask },
      terminal,
    )
    expect(answers.questions).toHaveLength(2)
    expect(output).toContain('skipped')
    expect((await Workspace.open(root)).collections()).toHaveLength(1)
  })

  it('"r" replaces it', async () => {
    await writeFile(
      file,
      JSON.stringify({
        info: { name: 'API', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
        item: [],
      }),
    )
    await importCommand(
      [file],
      { workspace: root, onConflict: 'error', json: false, ask: user('r').ask },
      terminal,
    )
    const ws = await Workspace.open(root)
    expect(ws.collections()).toHaveLength(1)
    expect(ws.collection('API').collection.item).toEqual([])
  })

  it('without a terminal to ask on, the conflict is an error', async () => {
    await expect(
      importCommand([file], { workspace: root, onConflict: 'error', json: false }, terminal),
    ).rejects.toMatchObject({ code: 'WORKSPACE_CONFLICT' })
  })
})
