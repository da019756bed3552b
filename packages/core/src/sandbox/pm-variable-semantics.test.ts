// Postman's finer variable semantics in the pm layer: duplicate keys (postman-collection's VariableList), the legacy
// setters' coercion (postman-sandbox's legacy interface) and dynamic variables in replaceIn.
import { afterAll, describe, expect, it } from 'vitest'
import { createQuickJsScriptEngine } from './create-quickjs-script-engine.js'
import { sampleScriptInput } from './internal/sample-script-input.js'
import type { ScriptScopes } from './types.js'
import type { Variable } from '../variables/index.js'

const engine = createQuickJsScriptEngine()
afterAll(() => engine.close())

function scopes(environment: Variable[], globals: Variable[] = []): ScriptScopes {
  return { globals, collection: [], environment, iterationData: [], local: [] }
}

async function run(code: string, environment: Variable[] = [], globals: Variable[] = []) {
  const out = await engine.run(sampleScriptInput(code, { scopes: scopes(environment, globals) }), {
    timeoutMs: 0,
  })
  expect(out.error).toBeUndefined()
  return out
}

/** The script's console lines, each parsed as JSON. */
async function logged(code: string, environment: Variable[] = []): Promise<unknown[]> {
  const out = await run(code, environment)
  return out.console.map((line) => JSON.parse(line.text) as unknown)
}

describe('duplicate variable keys', () => {
  const duplicates: Variable[] = [
    { key: 'duplicate', value: '1' },
    { key: 'duplicate', value: '2' },
    { key: 'oneDisabled', value: '1' },
    { key: 'oneDisabled', value: '2', disabled: true },
    { key: 'onlyDisabled', value: 'x', disabled: true },
  ]

  it('reads the last enabled one, as Newman does', async () => {
    expect(
      await logged(
        `console.log(JSON.stringify([pm.environment.get('duplicate'), pm.environment.get('oneDisabled'),
          pm.environment.has('onlyDisabled'), pm.environment.toObject(), pm.variables.get('duplicate'),
          pm.environment.replaceIn('{{duplicate}}'), postman.getEnvironmentVariable('duplicate'), environment.duplicate]))`,
        duplicates,
      ),
    ).toEqual([['2', '1', false, { duplicate: '2', oneDisabled: '1' }, '2', '2', '2', '2']])
  })

  it('sets the one it reads, and leaves disabled ones as they are', async () => {
    const out = await run(
      `pm.environment.set('duplicate', 'new')
      pm.environment.set('onlyDisabled', 'enabled now')
      pm.environment.unset('oneDisabled')`,
      duplicates,
    )
    expect(out.scopes.environment).toEqual([
      { key: 'duplicate', value: '1' },
      { key: 'duplicate', value: 'new' },
      { key: 'oneDisabled', value: '2', disabled: true },
      { key: 'onlyDisabled', value: 'x', disabled: true },
      { key: 'onlyDisabled', value: 'enabled now' },
    ])
  })
})

describe('the legacy setters', () => {
  it('store values as text, as Postman does', async () => {
    const out = await run(`
      postman.setEnvironmentVariable('number', 5)
      postman.setEnvironmentVariable('false', false)
      postman.setEnvironmentVariable('object', { a: 1 })
      postman.setEnvironmentVariable('array', [1, 2])
      postman.setEnvironmentVariable('zero', 0)
      postman.setEnvironmentVariable('null', null)
      postman.setGlobalVariable('number', 7.5)
      pm.environment.set('pm keeps types', 5)`)
    expect(out.scopes.environment).toEqual([
      { key: 'number', value: '5' },
      { key: 'false', value: false },
      { key: 'object', value: '[object Object]' },
      { key: 'array', value: '1,2' },
      { key: 'zero', value: 0 },
      { key: 'null', value: null },
      { key: 'pm keeps types', value: 5 },
    ])
    expect(out.scopes.globals).toEqual([{ key: 'number', value: '7.5' }])
  })
})

describe('dynamic variables in replaceIn', () => {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

  it('makes $guid, $randomUUID, $timestamp, $isoTimestamp and $randomInt', async () => {
    const [values] = (await logged(
      `console.log(JSON.stringify(['{{$guid}}', '{{$randomUUID}}', '{{$timestamp}}', '{{$isoTimestamp}}', '{{$randomInt}}']
        .map(function (t) { return pm.variables.replaceIn(t) })))`,
    )) as [string[]]
    const [guid, randomUuid, timestamp, isoTimestamp, randomInt] = values
    expect(guid).toMatch(uuid)
    expect(randomUuid).toMatch(uuid)
    expect(timestamp).toMatch(/^\d{10}$/)
    expect(new Date(isoTimestamp ?? '').toISOString()).toBe(isoTimestamp)
    expect(Number(randomInt)).toSatisfy((n: number) => Number.isInteger(n) && n >= 0 && n <= 1000)
  })

  it('gives each occurrence its own value', async () => {
    const [text] = (await logged(
      "console.log(JSON.stringify(pm.variables.replaceIn('{{$guid}} {{$guid}}')))",
    )) as [string]
    const [a, b] = text.split(' ')
    expect(a).toMatch(uuid)
    expect(a).not.toBe(b)
  })

  it("makes the faker ones with the runner's own generators", async () => {
    const [values] = (await logged(
      `console.log(JSON.stringify([pm.variables.replaceIn('{{$randomFirstName}}'),
        pm.environment.replaceIn('{{$randomEmail}}'), pm.variables.replaceIn('{{$randomBoolean}}')]))`,
    )) as [string[]]
    const [firstName, email, flag] = values
    expect(firstName).toMatch(/^[A-Z][A-Za-z' -]+$/)
    expect(email).toMatch(/^\S+@\S+\.\S+$/)
    expect(['true', 'false']).toContain(flag)
  })

  it('prefers a variable of the same name, and keeps unknown names as written', async () => {
    expect(
      await logged(
        "console.log(JSON.stringify(pm.variables.replaceIn('{{$guid}} {{$notAVariable}} {{missing}}')))",
        [{ key: '$guid', value: 'mine' }],
      ),
    ).toEqual(['mine {{$notAVariable}} {{missing}}'])
  })
})
