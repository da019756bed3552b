// chai-postman's assertions beyond the response basics: jsonSchema (on the bundled ajv, in the words Postman's
// sandbox uses), postmanRequest / postmanResponse, statusCode, statusCodeClass and statusReason.
import { afterAll, describe, expect, it } from 'vitest'
import { createQuickJsScriptEngine } from './create-quickjs-script-engine.js'
import { sampleScriptInput } from './internal/sample-script-input.js'

const engine = createQuickJsScriptEngine()
afterAll(() => engine.close())
const run = (code: string) => engine.run(sampleScriptInput(code), { timeoutMs: 0 })
const outcomes = async (code: string) => {
  const out = await run(code)
  expect(out.error).toBeUndefined()
  return out.tests.map((t) => [t.name, t.passed, t.error?.message])
}

describe('jsonSchema', () => {
  it('validates a value and the JSON body of pm.response, negated too', async () => {
    expect(
      await outcomes(`
      const schema = { properties: { alpha: { type: 'boolean' } } }
      pm.test('valid', () => pm.expect({ alpha: true }).to.have.jsonSchema(schema))
      pm.test('negated', () => pm.expect({ alpha: 1 }).to.not.have.jsonSchema(schema))
      pm.test('body', () => pm.response.to.have.jsonSchema({ required: ['id'], properties: { id: { type: 'number' } } }))
      pm.test('body wrong', () => pm.response.to.have.jsonSchema({ properties: { name: { type: 'number' } } }))`),
    ).toEqual([
      ['valid', true, undefined],
      ['negated', true, undefined],
      ['body', true, undefined],
      [
        'body wrong',
        false,
        'expected data to satisfy schema but found following errors: \ndata.name should be number',
      ],
    ])
  })

  it("lists every error with Postman's paths (dots, [index], ['odd key'])", async () => {
    const [[, passed, message]] = (await outcomes(`
      pm.test('errors', () => pm.expect({ list: [1, 'x'], 'a-b': 2 }).to.have.jsonSchema({
        required: ['missing'],
        properties: { list: { items: { type: 'number' } }, 'a-b': { type: 'string' } },
      }))`)) as [[string, boolean, string]]
    expect(passed).toBe(false)
    expect(message).toBe(
      'expected data to satisfy schema but found following errors: \n' +
        "data should have required property 'missing', data.list[1] should be number, data['a-b'] should be string",
    )
  })

  it('fails a negated assertion on matching data', async () => {
    expect(
      await outcomes(`pm.test('n', () => pm.expect('x').to.not.have.jsonSchema({ type: 'string' }))`),
    ).toEqual([['n', false, 'expected data to not satisfy schema']])
  })
})

describe('request and response kinds and status assertions', () => {
  it('tells pm.request from pm.response', async () => {
    expect(
      await outcomes(`
      pm.test('request', () => {
        pm.request.to.be.a.postmanRequest
        pm.request.to.not.be.a.postmanResponse
        pm.request.to.be.a.postmanRequestOrResponse
      })
      pm.test('response', () => {
        pm.response.to.be.a.postmanResponse
        pm.response.to.not.be.a.postmanRequest
      })
      pm.test('plain object', () => pm.expect({}).to.be.a.postmanRequestOrResponse)`),
    ).toEqual([
      ['request', true, undefined],
      ['response', true, undefined],
      ['plain object', false, 'expecting a postman request or response object but got {}'],
    ])
  })

  it('checks statusCode, statusCodeClass and statusReason', async () => {
    expect(
      await outcomes(`
      pm.test('ok', () => {
        pm.response.to.have.statusCode(200)
        pm.response.to.not.have.statusCode(400)
        pm.response.to.have.statusCodeClass(2)
        pm.response.to.have.statusReason('OK')
      })
      pm.test('code', () => pm.response.to.have.statusCode(201))
      pm.test('reason', () => pm.response.to.have.statusReason('Created'))`),
    ).toEqual([
      ['ok', true, undefined],
      ['code', false, 'expected response to have status code 201 but got 200'],
      ['reason', false, "expected response to have status reason 'Created' but got 'OK'"],
    ])
  })
})
