// Legacy globals (tests[], responseBody, responseCode, postman.*), pm.execution, pm.info and console capture.
import { afterAll, describe, expect, it } from 'vitest'
import { createQuickJsScriptEngine } from './create-quickjs-script-engine.js'
import { sampleScriptInput } from './internal/sample-script-input.js'

const engine = createQuickJsScriptEngine()
afterAll(() => engine.close())
const run = (code: string) => engine.run(sampleScriptInput(code), { timeoutMs: 0 })

describe('legacy test globals', () => {
  it('turns tests[…] into test results', async () => {
    const out = await run(`
      tests['status is 200'] = responseCode.code === 200
      tests['name is OK'] = responseCode.name === 'OK'
      tests['has Ada'] = responseBody.has('Ada')
      tests['fast'] = responseTime < 5
      tests['json header'] = responseHeaders['Content-Type'] === 'application/json'`)
    expect(out.tests.map((t) => [t.name, t.passed])).toEqual([
      ['status is 200', true],
      ['name is OK', true],
      ['has Ada', true],
      ['fast', false],
      ['json header', true],
    ])
    expect(out.tests[3]?.error).toEqual({ name: 'AssertionError', message: 'expected false to be truthy' })
  })

  it('supports postman.* variables and the data, environment and iteration globals', async () => {
    const out = await engine.run(
      sampleScriptInput(
        `postman.setEnvironmentVariable('a', '1')
        postman.setGlobalVariable('g', postman.getEnvironmentVariable('a') + data.user + iteration + environment.host)
        tests['read'] = postman.getGlobalVariable('g') === '1ada2api' && globals.old === 'x'
        postman.clearEnvironmentVariables()`,
        {
          scopes: {
            globals: [{ key: 'old', value: 'x' }],
            collection: [],
            environment: [{ key: 'host', value: 'api' }],
            iterationData: [{ key: 'user', value: 'ada' }],
            local: [],
          },
          info: {
            requestName: 'Get User',
            requestId: 'r',
            iteration: 2,
            iterationCount: 3,
            eventName: 'test',
          },
        },
      ),
      { timeoutMs: 0 },
    )
    expect(out.tests).toEqual([{ name: 'read', passed: true, skipped: false }])
    expect(out.scopes.environment).toEqual([])
    expect(out.scopes.globals).toContainEqual({ key: 'g', value: '1ada2api' })
  })
  it('keeps the environment and globals objects in step with the postman.* setters, not with pm.*', async () => {
    const out = await engine.run(
      sampleScriptInput(
        `postman.setEnvironmentVariable('e', 2)
        postman.setGlobalVariable('g', '3')
        tests['set'] = environment.e === '2' && globals.g === '3' && environment.host === 'api'
        postman.clearEnvironmentVariable('e')
        postman.clearGlobalVariables()
        tests['cleared'] = !('e' in environment) && Object.keys(globals).length === 0 && environment.host === 'api'
        pm.environment.set('p', 'x')
        tests['pm.environment.set is not shown'] = environment.p === undefined`,
        {
          scopes: {
            globals: [{ key: 'old', value: 'x' }],
            collection: [],
            environment: [{ key: 'host', value: 'api' }],
            iterationData: [],
            local: [],
          },
        },
      ),
      { timeoutMs: 0 },
    )
    expect(out.tests.map((t) => [t.name, t.passed])).toEqual([
      ['set', true],
      ['cleared', true],
      ['pm.environment.set is not shown', true],
    ])
    expect(out.scopes.globals).toEqual([])
  })

  it('gives the request global its id, name, description and form data (a repeated key as an array)', async () => {
    const out = await engine.run(
      sampleScriptInput(
        `tests['id and name'] = request.id === 'req-1' && request.name === 'Get User'
        tests['description'] = request.description === 'Reads a user'
        tests['data'] = JSON.stringify(request.data) === '{"name":["a","b","c"],"one":"1"}'
        tests['file field'] = 'file' in request.data && request.data.file === undefined`,
        {
          request: {
            method: 'POST',
            url: 'https://api.example.com/users',
            headers: [],
            description: 'Reads a user',
            form: [
              { key: 'name', value: 'a' },
              { key: 'name', value: 'b' },
              { key: 'file' },
              { key: 'name', value: 'c' },
              { key: 'one', value: '1' },
            ],
          },
        },
      ),
      { timeoutMs: 0 },
    )
    expect(out.tests.map((t) => [t.name, t.passed])).toEqual([
      ['id and name', true],
      ['description', true],
      ['data', true],
      ['file field', true],
    ])
  })

  it('gives request.data as the raw body text, or {} without a body', async () => {
    const request = { method: 'POST', url: 'https://api.example.com/users', headers: [] }
    const raw = await engine.run(
      sampleScriptInput(`tests['raw'] = request.data === '{"a":1}'`, {
        request: { ...request, body: '{"a":1}' },
      }),
      { timeoutMs: 0 },
    )
    const none = await engine.run(
      sampleScriptInput(
        `tests['none'] = JSON.stringify(request.data) === '{}' && request.description === undefined`,
        {
          request,
        },
      ),
      { timeoutMs: 0 },
    )
    expect([...raw.tests, ...none.tests].map((t) => [t.name, t.passed])).toEqual([
      ['raw', true],
      ['none', true],
    ])
  })

  // Issue #6: the copies are made only for a script that can see them (it names them, or uses arguments or eval).
  it('gives the legacy parameters to a script that reaches them through arguments or eval, and none otherwise', async () => {
    const input = (code: string) =>
      sampleScriptInput(code, {
        scopes: {
          globals: [],
          collection: [],
          environment: [{ key: 'e', value: '1' }],
          iterationData: [],
          local: [],
        },
      })
    const viaArguments = await engine.run(
      input(`(function () {})(); const a = arguments
      pm.test('seen', () => pm.expect([a[3].method, a[4].e, a[10]['Content-Type']]).to.deep.equal(['GET', '1', 'application/json']))`),
      { timeoutMs: 0 },
    )
    expect(viaArguments.tests).toEqual([{ name: 'seen', passed: true, skipped: false }])
    const viaEval = await engine.run(
      input(`pm.test('seen', () => pm.expect(eval('environment').e).to.equal('1'))`),
      {
        timeoutMs: 0,
      },
    )
    expect(viaEval.tests).toEqual([{ name: 'seen', passed: true, skipped: false }])
    // Not named: postman.* setters still set the scope, with no copy to keep in step.
    const unnamed = await engine.run(
      input(`postman.setEnvironmentVariable('f', 2); postman.clearEnvironmentVariable('e')
      pm.test('set', () => pm.expect(pm.environment.toObject()).to.deep.equal({ f: '2' }))`),
      { timeoutMs: 0 },
    )
    expect(unnamed.tests).toEqual([{ name: 'set', passed: true, skipped: false }])
    expect(unnamed.scopes.environment).toEqual([{ key: 'f', value: '2' }])
  })
})

describe('pm.execution and pm.info', () => {
  it('leaves nextRequest out when the script does not set it', async () => {
    const out = await run('1')
    expect(out).not.toHaveProperty('nextRequest')
    expect(out.skipRequest).toBe(false)
  })

  it('records setNextRequest by name, null to stop, and skipRequest', async () => {
    expect((await run("pm.execution.setNextRequest('Login')")).nextRequest).toBe('Login')
    expect((await run('postman.setNextRequest(null)')).nextRequest).toBeNull()
    expect((await run('pm.execution.skipRequest()')).skipRequest).toBe(true)
  })

  it('describes the running request', async () => {
    const out = await run(
      `tests['info'] = pm.info.requestName === 'Get User' && pm.info.iterationCount === 1 && pm.info.eventName === 'test'`,
    )
    expect(out.tests[0]?.passed).toBe(true)
  })
})

describe('console', () => {
  it('captures each level with its arguments as text', async () => {
    const out = await run(`
      console.log('user', { id: 1 }, [1, 2], 3, undefined, null)
      console.warn(new Error('careful'))
      console.error('bad'); console.info('i'); console.debug('d')`)
    expect(out.console).toEqual([
      { level: 'log', text: 'user {"id":1} [1,2] 3 undefined null' },
      { level: 'warn', text: 'Error: careful' },
      { level: 'error', text: 'bad' },
      { level: 'info', text: 'i' },
      { level: 'debug', text: 'd' },
    ])
  })

  it('decodes and encodes base64', async () => {
    const out = await run(
      `tests['b64'] = atob(btoa('hello, world')) === 'hello, world' && btoa('ab') === 'YWI='`,
    )
    expect(out.tests[0]?.passed).toBe(true)
  })
})
