// The sandbox's plumbing and its limits: every failure is an outcome, and the engine keeps working afterwards.
import { afterAll, describe, expect, it } from 'vitest'
import { createQuickJsScriptEngine } from './create-quickjs-script-engine.js'
import { sampleScriptInput } from './internal/sample-script-input.js'

const engine = createQuickJsScriptEngine({ memoryLimitBytes: 32 * 1024 * 1024 })
afterAll(() => engine.close())
const run = (code: string, timeoutMs = 0) => engine.run(sampleScriptInput(code), { timeoutMs })

async function expectStillWorks(): Promise<void> {
  const out = await run(`pm.test('alive', () => pm.expect(typeof pm.expect).to.equal('function'))`)
  expect(out.error).toBeUndefined()
  expect(out.tests).toEqual([{ name: 'alive', passed: true, skipped: false }])
}

describe('createQuickJsScriptEngine', () => {
  it('reports a syntax error with its line', async () => {
    const out = await run('const a = 1\nconst b = ;\n')
    expect(out.error).toMatchObject({ kind: 'syntax', name: 'SyntaxError', line: 2 })
    await expectStillWorks()
  })

  it('reports an exception with its line and keeps the tests run before it', async () => {
    const out = await run("pm.test('first', () => {})\n\nthrow new TypeError('boom')")
    expect(out.error).toEqual({ kind: 'exception', name: 'TypeError', message: 'boom', line: 3 })
    expect(out.tests).toHaveLength(1)
  })

  it("keeps one script's globals out of the next", async () => {
    await run('leaked = 1; var declared = 2; function fn() {}; globalThis.put = 3')
    const out = await run(`
      pm.test('clean', () => pm.expect([typeof leaked, typeof declared, typeof fn, typeof put]).to.deep.equal(
        ['undefined', 'undefined', 'undefined', 'undefined']))`)
    expect(out.tests[0]).toMatchObject({ passed: true })
  })

  it("undoes a script's changes to built-ins and globals before the next one", async () => {
    await run(`
      Object.prototype.polluted = 'yes'
      Array.prototype.push = function () { throw new Error('sabotaged') }
      JSON.stringify = () => 'forged'
      console = { log() {} }
      delete globalThis.btoa
      try { __courier.finish = () => '{}' } catch (e) {}`)
    const out = await run(`
      console.log('still captured')
      pm.test('clean', () => pm.expect([({}).polluted, typeof btoa, JSON.stringify(1)]).to.deep.equal([undefined, 'function', '1']))`)
    expect(out.tests).toEqual([{ name: 'clean', passed: true, skipped: false }])
    expect(out.console).toEqual([{ level: 'log', text: 'still captured' }])
  })

  // Issue #6: what restore() cannot undo drops the context, so the next script still starts clean.
  it('gives the next script a clean context after changes that cannot be undone in place', async () => {
    const changes = [
      "Object.defineProperty(JSON, 'parse', { value: () => 'forged', configurable: false, writable: false })",
      "Object.setPrototypeOf(Array.prototype, { __proto__: Object.prototype, spy: 'yes' })",
      'Object.freeze(Array.prototype)',
      'Object.preventExtensions(globalThis)',
    ]
    for (const change of changes) {
      await run(change)
      const out = await run(`
        Array.prototype.mine = 1
        fresh = 2
        pm.test('clean', () => pm.expect([JSON.parse('1'), [].spy, [].mine, fresh]).to.deep.equal([1, undefined, 1, 2]))`)
      expect(out.tests, change).toEqual([{ name: 'clean', passed: true, skipped: false }])
    }
  })

  // Issue #6: restore() first asks whether anything changed, key counts and values read by name; these changes keep
  // every count the same or replace an accessor.
  it('undoes changes that keep the number of keys or touch only accessors', async () => {
    const changes = [
      'delete Array.prototype.includes; Array.prototype.swapped = 1',
      "delete Math.max; Math[Symbol.for('x')] = 1",
      "Object.defineProperty(RegExp.prototype, 'flags', { get() { return 'forged' } })",
      'String.prototype.trim = String.prototype.trimStart',
      'globalThis.NaN = 1',
    ]
    for (const change of changes) {
      await run(change)
      const out = await run(`
        pm.test('clean', () => pm.expect([typeof [].includes, [].swapped, Math.max(1, 2), Math[Symbol.for('x')],
          /a/g.flags, ' a '.trim(), Number.isNaN(NaN)]).to.deep.equal(['function', undefined, 2, undefined, 'g', 'a', true]))`)
      expect(out.tests, change).toEqual([{ name: 'clean', passed: true, skipped: false }])
    }
  })

  // Issue #6: pm, postman and console live as long as the context; what a script does to them is undone.
  it("keeps one script's changes to pm, postman and console out of the next", async () => {
    await run(`
      pm.environment.set = function () { throw new Error('sabotaged') }
      pm.test = function () {}
      pm.extra = 'left'
      pm.execution.skipRequest = () => {}
      Object.defineProperty(pm, 'request', { value: { forged: true } })
      postman.setEnvironmentVariable = null
      console.log = function () {}
      globalThis.kept = pm`)
    const out = await run(`
      console.log('captured')
      pm.environment.set('a', '1')
      postman.setEnvironmentVariable('b', 2)
      pm.test('clean', () => pm.expect([pm.extra, typeof globalThis.kept, pm.request.method, pm.request.forged])
        .to.deep.equal([undefined, 'undefined', 'GET', undefined]))`)
    expect(out.tests).toEqual([{ name: 'clean', passed: true, skipped: false }])
    expect(out.console).toEqual([{ level: 'log', text: 'captured' }])
    expect(out.scopes.environment).toEqual([
      { key: 'a', value: '1' },
      { key: 'b', value: '2' },
    ])
  })

  it("gives each script its own pm.request, pm.response and pm.info, not the previous script's", async () => {
    await run(
      `pm.request.headers.add({ key: 'X-Kept', value: '1' }); pm.request.url = 'http://127.0.0.1/other'`,
    )
    const out = await run(`
      pm.test('fresh', () => pm.expect([pm.request.headers.has('X-Kept'), pm.request.url.toString(), pm.info.eventName])
        .to.deep.equal([false, 'https://api.example.com/users/1', 'test']))`)
    expect(out.tests).toEqual([{ name: 'fresh', passed: true, skipped: false }])
  })

  // Issue #6: the same script is compiled once per context, and still gets a fresh function on every run.
  it('runs the same script twice, each time as if for the first time', async () => {
    const code = `
      var self = arguments.callee
      self.runs = (self.runs || 0) + 1
      self.prototype.seen = (self.prototype.seen || 0) + 1
      pm.test('run ' + self.runs + ' seen ' + self.prototype.seen, () => {})`
    const first = await run(code)
    const second = await run(code)
    expect([first.tests[0]?.name, second.tests[0]?.name]).toEqual(['run 1 seen 1', 'run 1 seen 1'])
  })

  it('runs code that closes its function early at every run, not only the first', async () => {
    const code = `} }); globalThis.marker = (globalThis.marker || 0) + 1; (function () { return function (pm) {
      pm.test('marker ' + globalThis.marker, () => {})`
    const first = await run(code)
    const second = await run(code)
    expect([first.tests[0]?.name, second.tests[0]?.name]).toEqual(['marker 1', 'marker 1'])
  })

  it('stops an infinite loop at the time limit, then runs the next script', async () => {
    const started = Date.now()
    const out = await run('while (true) {}', 200)
    expect(out.error).toMatchObject({ kind: 'timeout' })
    expect(Date.now() - started).toBeLessThan(2000)
    await expectStillWorks()
  })

  it('stops catastrophic regular expression backtracking', async () => {
    const out = await run("/(a+)+$/.test('a'.repeat(40) + 'b')", 200)
    expect(out.error).toMatchObject({ kind: 'timeout' })
    await expectStillWorks()
  })

  it('rejects an input that is not plain data, and keeps working', async () => {
    const input = { ...sampleScriptInput('1'), extra: () => 1 }
    await expect(engine.run(input, { timeoutMs: 0 })).rejects.toThrow()
    await expectStillWorks()
  })

  it('runs concurrent calls one after the other', async () => {
    const outs = await Promise.all(
      [1, 2, 3].map((i) => run(`pm.variables.set('i', ${i}); tests['i'] = true`)),
    )
    expect(outs.map((o) => o.scopes.local)).toEqual([1, 2, 3].map((i) => [{ key: 'i', value: i }]))
  })

  it('stops an endless promise chain at the time limit', async () => {
    const out = await run('function f() { return Promise.resolve().then(f) } f()', 200)
    expect(out.error).toMatchObject({ kind: 'timeout' })
    await expectStillWorks()
  })

  it('stops unbounded allocation at the memory limit', async () => {
    const out = await run('let a = []; for (;;) a.push(new Uint8Array(1e6))')
    expect(out.error).toMatchObject({
      kind: 'memory',
      name: 'MemoryError',
      message: 'the script used more than its 32 MiB of memory',
    })
    await expectStillWorks()
  })

  it('stops the sparse allocation loop at the memory or the time limit', async () => {
    // Near the limit QuickJS collects garbage inside native calls, where the interrupt handler is not asked:
    // the worker's watchdog then ends it.
    const out = await run('let a = []; for (;;) a.push(new Array(1e6))', 500)
    expect(['memory', 'timeout']).toContain(out.error?.kind)
    await expectStillWorks()
  })

  it('refuses a 1 GB ArrayBuffer', async () => {
    const out = await run('new ArrayBuffer(2 ** 30)')
    expect(out.error).toMatchObject({ kind: 'memory' })
    await expectStillWorks()
  })

  it('refuses a 1 GiB string', async () => {
    const out = await run("'x'.repeat(2 ** 30)")
    expect(['memory', 'exception']).toContain(out.error?.kind)
    await expectStillWorks()
  })

  it('reports deep recursion as an exception', async () => {
    const out = await run('function f() { return f() + 1 } f()')
    expect(out.error).toMatchObject({ kind: 'exception' })
    await expectStillWorks()
  })
})

// A run's scripts share one context, as in Newman (ScriptRunOptions.realm): what they change in the globals and
// built-ins, later scripts of the run see; another run starts clean.
describe('runs (realms)', () => {
  const inRun = (realm: string | undefined, code: string) =>
    engine.run(sampleScriptInput(code), { timeoutMs: 0, ...(realm === undefined ? {} : { realm }) })
  const outcome = async (realm: string | undefined, check: string) =>
    (await inRun(realm, `pm.test('check', () => pm.expect(${check}).to.be.true)`)).tests

  it("shares what a run's scripts change in the globals and built-ins with its later scripts", async () => {
    await inRun(
      'shared',
      `helpers = { twice: (n) => n * 2 }
      Object.prototype.check = function () { return 'checked' }
      JSON.parse = () => 'forged'
      var declared = 1
      function declaredFn() {}`,
    )
    const out = await inRun(
      'shared',
      `pm.test('kept', () => pm.expect([helpers.twice(2), ({}).check(), JSON.parse('1'), typeof declared, typeof declaredFn])
        .to.deep.equal([4, 'checked', 'forged', 'undefined', 'undefined']))`,
    )
    expect(out.tests).toEqual([{ name: 'kept', passed: true, skipped: false }])
    engine.endRealm('shared')
    expect(
      await outcome('after shared', "typeof helpers === 'undefined' && ({}).check === undefined"),
    ).toEqual([{ name: 'check', passed: true, skipped: false }])
    engine.endRealm('after shared')
  })

  it('gives each script of a run a fresh pm, postman and console', async () => {
    await inRun(
      'fresh pm',
      `pm.environment.set = function () { throw new Error('sabotaged') }
      pm.extra = 'left'
      postman.setEnvironmentVariable = null
      console.log = function () {}`,
    )
    const out = await inRun(
      'fresh pm',
      `console.log('captured')
      pm.environment.set('a', '1')
      postman.setEnvironmentVariable('b', 2)
      pm.test('fresh', () => pm.expect(pm.extra).to.equal(undefined))`,
    )
    expect(out.tests).toEqual([{ name: 'fresh', passed: true, skipped: false }])
    expect(out.console).toEqual([{ level: 'log', text: 'captured' }])
    expect(out.scopes.environment).toEqual([
      { key: 'a', value: '1' },
      { key: 'b', value: '2' },
    ])
    engine.endRealm('fresh pm')
  })

  it('keeps runs going at the same time apart, and a script of no run out of both', async () => {
    await inRun('first', "owner = 'first'; Array.prototype.mark = 'first'")
    await inRun('second', "owner = 'second'")
    await inRun(undefined, "owner = 'nobody'")
    expect(await outcome(undefined, "typeof owner === 'undefined' && [].mark === undefined")).toMatchObject([
      { passed: true },
    ])
    expect(await outcome('first', "owner === 'first' && [].mark === 'first'")).toMatchObject([
      { passed: true },
    ])
    expect(await outcome('second', "owner === 'second' && [].mark === undefined")).toMatchObject([
      { passed: true },
    ])
    engine.endRealm('first')
    engine.endRealm('second')
  })

  it('gives the next run a clean context after a change that cannot be undone in place', async () => {
    await inRun(
      'frozen',
      "Object.freeze(Array.prototype); Object.defineProperty(JSON, 'parse', { value: () => 'forged' })",
    )
    expect(await outcome('frozen', 'Object.isFrozen(Array.prototype)')).toMatchObject([{ passed: true }])
    engine.endRealm('frozen')
    expect(
      await outcome('after frozen', "!Object.isFrozen(Array.prototype) && JSON.parse('1') === 1"),
    ).toMatchObject([{ passed: true }])
    engine.endRealm('after frozen')
    await expectStillWorks()
  })
})

describe('escaping the sandbox', () => {
  it('finds no host objects', async () => {
    const out = await run(`
      const p = [typeof process, typeof module, typeof queueMicrotask, typeof fetch, typeof globalThis.process,
        constructor.constructor('return typeof process')(),
        (function () {}).constructor('return typeof process + typeof module + typeof global')(),
        typeof ({}).__proto__.constructor.constructor('return this')().process,
        Object.getPrototypeOf(pm.test).constructor('return typeof process')()]
      pm.test('nothing from the host', () => pm.expect(p).to.deep.equal(['undefined', 'undefined', 'undefined',
        'undefined', 'undefined', 'undefined', 'undefinedundefinedundefined', 'undefined', 'undefined']))
      constructor.constructor('return process')()`)
    expect(out.tests).toEqual([{ name: 'nothing from the host', passed: true, skipped: false }])
    expect(out.error).toMatchObject({ kind: 'exception', name: 'ReferenceError' })
  })

  it("finds none of Node's modules (require.test.ts has the libraries)", async () => {
    for (const name of ['fs', 'child_process', 'node:net']) {
      const out = await run(`require('${name}')`)
      expect(out.error?.message).toBe(`Cannot find module '${name}'`)
    }
  })

  it('keeps a prototype change inside the context, not the host', async () => {
    await run("Object.prototype.polluted = 'yes'; delete Object.prototype.polluted")
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    await expectStillWorks()
  })
})

describe('warm overhead', () => {
  it('runs 1000 tiny test scripts on one engine', async () => {
    const started = performance.now()
    for (let i = 0; i < 1000; i++) await run(`pm.test('t${i}', () => pm.expect(${i}).to.equal(${i}))`)
    const perScriptMs = (performance.now() - started) / 1000
    // Reported, not asserted: the machine decides.
    process.stdout.write(`sandbox warm overhead: ${perScriptMs.toFixed(3)} ms per script\n`)
  })
})
