// pm.cookies (the response's cookies, postman-collection's CookieList) and pm.cookies.jar() on the run's jar.
import { afterAll, describe, expect, it } from 'vitest'
import { createCookieJar } from '../http/index.js'
import { createQuickJsScriptEngine } from './create-quickjs-script-engine.js'
import { createScriptCookieJar } from './create-script-cookie-jar.js'
import { loopbackScriptHost } from './internal/loopback-script-host.js'
import { sampleScriptInput } from './internal/sample-script-input.js'
import type { ScriptHost } from './types.js'

const engine = createQuickJsScriptEngine()
afterAll(() => engine.close())

const cookies = [
  {
    name: 'session',
    value: 'abc',
    domain: 'api.example.com',
    path: '/',
    secure: true,
    httpOnly: true,
    hostOnly: true,
  },
  {
    name: 'theme',
    value: 'dark',
    domain: 'example.com',
    path: '/',
    expires: '2031-01-01T00:00:00.000Z',
    secure: false,
    httpOnly: false,
    hostOnly: false,
  },
]

const passedTests = (out: { tests: { name: string; passed: boolean; error?: { message: string } }[] }) =>
  out.tests.map((test) => [test.name, test.passed, test.error?.message])

describe('pm.cookies', () => {
  it("lists the response's cookies as Postman's CookieList", async () => {
    const out = await engine.run(
      sampleScriptInput(
        `
        pm.test('list', () => {
          pm.expect(pm.cookies.get('session')).to.equal('abc')
          pm.expect(pm.cookies.has('theme')).to.equal(true)
          pm.expect(pm.cookies.has('theme', 'light')).to.equal(false)
          pm.expect(pm.cookies.has('nope')).to.equal(false)
          pm.expect(pm.cookies.get('nope')).to.equal(undefined)
          pm.expect(pm.cookies.count()).to.equal(2)
          pm.expect(pm.cookies.toObject()).to.deep.equal({ session: 'abc', theme: 'dark' })
          pm.expect(pm.cookies.all().map((c) => c.name)).to.deep.equal(['session', 'theme'])
          pm.expect(pm.cookies.one('theme')).to.include({ domain: 'example.com', expires: '2031-01-01T00:00:00.000Z', session: false })
          const names = []
          pm.cookies.each((c) => names.push(c.name + '=' + c.value))
          pm.expect(names).to.deep.equal(['session=abc', 'theme=dark'])
          pm.expect(pm.response.cookies.get('theme')).to.equal('dark')
        })
        pm.test('legacy', () => {
          pm.expect(postman.getResponseCookie('session').value).to.equal('abc')
          pm.expect(responseCookies.length).to.equal(2)
        })`,
        { cookies },
      ),
      { timeoutMs: 0 },
    )
    expect(out.error).toBeUndefined()
    expect(passedTests(out)).toEqual([
      ['list', true, undefined],
      ['legacy', true, undefined],
    ])
  })

  it('is an empty list without cookies', async () => {
    const input = sampleScriptInput(`pm.test('empty', () => pm.expect(pm.cookies.count()).to.equal(0))`)
    const out = await engine.run({ ...input, cookies: [] }, { timeoutMs: 0 })
    expect(passedTests(out)).toEqual([['empty', true, undefined]])
  })
})

describe('pm.cookies.jar()', () => {
  const url = 'http://127.0.0.1:9/app/page'
  const withJar = () => {
    const store = createCookieJar()
    const host: ScriptHost = loopbackScriptHost(createScriptCookieJar(store))
    return { store, host }
  }

  it('sets, reads, lists, unsets and clears cookies of the run', async () => {
    const { store, host } = withJar()
    const out = await engine.run(
      sampleScriptInput(`
        const jar = pm.cookies.jar()
        jar.set('${url}', 'a', '1', (err, cookie) => {
          pm.test('set', () => { pm.expect(err).to.equal(null); pm.expect(cookie).to.include({ name: 'a', value: '1' }) })
          jar.set('${url}', { name: 'b', value: '2', path: '/app', httpOnly: true }, () => {
            jar.get('${url}', 'a', (err, value) => pm.test('get', () => pm.expect(value).to.equal('1')))
            jar.get('${url}', 'zz', (err, value) => pm.test('get missing', () => pm.expect(value).to.equal(null)))
            jar.getAll('${url}', (err, list) => {
              pm.test('getAll', () => pm.expect(list.toObject()).to.deep.equal({ a: '1', b: '2' }))
              jar.unset('${url}', 'a', (err) => {
                pm.test('unset', () => pm.expect(err).to.equal(null))
                jar.getAll('${url}', (err, after) => pm.test('after unset', () => pm.expect(after.toObject()).to.deep.equal({ b: '2' })))
              })
            })
          })
        })`),
      { timeoutMs: 0 },
      host,
    )
    expect(out.error).toBeUndefined()
    expect(passedTests(out)).toEqual([
      ['set', true, undefined],
      ['get', true, undefined],
      ['get missing', true, undefined],
      ['getAll', true, undefined],
      ['unset', true, undefined],
      ['after unset', true, undefined],
    ])
    expect((await store.list(url)).map((cookie) => cookie.name)).toEqual(['b'])
    const cleared = await engine.run(
      sampleScriptInput(
        `pm.cookies.jar().clear('${url}', (err) => pm.test('cleared', () => pm.expect(err).to.equal(null)))`,
      ),
      { timeoutMs: 0 },
      host,
    )
    expect(passedTests(cleared)).toEqual([['cleared', true, undefined]])
    expect(await store.list(url)).toEqual([])
  })

  it('takes a Set-Cookie string and a URL without a scheme', async () => {
    const { store, host } = withJar()
    await engine.run(
      sampleScriptInput(`pm.cookies.jar().set('127.0.0.1:9/x', 'k=v; Path=/', () => {})`),
      { timeoutMs: 0 },
      host,
    )
    expect((await store.list('http://127.0.0.1:9/')).map((cookie) => [cookie.name, cookie.value])).toEqual([
      ['k', 'v'],
    ])
  })

  it('throws on missing arguments as Postman does', async () => {
    const out = await engine.run(
      sampleScriptInput(`
        const jar = pm.cookies.jar()
        for (const [name, call] of [['no url', () => jar.get('', 'a', () => {})], ['no callback', () => jar.get('${url}', 'a')],
          ['no name', () => jar.unset('${url}', 1)], ['bad set', () => jar.set('${url}', 1)]]) {
          pm.test(name, () => pm.expect(call).to.throw(TypeError))
        }`),
      { timeoutMs: 0 },
      withJar().host,
    )
    expect(out.tests.every((test) => test.passed)).toBe(true)
    expect(out.tests).toHaveLength(4)
  })

  it('answers with an error when the run has no jar', async () => {
    const out = await engine.run(
      sampleScriptInput(
        `pm.cookies.jar().getAll('${url}', (err) => pm.test('no jar', () => pm.expect(err.message).to.include('without a cookie jar')))`,
      ),
      { timeoutMs: 0 },
      loopbackScriptHost(),
    )
    expect(passedTests(out)).toEqual([['no jar', true, undefined]])
  })
})
