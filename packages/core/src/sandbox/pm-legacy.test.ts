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
      tests['has Ada'] = responseBody.has ? false : responseBody.indexOf('Ada') >= 0
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
