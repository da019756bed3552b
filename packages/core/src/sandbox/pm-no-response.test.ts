// A test script after a network error (no response), as postman-sandbox runs it.
import { afterAll, describe, expect, it } from 'vitest'
import { createQuickJsScriptEngine } from './create-quickjs-script-engine.js'
import { sampleScriptInput } from './internal/sample-script-input.js'

const engine = createQuickJsScriptEngine()
afterAll(() => engine.close())

describe('a test script without a response', () => {
  it('has the legacy placeholders and an empty pm.response, so tests fail instead of the script', async () => {
    const { response: _, ...input } = sampleScriptInput(`
      tests['Status is 200'] = responseCode.code === 200
      tests['placeholders'] = isNaN(responseCode.code) && responseCode.name === '' && responseCode.details === '' &&
        isNaN(responseTime) && Object.keys(responseHeaders).length === 0 && responseBody === undefined
      pm.test('pm.response is there, empty', () => {
        pm.expect(pm.response.code).to.equal(undefined)
        pm.expect(pm.response.headers.count()).to.equal(0)
        pm.expect(pm.response.text()).to.equal(undefined)
      })
      pm.test('status', () => pm.response.to.have.status(200))`)
    const out = await engine.run(input, { timeoutMs: 0 })
    expect(out.error).toBeUndefined()
    expect(out.tests.map((t) => [t.name, t.passed])).toEqual([
      ['pm.response is there, empty', true],
      ['status', false],
      ['Status is 200', false],
      ['placeholders', true],
    ])
  })

  it('has no response in a pre-request script', async () => {
    const { response: _, ...input } = sampleScriptInput(
      `pm.test('none', () => pm.expect(pm.response).to.equal(undefined))`,
      { event: 'prerequest' },
    )
    const out = await engine.run(input, { timeoutMs: 0 })
    expect(out.tests).toEqual([{ name: 'none', passed: true, skipped: false }])
  })
})
