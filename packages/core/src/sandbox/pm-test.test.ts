// pm.test, pm.expect (chai) and Postman's response assertions, as Postman runs them.
import { afterAll, describe, expect, it } from 'vitest'
import { createQuickJsScriptEngine } from './create-quickjs-script-engine.js'
import { sampleScriptInput } from './internal/sample-script-input.js'

const engine = createQuickJsScriptEngine()
afterAll(() => engine.close())
const run = (code: string) => engine.run(sampleScriptInput(code), { timeoutMs: 0 })

describe('pm.test', () => {
  it("records a passing and a failing test with chai's message", async () => {
    const out = await run(`
      pm.test('status is 200', () => pm.expect(200).to.equal(200))
      pm.test('wrong', function () { pm.expect(404).to.equal(200) })`)
    expect(out.error).toBeUndefined()
    expect(out.tests).toEqual([
      { name: 'status is 200', passed: true, skipped: false },
      {
        name: 'wrong',
        passed: false,
        skipped: false,
        error: { name: 'AssertionError', message: 'expected 404 to equal 200' },
      },
    ])
  })

  it('marks pm.test.skip as skipped without running it', async () => {
    const out = await run(`pm.test.skip('later', () => { throw new Error('ran') })`)
    expect(out.tests).toEqual([{ name: 'later', passed: false, skipped: true }])
  })

  it('waits for an async test and records its rejection', async () => {
    const out = await run(`
      pm.test('async ok', async () => { await Promise.resolve(); pm.expect(1).to.be.a('number') })
      pm.test('async fails', () => Promise.resolve().then(() => pm.expect([1]).to.include(2)))
      pm.test('never settles', () => new Promise(() => {}))`)
    expect(out.tests.map((t) => [t.name, t.passed, t.error?.message])).toEqual([
      ['async ok', true, undefined],
      ['async fails', false, 'expected [ 1 ] to include 2'],
      ['never settles', false, "the test's promise never settled"],
    ])
  })

  it('records an error thrown by a test without failing the script', async () => {
    const out = await run(`pm.test('throws', () => { null.x })`)
    expect(out.error).toBeUndefined()
    expect(out.tests[0]).toMatchObject({ passed: false, error: { name: 'TypeError' } })
  })
})

describe('pm.response', () => {
  it('exposes code, status, headers, time, size, json() and text()', async () => {
    const out = await run(`
      const r = pm.response
      pm.test('shape', () => {
        pm.expect([r.code, r.status, r.responseTime, r.responseSize]).to.deep.equal([200, 'OK', 12, 38])
        pm.expect(r.headers.get('content-type')).to.equal('application/json')
        pm.expect(r.json().name).to.equal('Ada')
        pm.expect(r.text()).to.have.string('"id":1')
      })`)
    expect(out.tests).toEqual([{ name: 'shape', passed: true, skipped: false }])
  })

  it("supports Postman's response assertions", async () => {
    const out = await run(`
      pm.test('pass', () => {
        pm.response.to.have.status(200)
        pm.response.to.have.status('OK')
        pm.response.to.be.ok
        pm.response.to.be.success
        pm.response.to.be.json
        pm.response.to.not.be.clientError
        pm.response.to.not.be.serverError
        pm.response.to.not.be.notFound
        pm.response.to.have.header('Content-Type')
        pm.response.to.have.header('content-type', 'application/json')
        pm.response.to.have.body('{"id":1,"name":"Ada","tags":["a","b"]}')
        pm.response.to.have.jsonBody()
        pm.response.to.have.jsonBody('name', 'Ada')
        pm.response.to.have.jsonBody('tags', ['a', 'b'])
        pm.expect(1).to.be.ok
      })
      pm.test('status', () => pm.response.to.have.status(404))
      pm.test('header', () => pm.response.to.have.header('X-Missing'))
      pm.test('path', () => pm.response.to.have.jsonBody('name', 'Bob'))
      pm.test('class', () => pm.response.to.be.clientError)
      pm.test('reason', () => pm.response.to.be.unauthorized)`)
    expect(out.tests.map((t) => t.error?.message ?? 'passed')).toEqual([
      'passed',
      'expected response to have status code 404 but got 200',
      'expected response to have header X-Missing',
      "response body name: expected 'Ada' to deeply equal 'Bob'",
      'expected response code to be 4XX but found 200',
      'expected response to have status code 401 but got 200',
    ])
  })
})
