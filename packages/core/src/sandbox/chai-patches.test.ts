// The sandbox's chai is npm's chai with three speed patches (scripts/bundle-sandbox.mjs: the proxy trap, messages made
// on failure, lengthOf's length check). Each assertion here runs both in the sandbox and in chai itself, here in Node:
// the same outcome and the same message.
import * as chai from 'chai'
import { afterAll, describe, expect, it } from 'vitest'
import { createQuickJsScriptEngine } from './create-quickjs-script-engine.js'
import { sampleScriptInput } from './internal/sample-script-input.js'

const engine = createQuickJsScriptEngine()
afterAll(() => engine.close())

const assertions = [
  "expect({ a: 1 }).to.have.property('a')",
  "expect({ a: 1 }).to.have.property('b')",
  "expect({ a: 1 }).to.not.have.property('a')",
  "expect({ a: 1 }).to.have.property('a', 1)",
  "expect({ a: 1 }).to.have.property('a', 2)",
  "expect({ a: 1 }).to.not.have.property('a', 1)",
  "expect({ a: { b: [1, 'x'] } }).to.have.deep.property('a', { b: [1, 'y'] })",
  "expect({ 'a.b': 1 }).to.have.own.property('a.b', 2)",
  "expect({ a: { b: 1 } }).to.have.nested.property('a.c')",
  "expect({ a: 1 }).to.have.property('a').that.equals(2)",
  "expect(null).to.have.property('a')",
  'expect([1, 2]).to.have.lengthOf(2)',
  'expect([1, 2]).to.have.lengthOf(3)',
  'expect([1, 2]).to.not.have.lengthOf(2)',
  "expect('abc').to.have.length(3)",
  "expect('abc').to.have.lengthOf(4, 'custom')",
  'expect(5).to.have.lengthOf(1)',
  'expect(null).to.have.lengthOf(1)',
  'expect(undefined).to.have.lengthOf(0)',
  'expect({ length: 2 }).to.have.lengthOf(2)',
  'expect(new Map([[1, 2]])).to.have.lengthOf(2)',
  'expect(new Set([1])).to.have.lengthOf(1)',
  'expect([1, 2, 3]).to.have.lengthOf.above(2)',
  'expect([1, 2, 3]).to.have.lengthOf.below(2)',
  'expect([1, 2, 3]).to.have.lengthOf.within(1, 2)',
]

/** The outcome of an assertion in chai itself: undefined when it passes, its message when it fails. */
function inNode(assertion: string): string | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    new Function('expect', assertion)(chai.expect)
    return undefined
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

describe("the sandbox's patched chai", () => {
  it('passes and fails as chai does, with the same messages', async () => {
    const code = assertions.map((assertion, i) => `pm.test('${i}', () => pm.${assertion})`).join('\n')
    const out = await engine.run(sampleScriptInput(code), { timeoutMs: 0 })
    expect(out.error).toBeUndefined()
    const sandbox = out.tests.map((test, i) => [assertions[i], test.error?.message])
    expect(sandbox).toEqual(assertions.map((assertion) => [assertion, inNode(assertion)]))
    // Both kinds are exercised.
    expect(sandbox.filter(([, message]) => message === undefined).length).toBeGreaterThan(5)
    expect(sandbox.filter(([, message]) => message !== undefined).length).toBeGreaterThan(5)
  })
})
