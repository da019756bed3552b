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
