// setTimeout, setInterval, setImmediate and their clear* inside the sandbox: driven by the worker's loop in real
// time, always within the script's deadline.
import { afterAll, describe, expect, it } from 'vitest'
import { createQuickJsScriptEngine } from './create-quickjs-script-engine.js'
import { sampleScriptInput } from './internal/sample-script-input.js'

const engine = createQuickJsScriptEngine()
afterAll(() => engine.close())
const run = (code: string, timeoutMs = 0) => engine.run(sampleScriptInput(code), { timeoutMs })
const logged = (out: { console: { text: string }[] }) => out.console.map((line) => line.text)

describe('timers', () => {
  it('fires timeouts by their delay, with their arguments, and waits for them', async () => {
    const out = await run(`
      setTimeout((a, b) => console.log('late', a, b), 30, 'x', 2)
      setTimeout(() => console.log('soon'), 1)
      console.log('sync')`)
    expect(out.error).toBeUndefined()
    expect(logged(out)).toEqual(['sync', 'soon', 'late x 2'])
  })

  it('runs the promise jobs a timer queued before the next timer', async () => {
    const out = await run(`
      setTimeout(() => { console.log('a'); Promise.resolve().then(() => console.log('a.then')) }, 5)
      setTimeout(() => console.log('b'), 5)`)
    expect(logged(out)).toEqual(['a', 'a.then', 'b'])
  })

  it('cancels with clearTimeout and stops an interval with clearInterval', async () => {
    const out = await run(`
      const t = setTimeout(() => console.log('cancelled'), 5)
      clearTimeout(t)
      let n = 0
      const i = setInterval(() => { n++; console.log('tick ' + n); if (n === 3) clearInterval(i) }, 2)
      setImmediate((x) => console.log('immediate ' + x), 'y')
      const j = setImmediate(() => console.log('cleared immediate'))
      clearImmediate(j)`)
    expect(out.error).toBeUndefined()
    expect(logged(out)).toEqual(['immediate y', 'tick 1', 'tick 2', 'tick 3'])
  })

  it('counts a test registered inside a timer', async () => {
    const out = await run(`setTimeout(() => pm.test('later', () => pm.expect(1).to.equal(2)), 1)`)
    expect(out.tests).toMatchObject([{ name: 'later', passed: false }])
  })

  it('resolves an awaited timer promise inside an async test', async () => {
    const out = await run(`
      pm.test('waits', async () => {
        await new Promise((resolve) => setTimeout(resolve, 10))
        pm.expect(true).to.equal(true)
      })`)
    expect(out.tests).toEqual([{ name: 'waits', passed: true, skipped: false }])
  })

  it('fails the script when a timer callback throws', async () => {
    const out = await run(`setTimeout(() => { throw new RangeError('in a timer') }, 1)`)
    expect(out.error).toMatchObject({ kind: 'exception', name: 'RangeError', message: 'in a timer' })
  })

  it('refuses a callback that is not a function', async () => {
    const out = await run(`setTimeout('console.log(1)', 1)`)
    expect(out.error).toMatchObject({ kind: 'exception', name: 'TypeError' })
  })

  it('stops an endless interval at the deadline, keeps the tests, and leaves nothing for the next script', async () => {
    const out = await run(
      `pm.test('first', () => {})
      setInterval(() => pm.environment.set('ticks', (pm.environment.get('ticks') || 0) + 1), 1)`,
      200,
    )
    expect(out.error).toMatchObject({ kind: 'timeout' })
    expect(out.tests).toEqual([{ name: 'first', passed: true, skipped: false }])
    const next = await run(`setTimeout(() => console.log('own timer'), 20)`)
    expect(next.error).toBeUndefined()
    expect(logged(next)).toEqual(['own timer'])
    expect(next.scopes.environment).toEqual([])
  })
})
