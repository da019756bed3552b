// pm.response.headers / pm.request.headers with same-name headers, as postman-collection's HeaderList answers.
import { afterAll, describe, expect, it } from 'vitest'
import { createQuickJsScriptEngine } from './create-quickjs-script-engine.js'
import { sampleScriptInput } from './internal/sample-script-input.js'

const engine = createQuickJsScriptEngine()
afterAll(() => engine.close())

describe('header lists with same-name headers', () => {
  it('get() gives the last of them in any case, toObject() all of them as an array', async () => {
    const input = sampleScriptInput(
      `pm.test('headers', () => {
        pm.expect(pm.response.headers.get('content-type')).to.equal('text/plain')
        pm.expect(pm.response.headers.get('X-One')).to.equal('1')
        pm.expect(pm.response.headers.toObject()).to.deep.equal({
          'content-type': ['application/json', 'text/plain'],
          'x-one': '1',
        })
        pm.expect(pm.request.headers.get('accept')).to.equal('text/html')
      })`,
    )
    const out = await engine.run(
      {
        ...input,
        request: {
          ...input.request,
          headers: [
            { key: 'Accept', value: '*/*' },
            { key: 'accept', value: 'text/html' },
          ],
        },
        response: {
          ...input.response!,
          headers: [
            { key: 'Content-Type', value: 'application/json' },
            { key: 'X-One', value: '1' },
            { key: 'content-type', value: 'text/plain' },
          ],
        },
      },
      { timeoutMs: 0 },
    )
    expect(out.tests).toEqual([{ name: 'headers', passed: true, skipped: false }])
  })
})

describe('pm.request assertions', () => {
  it('asserts a header of the request, with or without its value', async () => {
    const out = await engine.run(
      sampleScriptInput(`
        pm.test('has', () => { pm.request.to.have.header('accept'); pm.request.to.have.header('Accept', '*/*') })
        pm.test('not', () => pm.request.to.not.have.header('X-Missing'))
        pm.test('missing', () => pm.request.to.have.header('Authorization'))
        pm.test('value', () => pm.request.to.have.header('Accept', 'text/html'))`),
      { timeoutMs: 0 },
    )
    expect(out.tests.map((t) => t.error?.message ?? 'passed')).toEqual([
      'passed',
      'passed',
      'expected request to have header Authorization',
      'expected request header Accept to be text/html but got */*',
    ])
  })
})
