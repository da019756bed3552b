// Issue #7: Send from the UI runs the request's scripts (collection, folder, request) as Postman does, shows
// their tests and console, and keeps what they set; secret collection variables stay out of the files. A real
// workspace, a real QuickJS engine and a real echo server on 127.0.0.1.
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { SECRET_MASK } from '@courier/core'
import { startEchoServer, type EchoServer } from '@courier/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startUi, type UiHarness } from './cli-ui-kit.js'

const v21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json'
const id = 'c0ffee00-0000-4000-8000-00000000000a'
let echo: EchoServer
let h: UiHarness

const prerequest = (...exec: string[]) => ({
  listen: 'prerequest',
  script: { type: 'text/javascript', exec },
})
const test = (...exec: string[]) => ({ listen: 'test', script: { type: 'text/javascript', exec } })

const scripted = (base: string) => ({
  info: { name: 'Scripted', _postman_id: id, schema: v21 },
  event: [prerequest("console.log('collection pre-request')")],
  variable: [
    { key: 'base', value: base },
    { key: 'apiKey', value: 'collection-secret-42', type: 'secret' },
  ],
  item: [
    {
      name: 'Orders',
      id: 'folder-orders',
      event: [test("pm.test('folder test', () => pm.expect(pm.response.code).to.equal(200))")],
      item: [
        {
          name: 'Get order',
          id: 'req-get-order',
          event: [
            prerequest(
              "pm.environment.set('orderId', String(Number(pm.environment.get('orderId') || '0') + 1))",
              "pm.globals.set('seenBy', 'courier')",
              "pm.collectionVariables.set('lastRun', 'yes')",
              "console.info('order', pm.environment.get('orderId'))",
            ),
            test(
              "pm.test('status is 200', () => pm.response.to.have.status(200))",
              "pm.test('echoes the order', () => pm.expect(pm.response.json().args.id).to.equal(pm.environment.get('orderId')))",
              "pm.test('fails on purpose', () => pm.expect(1).to.equal(2))",
              "console.warn('key header', pm.request.headers.get('X-Key'))",
            ),
          ],
          request: {
            method: 'GET',
            header: [{ key: 'X-Key', value: '{{apiKey}}' }],
            url: '{{base}}/get?id={{orderId}}',
          },
        },
        {
          name: 'Skipped',
          id: 'req-skipped',
          event: [prerequest('pm.execution.skipRequest()')],
          request: { method: 'GET', url: '{{base}}/get?skipped=1' },
        },
        {
          name: 'Lookup',
          id: 'req-lookup',
          event: [
            prerequest(
              "pm.sendRequest(pm.collectionVariables.get('base') + '/status/204', (err, res) => console.log('lookup', res.code))",
            ),
          ],
          request: { method: 'GET', url: '{{base}}/get?after=lookup' },
        },
        {
          name: 'Broken',
          id: 'req-broken',
          event: [prerequest('let x = ;')],
          request: { method: 'GET', url: '{{base}}/get?broken=1' },
        },
      ],
    },
  ],
})

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name === '.courier') continue
    const path = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...(await filesUnder(path)))
    else out.push(path)
  }
  return out
}

async function workspaceText(): Promise<string> {
  const files = await filesUnder(h.root)
  return (await Promise.all(files.map((f) => readFile(f, 'utf8')))).join('\n')
}

beforeAll(async () => {
  echo = await startEchoServer()
  h = await startUi()
  const imported = await h.api('import?name=scripted.json', {
    method: 'POST',
    text: JSON.stringify(scripted(echo.url)),
  })
  expect(imported.status).toBe(200)
  const env = await h.api('environments/Dev', {
    method: 'PUT',
    body: { values: [{ key: 'orderId', value: '41', secret: false, enabled: true }] },
  })
  expect(env.status).toBe(200)
})

afterAll(async () => {
  await h.close()
  await echo.close()
})

describe('Send runs the scripts', () => {
  it('runs collection, folder and request scripts around the send and returns their tests and console', async () => {
    const { status, body } = await h.api('send', {
      method: 'POST',
      body: { collectionId: id, itemId: 'req-get-order', environment: 'Dev' },
    })
    expect(status).toBe(200)
    expect(body.exchange.response.status).toBe(200)
    // The pre-request script's change was sent: 41 + 1.
    expect(body.exchange.request.url).toBe(`${echo.url}/get?id=42`)
    expect(body.tests.map((t: { name: string; passed: boolean }) => [t.name, t.passed])).toEqual([
      ['folder test', true],
      ['status is 200', true],
      ['echoes the order', true],
      ['fails on purpose', false],
    ])
    expect(body.tests[3].error.message).toBe('expected 1 to equal 2')
    expect(body.console).toEqual([
      { level: 'log', text: 'collection pre-request' },
      { level: 'info', text: 'order 42' },
      // Scripts see the secret's value; the answer masks it in the exchange, not what a script printed.
      { level: 'warn', text: 'key header collection-secret-42' },
    ])
    expect(body.saved).toEqual(['environment', 'globals', 'collection'])
    expect(typeof body.historyId).toBe('number')
  })

  it('keeps what the scripts set: the next Send starts from it, and the files show it', async () => {
    const second = await h.api('send', {
      method: 'POST',
      body: { collectionId: id, itemId: 'req-get-order', environment: 'Dev' },
    })
    expect(second.body.exchange.request.url).toBe(`${echo.url}/get?id=43`)
    const env = await h.api('environments')
    expect(env.body.find((e: { name: string }) => e.name === 'Dev').values).toEqual([
      { key: 'orderId', value: '43', secret: false, enabled: true },
    ])
    const globals = await h.api('globals')
    expect(globals.body.values).toEqual([{ key: 'seenBy', value: 'courier', secret: false, enabled: true }])
    const collection = await h.api(`collections/${id}`)
    expect(collection.body.variable).toContainEqual(expect.objectContaining({ key: 'lastRun', value: 'yes' }))
  })

  it('answers a skipped request with its scripts’ output and sends nothing', async () => {
    const before = await h.api('history?limit=1000')
    const { body } = await h.api('send', {
      method: 'POST',
      body: { collectionId: id, itemId: 'req-skipped', environment: 'Dev' },
    })
    expect(body).toMatchObject({ skipped: true, tests: [] })
    expect(body.exchange).toBeUndefined()
    const after = await h.api('history?limit=1000')
    expect(after.body.length).toBe(before.body.length)
  })

  it('lists what a script sent with pm.sendRequest', async () => {
    const { body } = await h.api('send', {
      method: 'POST',
      body: { collectionId: id, itemId: 'req-lookup', environment: 'Dev' },
    })
    expect(body.exchange.request.url).toBe(`${echo.url}/get?after=lookup`)
    expect(body.scriptRequests).toEqual([
      {
        event: 'prerequest',
        owner: 'Orders/Lookup',
        method: 'GET',
        url: `${echo.url}/status/204`,
        status: 204,
        statusText: 'No Content',
      },
    ])
    expect(body.console).toContainEqual({ level: 'log', text: 'lookup 204' })
  })

  it('names a script’s syntax error with its event and owner, and still sends (as the runner does)', async () => {
    const { body } = await h.api('send', {
      method: 'POST',
      body: { collectionId: id, itemId: 'req-broken', environment: 'Dev' },
    })
    expect(body.exchange.response.status).toBe(200)
    expect(body.scriptErrors).toEqual([
      expect.objectContaining({
        event: 'prerequest',
        owner: 'Orders/Broken',
        message: expect.stringMatching(/SyntaxError/),
      }),
    ])
  })
})

describe('secret collection variables', () => {
  it('keeps an imported secret out of the files, masks it, sends it, and keeps it when the mask comes back', async () => {
    expect(await workspaceText()).not.toContain('collection-secret-42')
    const shown = await h.api(`collections/${id}`)
    const secret = shown.body.variable.find((v: { key: string }) => v.key === 'apiKey')
    expect(secret).toMatchObject({ type: 'secret', value: SECRET_MASK })
    const revealed = await h.api(`collections/${id}?reveal=1`)
    expect(revealed.body.variable.find((v: { key: string }) => v.key === 'apiKey').value).toBe(
      'collection-secret-42',
    )
    // The editor sends the variables back as shown: the masked secret keeps its value.
    const put = await h.api(`collections/${id}`, {
      method: 'PUT',
      body: { variable: [...shown.body.variable, { key: 'token', value: 'new-secret-777', type: 'secret' }] },
    })
    expect(put.status).toBe(200)
    expect(await workspaceText()).not.toMatch(/collection-secret-42|new-secret-777/)
    const again = await h.api(`collections/${id}?reveal=1`)
    expect(again.body.variable.filter((v: { type?: string }) => v.type === 'secret')).toEqual([
      expect.objectContaining({ key: 'apiKey', value: 'collection-secret-42' }),
      expect.objectContaining({ key: 'token', value: 'new-secret-777' }),
    ])
    const send = () =>
      ({ method: 'POST', body: { collectionId: id, itemId: 'req-get-order', environment: 'Dev' } }) as const
    const revealedSend = await h.api('send?reveal=1', send())
    expect(JSON.parse(revealedSend.body.exchange.response.body).headers['x-key']).toBe('collection-secret-42')
    const masked = await h.api('send', send())
    expect(masked.body.exchange.response.status).toBe(200)
    expect(JSON.stringify(masked.body.exchange)).not.toContain('collection-secret-42')
  })
})
