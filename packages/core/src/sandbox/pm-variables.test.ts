// pm.environment, pm.globals, pm.collectionVariables, pm.iterationData, pm.variables and pm.request, as in Postman.
import { afterAll, describe, expect, it } from 'vitest'
import { createQuickJsScriptEngine } from './create-quickjs-script-engine.js'
import { sampleScriptInput } from './internal/sample-script-input.js'
import type { ScriptScopes } from './types.js'

const engine = createQuickJsScriptEngine()
afterAll(() => engine.close())

const scopes: ScriptScopes = {
  globals: [
    { key: 'name', value: 'from globals' },
    { key: 'onlyGlobal', value: 'g' },
  ],
  collection: [
    { key: 'name', value: 'from collection' },
    { key: 'base', value: 'https://{{host}}' },
  ],
  environment: [
    { key: 'name', value: 'from environment' },
    { key: 'host', value: 'api.example.com' },
    { key: 'off', value: 'x', enabled: false },
  ],
  iterationData: [{ key: 'name', value: 'from data' }],
  local: [],
}
const run = (code: string, event: 'prerequest' | 'test' = 'prerequest') =>
  engine.run(sampleScriptInput(code, { event, scopes: structuredClone(scopes) }), { timeoutMs: 0 })

describe('pm variables', () => {
  it('looks a name up local > data > environment > collection > globals', async () => {
    const out = await run(`
      const seen = [pm.variables.get('name')]
      pm.variables.set('name', 'from local')
      seen.push(pm.variables.get('name'), pm.variables.get('onlyGlobal'), pm.variables.get('off'), pm.variables.has('nope'))
      pm.test('precedence', () => pm.expect(seen).to.deep.equal(['from data', 'from local', 'g', undefined, false]))`)
    expect(out.tests[0]).toMatchObject({ passed: true })
    expect(out.scopes.local).toEqual([{ key: 'name', value: 'from local' }])
  })

  it('gets, sets, unsets and clears each scope, and the runner gets the changes back', async () => {
    const out = await run(`
      pm.environment.set('token', 'abc')
      pm.environment.set('host', 'other.example.com')
      pm.environment.unset('name')
      pm.globals.clear()
      pm.collectionVariables.set('count', 2)
      pm.test('reads', () => {
        pm.expect(pm.environment.get('token')).to.equal('abc')
        pm.expect(pm.environment.has('name')).to.equal(false)
        pm.expect(pm.collectionVariables.toObject()).to.deep.equal({ name: 'from collection', base: 'https://{{host}}', count: 2 })
        pm.expect(pm.iterationData.get('name')).to.equal('from data')
        pm.expect(pm.iterationData.set).to.equal(undefined)
      })`)
    expect(out.error).toBeUndefined()
    expect(out.tests[0]).toMatchObject({ passed: true })
    expect(out.scopes.environment).toEqual([
      { key: 'host', value: 'other.example.com' },
      { key: 'off', value: 'x', enabled: false },
      { key: 'token', value: 'abc' },
    ])
    expect(out.scopes.globals).toEqual([])
    expect(out.scopes.collection).toContainEqual({ key: 'count', value: 2 })
  })

  it('replaces {{name}} tokens, nested ones too', async () => {
    const out = await run(`
      pm.test('replaceIn', () => {
        pm.expect(pm.variables.replaceIn('{{base}}/users/{{name}}/{{unknown}}')).to.equal('https://api.example.com/users/from data/{{unknown}}')
        pm.expect(pm.environment.replaceIn('{{name}}')).to.equal('from environment')
      })`)
    expect(out.tests[0]).toMatchObject({ passed: true })
  })
})

describe('pm.request', () => {
  it('lets a pre-request script change the url, method, headers and body', async () => {
    const out = await run(`
      pm.test('reads', () => {
        pm.expect(pm.request.url.toString()).to.equal('https://api.example.com/users/1')
        pm.expect(pm.request.method).to.equal('GET')
        pm.expect(pm.request.headers.get('accept')).to.equal('*/*')
      })
      pm.request.url = 'https://api.example.com/users/2'
      pm.request.method = 'post'
      pm.request.headers.add({ key: 'X-Trace', value: '1' })
      pm.request.headers.upsert({ key: 'accept', value: 'application/json' })
      pm.request.headers.remove('X-Trace')
      pm.request.headers.add({ key: 'Authorization', value: 'Bearer ' + btoa('a:b') })
      pm.request.body = '{"a":1}'`)
    expect(out.tests[0]).toMatchObject({ passed: true })
    expect(out.request).toEqual({
      method: 'POST',
      url: 'https://api.example.com/users/2',
      headers: [
        { key: 'Accept', value: 'application/json' },
        { key: 'Authorization', value: 'Bearer YTpi' },
      ],
      body: '{"a":1}',
    })
  })
})
