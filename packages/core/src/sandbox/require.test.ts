// require() of the libraries Postman's sandbox ships (docs/adr/0009-sandbox-libraries.md): each one does a real job
// inside QuickJS, and nothing of the host's is reachable through it.
import { afterAll, describe, expect, it } from 'vitest'
import { createQuickJsScriptEngine } from './create-quickjs-script-engine.js'
import { sampleScriptInput } from './internal/sample-script-input.js'

const engine = createQuickJsScriptEngine()
afterAll(() => engine.close())
const run = (code: string) => engine.run(sampleScriptInput(code), { timeoutMs: 0 })

/** Runs `body` (statements ending in `return …`) in the sandbox and answers its value, through JSON. */
async function evaluate(body: string): Promise<unknown> {
  const out = await run(`console.log(JSON.stringify((function () {\n${body}\n})()))`)
  expect(out.error).toBeUndefined()
  const line = out.console[0]?.text
  return line === undefined || line === 'undefined' ? undefined : JSON.parse(line)
}

describe('require() of the libraries Postman ships', () => {
  it('gives lodash, also as the global _', async () => {
    expect(
      await evaluate("return [require('lodash').chunk([1, 2, 3, 4, 5], 2), _.chunk(['a', 'b'], 1)]"),
    ).toEqual([
      [[1, 2], [3, 4], [5]],
      [['a'], ['b']],
    ])
  })

  it('gives crypto-js, also as the global CryptoJS', async () => {
    // RFC 4231-style known answer: HMAC-SHA256 of the pangram under the key "key".
    expect(
      await evaluate(`
        var CryptoJS1 = require('crypto-js')
        var cipher = CryptoJS.AES.encrypt('secret message', 'passphrase').toString()
        return [CryptoJS1.HmacSHA256('The quick brown fox jumps over the lazy dog', 'key').toString(CryptoJS1.enc.Hex),
          CryptoJS.MD5('a').toString(), CryptoJS.AES.decrypt(cipher, 'passphrase').toString(CryptoJS.enc.Utf8)]`),
    ).toEqual([
      'f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8',
      '0cc175b9c0f1b6a831c399e269772661',
      'secret message',
    ])
  })

  it('gives uuid as a function making v4 UUIDs, with uuid.v4', async () => {
    const [a, b, c] = (await evaluate(
      "var uuid = require('uuid'); return [uuid(), uuid.v4(), typeof uuid.v1]",
    )) as string[]
    const v4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
    expect(a).toMatch(v4)
    expect(b).toMatch(v4)
    expect(a).not.toBe(b)
    expect(c).toBe('function')
  })

  it('gives moment', async () => {
    expect(
      await evaluate(
        "var moment = require('moment'); return moment.utc('2024-02-29T13:45:00Z').add(1, 'day').format('dddd D MMMM YYYY, HH:mm')",
      ),
    ).toBe('Friday 1 March 2024, 13:45')
  })

  it('gives cheerio, also as the global cheerio', async () => {
    expect(
      await evaluate(`
        var $ = require('cheerio').load('<ul id="fruits"><li class="apple">Apple</li><li class="pear">Pear</li></ul>')
        return [$('.pear').text(), cheerio.load('<p>a <b>b</b></p>')('b').text(), $('li').length]`),
    ).toEqual(['Pear', 'b', 2])
  })

  it('gives ajv, which validates and rejects', async () => {
    expect(
      await evaluate(`
        var Ajv = require('ajv'), ajv = new Ajv({ logger: false })
        var validate = ajv.compile({ type: 'object', properties: { alpha: { type: 'boolean' } }, required: ['alpha'] })
        return [validate({ alpha: true }), validate({ alpha: 123 }), validate.errors[0].message]`),
    ).toEqual([true, false, 'must be boolean'])
  })

  it('gives tv4, also as the global tv4, which validates and rejects', async () => {
    expect(
      await evaluate(`
        var schema = { properties: { id: { type: 'number' } } }
        return [require('tv4').validate({ id: 1 }, schema), tv4.validate({ id: 'x' }, schema), tv4.error.message]`),
    ).toEqual([true, false, 'Invalid type: string (expected number)'])
  })

  it("gives xml2js, whose parseString calls back at once, and Postman's xml2Json", async () => {
    expect(
      await evaluate(`
        var parsed
        require('xml2js').parseString('<user id="7"><name>Ada</name></user>', function (err, result) { parsed = [err, result] })
        return [parsed, xml2Json('<user id="7"><name> Ada </name></user>')]`),
    ).toEqual([
      [null, { user: { $: { id: '7' }, name: ['Ada'] } }],
      { user: { $: { id: '7' }, name: 'Ada' } },
    ])
  })

  it("gives csv-parse's sync parser under Postman's path and under csv-parse/sync", async () => {
    expect(
      await evaluate(`
        var parse = require('csv-parse/lib/sync')
        var failed = false
        try { parse('a,b\\n1') } catch (e) { failed = true }
        return [parse('a,b\\n1,"x,y"', { columns: true }), parse('n\\n1', { auto_parse: true }),
          require('csv-parse/sync').parse('p;q', { delimiter: ';' }), failed]`),
    ).toEqual([[{ a: '1', b: 'x,y' }], [['n'], [1]], [['p', 'q']], true])
  })

  it('gives buffer, whose Buffer is also the global Buffer', async () => {
    expect(
      await evaluate(`
        var B = require('buffer').Buffer
        return [Buffer.from('hello world').toString('base64'), B.from('aGk=', 'base64').toString(), B === Buffer,
          Buffer.from('tést').toString('hex')]`),
    ).toEqual(['aGVsbG8gd29ybGQ=', 'hi', true, '74c3a97374'])
  })

  it("gives Node's url, querystring, util and events as browsers have them", async () => {
    expect(
      await evaluate(`
        var u = require('url').parse('https://user@api.example.com:8443/v1/items?page=2#top', true)
        var heard = []
        var emitter = new (require('events'))()
        emitter.on('ping', function (n) { heard.push(n) })
        emitter.emit('ping', 1)
        return [u.hostname, u.port, u.pathname, u.query.page, u.hash,
          require('querystring').stringify({ q: 'a b', tag: ['x', 'y'] }),
          require('util').format('%s has %d items: %j', 'cart', 2, { a: 1 }), heard]`),
    ).toEqual([
      'api.example.com',
      '8443',
      '/v1/items',
      '2',
      '#top',
      'q=a%20b&tag=x&tag=y',
      'cart has 2 items: {"a":1}',
      [1],
    ])
  })

  it('gives atob and btoa, as globals and modules, and chai', async () => {
    expect(
      await evaluate(`
        return [btoa('user:pass'), atob('dXNlcjpwYXNz'), require('btoa') === btoa, require('atob')('aGk='),
          typeof require('chai').expect, require('chai').expect === pm.expect]`),
    ).toEqual(['dXNlcjpwYXNz', 'user:pass', true, 'hi', 'function', true])
  })

  it('gives the same module to every require in the warm context', async () => {
    await run("require('moment').fn.courierMark = 'kept'")
    expect(await evaluate("return require('moment')().courierMark")).toBe('kept')
  })
})

describe('require() keeps the host out of reach', () => {
  it.each(['fs', 'child_process', 'node:fs', 'process', 'timers', '../../x', 'lodash/../../fs', 'lodash/fp'])(
    "fails with Cannot find module for '%s'",
    async (name) => {
      const out = await run(`require(${JSON.stringify(name)})`)
      expect(out.error).toMatchObject({
        kind: 'exception',
        name: 'Error',
        message: `Cannot find module '${name}'`,
      })
    },
  )

  it("finds no module under the names of Object.prototype's properties", async () => {
    expect(
      await evaluate(`
        return ['__proto__', 'constructor', 'toString', 'hasOwnProperty'].map(function (name) {
          try { require(name); return 'found ' + name } catch (e) { return e.message }
        })`),
    ).toEqual([
      "Cannot find module '__proto__'",
      "Cannot find module 'constructor'",
      "Cannot find module 'toString'",
      "Cannot find module 'hasOwnProperty'",
    ])
  })

  it('has no require.cache, require.resolve, module, process or loader internals to reach', async () => {
    expect(
      await evaluate(`
        return [typeof require.cache, typeof require.resolve, typeof module, typeof exports, typeof process,
          typeof __courierModuleHost, typeof __courierDynamicVariable, typeof crypto]`),
    ).toEqual(Array(8).fill('undefined'))
  })

  it("reaches only the sandbox's own global object through a library's Function constructor", async () => {
    expect(
      await evaluate(`
        var G = require('lodash').constructor.constructor('return this')()
        return [G === globalThis, typeof G.process, G.require('buffer').Buffer.constructor('return typeof process')()]`),
    ).toEqual([true, 'undefined', 'undefined'])
  })

  it('keeps prototype pollution through a library inside the sandbox and out of the next script', async () => {
    const out = await run(`
      _.merge({}, JSON.parse('{"__proto__": {"viaMerge": "yes"}}'))
      Object.getPrototypeOf(Object.getPrototypeOf(require('lodash'))).polluted = 'yes'
      Object.getPrototypeOf(require('buffer').Buffer.prototype).polluted = 'yes'
      pm.environment.set('leak', require('lodash'))`)
    expect(out.error).toBeUndefined()
    // Only JSON crosses: the function lodash is arrives as nothing at all, not as a callable.
    expect(out.scopes.environment).toEqual([{ key: 'leak' }])
    const probe = {} as Record<string, unknown>
    expect([
      probe.polluted,
      probe.viaMerge,
      (Function.prototype as unknown as Record<string, unknown>).polluted,
    ]).toEqual([undefined, undefined, undefined])
    expect(await evaluate('return [({}).polluted, ({}).viaMerge, new Uint8Array(1).polluted]')).toEqual([
      null,
      null,
      null,
    ])
  })

  it('puts a library global back after a script assigned it', async () => {
    await run("_ = 'mine'; CryptoJS = null; Buffer = undefined")
    expect(await evaluate('return [typeof _.chunk, typeof CryptoJS.MD5, typeof Buffer.from]')).toEqual([
      'function',
      'function',
      'function',
    ])
  })
})
