// pm.sendRequest as Postman documents it: callback and promise forms, the response object, errors as outcomes.
import { startEchoServer, type EchoServer } from '@courier/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createQuickJsScriptEngine } from './create-quickjs-script-engine.js'
import { callHost } from './internal/call-host.js'
import { loopbackScriptHost } from './internal/loopback-script-host.js'
import { sampleScriptInput } from './internal/sample-script-input.js'
import type { ScriptHost } from './types.js'

const engine = createQuickJsScriptEngine()
let echo: EchoServer
let refusedUrl: string
beforeAll(async () => {
  echo = await startEchoServer()
  const closed = await startEchoServer()
  refusedUrl = `${closed.url}/get`
  await closed.close()
})
afterAll(async () => {
  await engine.close()
  await echo.close()
})

const run = (code: string, host: ScriptHost | undefined = loopbackScriptHost(), timeoutMs = 0) =>
  engine.run(sampleScriptInput(code.replaceAll('ECHO', echo.url)), { timeoutMs }, host)

describe('pm.sendRequest', () => {
  it('sends a URL and passes the response to the callback, whose tests count', async () => {
    const out = await run(`
      pm.sendRequest('ECHO/get?a=1', function (err, res) {
        pm.test('answered', () => {
          pm.expect(err).to.equal(null)
          pm.expect(res).to.have.status(200)
          pm.expect(res.code).to.equal(200)
          pm.expect(res.status).to.equal('OK')
          pm.expect(res.json().args).to.deep.equal({ a: '1' })
          pm.expect(res.text()).to.include('"a"')
          pm.expect(res.headers.get('content-type')).to.include('application/json')
          pm.expect(res.responseSize).to.be.above(0)
          pm.expect(res.responseTime).to.be.a('number')
          pm.expect(JSON.parse(res.stream.toString()).args.a).to.equal('1')
          res.to.be.ok
        })
      })`)
    expect(out.error).toBeUndefined()
    expect(out.tests).toEqual([{ name: 'answered', passed: true, skipped: false }])
  })

  it('returns a promise without a callback', async () => {
    const out = await run(`
      pm.test('awaited', async () => {
        const res = await pm.sendRequest({ url: 'ECHO/post', method: 'POST',
          header: { 'Content-Type': 'application/json', 'X-One': 1 },
          body: { mode: 'raw', raw: JSON.stringify({ b: 2 }) } })
        pm.expect(res.json().json).to.deep.equal({ b: 2 })
        pm.expect(res.json().headers['x-one']).to.equal('1')
      })`)
    expect(out.tests).toEqual([{ name: 'awaited', passed: true, skipped: false }])
  })

  it("normalises Postman's request forms into plain data for the host", async () => {
    const host = loopbackScriptHost()
    const out = await run(
      `pm.sendRequest({ url: { raw: 'ECHO/post' }, method: 'post',
        header: ['Accept: text/plain', { key: 'Off', value: 'x', disabled: true }, { key: 'On', value: 'y' }],
        body: { mode: 'urlencoded', urlencoded: [{ key: 'a', value: 'b' }, { key: 'c', value: 'd', disabled: true }] },
        auth: { type: 'basic', basic: [{ key: 'username', value: 'u' }], f: function () {} } }, () => {})
      pm.sendRequest({ url: 'ECHO/post', method: 'POST', body: { mode: 'formdata', formdata: [
        { key: 'text', value: 't' }, { key: 'upload', type: 'file', src: '/etc/passwd' }] } }, () => {})`,
      host,
    )
    expect(out.error).toBeUndefined()
    expect(host.sent).toEqual([
      {
        url: `${echo.url}/post`,
        method: 'POST',
        header: [
          { key: 'Accept', value: 'text/plain' },
          { key: 'On', value: 'y' },
        ],
        body: { mode: 'urlencoded', urlencoded: [{ key: 'a', value: 'b' }] },
        auth: { type: 'basic', basic: [{ key: 'username', value: 'u' }] },
      },
      {
        url: `${echo.url}/post`,
        method: 'POST',
        header: [],
        body: { mode: 'formdata', formdata: [{ key: 'text', value: 't' }] },
      },
    ])
    expect(out.console).toEqual([
      { level: 'warn', text: 'pm.sendRequest: file uploads are not sent from scripts (upload)' },
    ])
  })

  it('passes a network error to the callback as err, not as a script error', async () => {
    const out = await run(
      `
      pm.sendRequest('${'REFUSED'}', (err, res) => {
        pm.test('refused', () => {
          pm.expect(err).to.be.an('error')
          pm.expect(err.message).to.be.a('string').and.not.empty
          pm.expect(res).to.equal(undefined)
        })
      })`.replace('REFUSED', refusedUrl),
    )
    expect(out.error).toBeUndefined()
    expect(out.tests).toEqual([{ name: 'refused', passed: true, skipped: false }])
  })

  it('rejects the promise form on a network error', async () => {
    const out = await run(
      `
      pm.sendRequest('REFUSED').then(() => pm.test('sent', () => {}), (e) => pm.test('rejected', () => pm.expect(e.message).to.be.a('string')))`.replace(
        'REFUSED',
        refusedUrl,
      ),
    )
    expect(out.tests.map((test) => [test.name, test.passed])).toEqual([['rejected', true]])
  })

  it('runs requests in parallel and waits for all of them', async () => {
    const out = await run(`
      const seen = []
      for (let i = 0; i < 5; i++) pm.sendRequest('ECHO/get?i=' + i, (err, res) => {
        seen.push(res.json().args.i)
        if (seen.length === 5) pm.test('all five', () => pm.expect(seen.sort()).to.deep.equal(['0', '1', '2', '3', '4']))
      })`)
    expect(out.tests).toEqual([{ name: 'all five', passed: true, skipped: false }])
  })

  it('chains a request from inside a callback', async () => {
    const out = await run(`
      pm.sendRequest('ECHO/get?step=1', (e1, r1) => {
        pm.sendRequest('ECHO/get?step=' + (Number(r1.json().args.step) + 1), (e2, r2) => {
          pm.environment.set('step', r2.json().args.step)
        })
      })`)
    expect(out.scopes.environment).toEqual([{ key: 'step', value: '2' }])
  })

  it('fails the script when a callback throws', async () => {
    const out = await run(`pm.sendRequest('ECHO/get', () => { throw new TypeError('late') })`)
    expect(out.error).toMatchObject({ kind: 'exception', name: 'TypeError', message: 'late' })
  })

  it('answers with an error when the request has no URL or is not a request', async () => {
    const out = await run(`
      pm.sendRequest({ method: 'GET' }, (err) => pm.test('no url', () => pm.expect(err.message).to.include('no URL')))
      pm.sendRequest(function () {}, (err) => pm.test('a function', () => pm.expect(err).to.be.an('error')))`)
    expect(out.error).toBeUndefined()
    expect(out.tests.map((test) => [test.name, test.passed])).toEqual([
      ['no url', true],
      ['a function', true],
    ])
  })

  it('answers with an error when the engine runs without a host', async () => {
    const code = `pm.sendRequest('${echo.url}/get', (err) => pm.test('no host', () => pm.expect(err.message).to.include('without a host')))`
    const out = await engine.run(sampleScriptInput(code), { timeoutMs: 0 })
    expect(out.tests.map((test) => [test.name, test.passed])).toEqual([['no host', true]])
  })

  it('stops a script that waits on requests past its deadline, keeping its tests', async () => {
    const out = await run(
      `pm.test('before', () => {})
      function again() { pm.sendRequest('ECHO/get', again) }
      again()`,
      loopbackScriptHost(),
      300,
    )
    expect(out.error).toMatchObject({ kind: 'timeout' })
    expect(out.tests).toEqual([{ name: 'before', passed: true, skipped: false }])
  })
})

describe('the host bridge', () => {
  it('reads a getter trap inside the sandbox and answers its throw as err, sending nothing', async () => {
    const host = loopbackScriptHost()
    const out = await run(
      `pm.sendRequest({ get url() { return 'ECHO/get' }, get header() { throw new Error('trap') } },
        (err) => pm.test('trapped', () => pm.expect(err.message).to.equal('trap')))
      pm.sendRequest(new Proxy({}, { get() { throw new Error('proxy') } }),
        (err) => pm.test('proxied', () => pm.expect(err.message).to.equal('proxy')))`,
      host,
    )
    expect(out.error).toBeUndefined()
    expect(out.tests.map((test) => [test.name, test.passed])).toEqual([
      ['trapped', true],
      ['proxied', true],
    ])
    expect(host.sent).toEqual([])
  })

  it('gives the script plain data only: no host object behind a response or an error', async () => {
    const failing: ScriptHost = {
      sendRequest: () =>
        Promise.reject(Object.assign(new Error('refused'), { code: 'HTTP_X', secret: 's3cr3t' })),
    }
    const out = await run(
      `pm.sendRequest('ECHO/get', (err) => pm.test('error', () => {
        pm.expect([err.message, err.code, err.secret]).to.deep.equal(['refused', 'HTTP_X', undefined])
        pm.expect(err.constructor.constructor('return typeof process')()).to.equal('undefined')
      }))`,
      failing,
    )
    expect(out.tests.map((test) => [test.name, test.passed, test.error?.message])).toEqual([
      ['error', true, undefined],
    ])
  })

  it('answers a host result that cannot be posted as an error', async () => {
    const odd: ScriptHost = {
      sendRequest: () => Promise.resolve({ response: { code: 200 }, cookies: [], leak: () => 1 } as never),
    }
    const out = await run(
      `pm.sendRequest('ECHO/get', (err) => pm.test('refused', () => pm.expect(err).to.be.an('error')))`,
      odd,
    )
    expect(out.tests.map((test) => [test.name, test.passed])).toEqual([['refused', true]])
  })

  it('fails the script cleanly when it tampers with what the bridge serialises, and keeps working', async () => {
    const host = loopbackScriptHost()
    const out = await run(
      `Object.prototype.toJSON = function () { return { url: 1 } }; pm.sendRequest('ECHO/get', () => {})`,
      host,
    )
    expect(out.error).toMatchObject({
      kind: 'exception',
      message: "the script broke the sandbox's host calls",
    })
    expect(host.sent).toEqual([])
    const next = await run(
      `pm.sendRequest('ECHO/get', (err, res) => pm.test('ok', () => pm.expect(res.code).to.equal(200)))`,
    )
    expect(next.tests).toEqual([{ name: 'ok', passed: true, skipped: false }])
  })

  it('refuses a request the sandbox did not normalise', async () => {
    const host = loopbackScriptHost()
    // What reaches the host is checked again, whatever the sandbox's side did.
    const reply = await callHost(
      host,
      {
        callId: 1,
        op: 'sendRequest',
        payload: { url: 'x', method: 'GET', header: [], body: { mode: 'file', src: '/etc/passwd' } },
      },
      new AbortController().signal,
    )
    expect(reply).toMatchObject({
      callId: 1,
      error: { message: expect.stringContaining('not a valid request') },
    })
    expect(host.sent).toEqual([])
  })
})
