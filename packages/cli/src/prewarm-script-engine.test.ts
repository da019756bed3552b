// The engine bin/courier.js starts early for `courier run`: started only when the target may have scripts, handed
// over once, closed when the run has none.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { ScriptInput } from '@courier/core'
import { discardPrewarmedEngine, prewarmScriptEngine, takeScriptEngine } from './prewarm-script-engine.js'

const dir = mkdtempSync(path.join(tmpdir(), 'courier-prewarm-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const file = (name: string, collection: unknown) => {
  const target = path.join(dir, name)
  writeFileSync(target, JSON.stringify(collection))
  return target
}
const withScript = file('scripts.json', {
  info: { name: 's' },
  item: [
    { name: 'r', event: [{ listen: 'test', script: { exec: ['tests.ok = true'] } }], request: 'http://x' },
  ],
})
const input: ScriptInput = {
  event: 'prerequest',
  code: 'tests.ok = true',
  origin: 'r › prerequest',
  request: { method: 'GET', url: 'http://127.0.0.1/', headers: [] },
  scopes: { globals: [], collection: [], environment: [], iterationData: [], local: [] },
  info: { requestName: 'r', requestId: 'r', iteration: 0, iterationCount: 1, eventName: 'prerequest' },
}
const withoutScript = file('plain.json', { info: { name: 'p' }, item: [{ name: 'r', request: 'http://x' }] })

describe('prewarmScriptEngine', () => {
  it('starts no engine for a collection file without a script', async () => {
    expect(prewarmScriptEngine(withoutScript)).toBe(false)
    await discardPrewarmedEngine()
  })

  it('starts one for a collection with scripts, or a target that is not a file, and hands it over once', async () => {
    expect(prewarmScriptEngine(path.join(dir, 'Workspace Collection/Folder'))).toBe(true)
    await discardPrewarmedEngine()
    expect(prewarmScriptEngine(withScript)).toBe(true)
    // A second call keeps the engine already started.
    expect(prewarmScriptEngine(withoutScript)).toBe(true)
    const engine = takeScriptEngine()
    const other = takeScriptEngine()
    expect(other).not.toBe(engine)
    const output = await engine.run(input, { timeoutMs: 0 })
    expect(output.tests).toEqual([{ name: 'ok', passed: true, skipped: false }])
    await Promise.all([engine.close(), other.close()])
    expect(prewarmScriptEngine(withoutScript)).toBe(false)
  })

  it('closes the engine of a run without scripts', async () => {
    expect(prewarmScriptEngine(withScript)).toBe(true)
    await discardPrewarmedEngine()
    expect(prewarmScriptEngine(withoutScript)).toBe(false)
  })
})
