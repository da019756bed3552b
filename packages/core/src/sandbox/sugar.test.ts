// SugarJS's prototype extensions, as Postman's sandbox gives them to every script (docs/adr/0016-sugarjs.md).
import { afterAll, describe, expect, it } from 'vitest'
import { createQuickJsScriptEngine } from './create-quickjs-script-engine.js'
import { sampleScriptInput } from './internal/sample-script-input.js'
import type { ScriptOutput } from './types.js'

const engine = createQuickJsScriptEngine()
afterAll(() => engine.close())
const run = (code: string) => engine.run(sampleScriptInput(code), { timeoutMs: 0 })

// Each legacy test's name and whether it passed; a script error fails the spec with its message.
function results(out: ScriptOutput): Record<string, boolean> {
  expect(out.error).toBeUndefined()
  return Object.fromEntries(out.tests.map((t) => [t.name, t.passed]))
}

function allPassed(names: string[]): Record<string, boolean> {
  return Object.fromEntries(names.map((name) => [name, true]))
}

describe('SugarJS in scripts', () => {
  it('gives strings, arrays, numbers, functions and dates the methods legacy scripts call', async () => {
    const out = await run(`
      tests['String#has'] = responseBody.has('Ada') && !responseBody.has('Grace') && 'abc'.has(/b/)
      tests['String#camelize'] = 'a-beta'.camelize() === 'ABeta' && 'hello_world'.camelize(false) === 'helloWorld'
      tests['String#spacify'] = 'a-b_cD'.spacify() === 'a b c d'
      tests['String#shift'] = 'abc'.shift(5) === 'fgh'
      tests['String#endsWith'] = 'jumpy'.endsWith('py') && !'jumpy'.endsWith('MPY') && 'jumpy'.endsWith('MPY', 5, false)
      tests['Array#first/last'] = [1, 2, 3].first() === 1 && [1, 2, 3].last(2).join() === '2,3'
      tests['Array#none/any/average'] = ['a', 'b'].none('d') && [[1, 2], [2, 3]].any([2, 3]) && [1, 2, 3, 4, 5].average() === 3
      tests['Array#unique/sum'] = [1, 2, 2, 3].unique().sum() === 6
      var calls = 0
      var once = (function () { calls++ }).once()
      once(); once(); once()
      tests['Function#once'] = calls === 1
      tests['Number#ordinalize/hex/format'] = (56).ordinalize() === '56th' && (56).hex() === '38' && (56789.1).format() === '56,789.1'
      tests['Object.extended'] = Object.extended({ a: 1, b: 2 }).keys().join() === 'a,b'
      tests['Date.create'] = Date.create('2020-01-02T03:04:05Z').toISOString() === '2020-01-02T03:04:05.000Z' &&
        Date.create('2020-01-02').format('{yyyy}-{MM}-{dd}') === '2020-01-02'`)
    expect(results(out)).toEqual(
      allPassed([
        'String#has',
        'String#camelize',
        'String#spacify',
        'String#shift',
        'String#endsWith',
        'Array#first/last',
        'Array#none/any/average',
        'Array#unique/sum',
        'Function#once',
        'Number#ordinalize/hex/format',
        'Object.extended',
        'Date.create',
      ]),
    )
  })

  it("reads and writes dates in Sugar's other locales, each added on its first use", async () => {
    const out = await run(`
      var may = Date.create('2020-05-06T00:00:00Z')
      tests['fr'] = Date.create('3 mars 2020', 'fr').getMonth() === 2
      tests['de'] = may.format('{Month} {weekday}', 'de') === 'Mai mittwoch'
      tests['ja'] = may.format('{Month}', 'ja') === '5月'
      tests['zh-TW'] = Date.getLocale('zh-TW').code === 'zh-TW'
      Date.setLocale('es')
      tests['setLocale'] = Date.create('15 de mayo de 2020').getDate() === 15
      Date.setLocale('en')
      try { Date.setLocale('xx'); tests['unknown'] = false } catch (e) { tests['unknown'] = e.message === 'Invalid locale.' }`)
    expect(results(out)).toEqual(allPassed(['fr', 'de', 'ja', 'zh-TW', 'setLocale', 'unknown']))
  })

  it("keeps the natives that Postman's Sugar build leaves alone", async () => {
    const out = await run(`
      tests['Array#at'] = [1, 2, 3].at(5) === undefined && [1, 2, 3].at(-1) === 3
      tests['String#at'] = 'abc'.at(5) === undefined
      tests['Object.values'] = Object.values({ a: 1, b: 2 }).join() === '1,2'
      try { [1, 2].find(2); tests['Array#find takes a function only'] = false } catch (e) {
        tests['Array#find takes a function only'] = e instanceof TypeError
      }`)
    expect(results(out)).toEqual(
      allPassed(['Array#at', 'String#at', 'Object.values', 'Array#find takes a function only']),
    )
  })

  it("brings Sugar's methods back for the next script after a script replaced, deleted or reverted them", async () => {
    const tampered = await run(`
      String.prototype.has = function () { return 'tampered' }
      delete Array.prototype.first
      Number.prototype.ordinalize = undefined
      Object.extended = function () { return 'tampered' }
      Date.sugarRevert('create')
      String.extend({ shout: function () { return this.toUpperCase() + '!' } })
      tests['tampered'] = 'abc'.has('z') === 'tampered' && [].first === undefined && Date.create === undefined &&
        'hi'.shout() === 'HI!'`)
    expect(results(tampered)).toEqual({ tampered: true })
    const next = await run(`
      tests['String#has'] = 'abc'.has('b') === true
      tests['Array#first'] = [1, 2].first() === 1
      tests['Number#ordinalize'] = (2).ordinalize() === '2nd'
      tests['Object.extended'] = typeof Object.extended({}).keys === 'function'
      tests['Date.create'] = Date.create('2020-01-02T00:00:00Z').getTime() === 1577923200000
      tests['no String#shout'] = ''.shout === undefined`)
    expect(results(next)).toEqual(
      allPassed([
        'String#has',
        'Array#first',
        'Number#ordinalize',
        'Object.extended',
        'Date.create',
        'no String#shout',
      ]),
    )
  })

  // Issue #6: Sugar adds extend, sugarRestore, sugarRevert and SugarMethods to Function, and keeps its own records of
  // what it added (X.SugarMethods), which sugarRestore() reads: a script's change to either reached later scripts.
  it("brings Function's Sugar methods and Sugar's records back for the next script", async () => {
    const tampered = await run(`
      Function.extend = 'tampered'
      Function.sugarRestore = 'tampered'
      delete Function.sugarRevert
      Function.probe = 1
      Array.SugarMethods.first = { method: function () { return 'tampered' }, existed: false, instance: true }
      Number.SugarMethods.ordinalize.method = function () { return 'tampered' }
      String.extend({ shout: function () { return this.toUpperCase() + '!' } })
      tests['tampered'] = Function.extend === 'tampered' && Function.probe === 1 && 'hi'.shout() === 'HI!'`)
    expect(results(tampered)).toEqual({ tampered: true })
    const next = await run(`
      tests['Function.extend'] = typeof Function.extend === 'function' && typeof Function.sugarRestore === 'function' &&
        typeof Function.sugarRevert === 'function'
      tests['no Function.probe'] = Function.probe === undefined
      Array.sugarRestore()
      Number.sugarRestore()
      String.sugarRestore()
      tests['Array#first'] = [1, 2].first() === 1
      tests['Number#ordinalize'] = (2).ordinalize() === '2nd'
      tests['no String#shout'] = ''.shout === undefined`)
    expect(results(next)).toEqual(
      allPassed([
        'Function.extend',
        'no Function.probe',
        'Array#first',
        'Number#ordinalize',
        'no String#shout',
      ]),
    )
  })

  it('keeps Sugar inside the sandbox: the host sees plain data and unextended built-ins', async () => {
    const out = await run(`
      pm.environment.set('keys', Object.extended({ a: 1 }).keys().join())
      console.log(Object.extended({ b: [1, 2].last() }), 'x'.capitalize())
      tests['ran'] = true`)
    expect(results(out)).toEqual({ ran: true })
    expect(out.scopes.environment).toEqual([{ key: 'keys', value: 'a' }])
    expect(out.console.map((line) => line.text)).toEqual(['{"b":2} X'])
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype)
    const hostString = String.prototype as unknown as Record<string, unknown>
    const hostArray = Array.prototype as unknown as Record<string, unknown>
    const hostNumber = Number.prototype as unknown as Record<string, unknown>
    expect([hostString.has, hostString.camelize, hostArray.first, hostNumber.ordinalize]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ])
    expect([
      (Object as unknown as Record<string, unknown>).extended,
      (Date as unknown as Record<string, unknown>).create,
    ]).toEqual([undefined, undefined])
  })
})
