// The collection runner and the code snippets in Chromium (issue #7): a run with iterations and a CSV data file
// against loopback servers, watched live; the snippet of an edited request in curl, fetch and Python requests.
import { createServer, type Server } from 'node:http'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { startEchoServer, type EchoServer } from '@courier/testkit'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  collectionJson,
  importCollection,
  resultsDir,
  type Browser,
  type CourierUi,
  openUiPage,
  startWorkspaceUi,
  stopAll,
} from './harness.js'

let root: string
let echo: EchoServer
let ui: CourierUi
let browser: Browser
let page: Page

/** A server whose first answer waits for `release()`: the test sees the run mid-way, without any timing. */
let gate: Server
let gateUrl: string
let release: () => void = () => undefined
const held = new Promise<void>((resolve) => {
  release = resolve
})
let gateReached: () => void = () => undefined
const reached = new Promise<void>((resolve) => {
  gateReached = resolve
})

function testScript(lines: string[]): object[] {
  return [{ listen: 'test', script: { type: 'text/javascript', exec: lines } }]
}

beforeAll(async () => {
  ;({ root, ui } = await startWorkspaceUi('courier-ui-runner-'))
  echo = await startEchoServer()
  gate = createServer((_req, res) => {
    gateReached()
    void held.then(() => {
      res.writeHead(404, { 'content-type': 'application/json' })
      res.end('{"found":false}')
    })
  })
  await new Promise<void>((resolve) => gate.listen(0, '127.0.0.1', resolve))
  const address = gate.address()
  if (address === null || typeof address === 'string') throw new TypeError('no port')
  gateUrl = `http://127.0.0.1:${address.port}`
  await importCollection(
    ui,
    collectionJson(
      'Run Me',
      [
        {
          name: 'Echo user',
          request: { method: 'GET', url: '{{baseUrl}}/get?user={{user}}' },
          event: testScript([
            "const user = pm.iterationData.get('user')",
            "pm.test('user is ' + user, () => pm.expect(pm.response.json().args.user).to.eql(user))",
          ]),
        },
        {
          name: 'Missing page',
          request: { method: 'GET', url: '{{gateUrl}}/missing' },
          event: testScript(["pm.test('status is 200', () => pm.response.to.have.status(200))"]),
        },
      ],
      [
        { key: 'baseUrl', value: echo.url },
        { key: 'gateUrl', value: gateUrl },
      ],
    ),
  )
  await importCollection(
    ui,
    collectionJson(
      'Snippets',
      [
        {
          name: 'Create user',
          request: {
            method: 'POST',
            url: '{{baseUrl}}/post?team={{team}}',
            header: [{ key: 'X-Courier', value: '{{headerValue}}' }],
            body: { mode: 'raw', raw: '{"name":"Ada"}', options: { raw: { language: 'json' } } },
          },
        },
      ],
      [
        { key: 'baseUrl', value: echo.url },
        { key: 'team', value: 'blue' },
        { key: 'headerValue', value: 'from-a-variable' },
      ],
    ),
  )
  ;({ browser, page } = await openUiPage(ui))
  await page.getByRole('heading', { name: 'Courier' }).waitFor()
})

afterAll(async () => {
  release()
  if (gate !== undefined) {
    const closed = new Promise<void>((resolve) => gate.close(() => resolve()))
    gate.closeAllConnections()
    await closed
  }
  await stopAll({ browser, ui, root }, echo)
})

describe('courier ui: the runner', () => {
  it('runs a collection twice with a CSV data file, showing progress, counts and a row per request', async () => {
    const csv = join(root, 'users.csv')
    await writeFile(csv, 'user\nada\ngrace\n')
    await page.getByRole('button', { name: 'Runner', exact: true }).click()
    const runner = page.locator('.runner')
    await runner.getByLabel('Collection').selectOption({ label: 'Run Me' })
    await runner.getByLabel('Iterations').fill('2')
    await runner.getByLabel('Data file', { exact: true }).setInputFiles(csv)
    await runner.getByRole('button', { name: 'Remove data file users.csv' }).waitFor()
    await runner.getByRole('button', { name: 'Run', exact: true }).click()

    // Mid-run: the first request has finished, the second waits at the gate.
    await reached
    await expect
      .poll(() => page.getByTestId('run-progress').textContent())
      .toBe('Iteration 1 of 2 · 1 of 4 requests')
    expect(await runner.getByRole('button', { name: 'Running…' }).isDisabled()).toBe(true)
    expect(await page.getByLabel('Run progress').getAttribute('value')).toBe('1')
    await page.screenshot({ path: join(resultsDir, 'ui-runner-live.png') })
    release()

    await runner
      .getByRole('status')
      .getByText('4 requests, 2/4 assertions passed', { exact: false })
      .waitFor()
    expect(await page.getByTestId('run-progress').textContent()).toBe('Iteration 2 of 2 · 4 of 4 requests')
    expect(await page.getByTestId('run-counts').textContent()).toBe('2 passed · 2 failed')
    const rows = page.getByRole('table', { name: 'Run results' }).locator('tbody tr')
    expect(await rows.count()).toBe(4)
    const text = async (index: number) => (await rows.nth(index).innerText()).replace(/\s+/g, ' ')
    expect(await text(0)).toMatch(/^1 Echo user 200 OK · \d+ ms ✓ user is ada$/)
    expect(await text(1)).toMatch(/^1 Missing page 404 Not Found · \d+ ms ✗ status is 200$/)
    expect(await text(2)).toMatch(/^2 Echo user 200 OK · \d+ ms ✓ user is grace$/)
    expect(await text(3)).toMatch(/^2 Missing page 404 Not Found/)
    const results = await Promise.all([0, 1, 2, 3].map((i) => rows.nth(i).getAttribute('data-result')))
    expect(results).toEqual(['pass', 'fail', 'pass', 'fail'])
    expect(await runner.getByRole('button', { name: 'Run', exact: true }).isEnabled()).toBe(true)
    await page.screenshot({ path: join(resultsDir, 'ui-runner-done.png') })
  })

  it('says which line of a bad data file is wrong, as courier run -d does', async () => {
    const bad = join(root, 'bad.csv')
    await writeFile(bad, 'user,team\n"ada,blue\n')
    const runner = page.locator('.runner')
    await runner.getByLabel('Data file', { exact: true }).setInputFiles(bad)
    await runner.getByRole('button', { name: 'Remove data file bad.csv' }).waitFor()
    await runner.getByRole('button', { name: 'Run', exact: true }).click()
    const alert = runner.getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toMatch(/^bad\.csv: invalid CSV/)
  })
})

describe('courier ui: code snippets', () => {
  it('shows the request as curl, fetch and Python requests with its variables resolved', async () => {
    await page.getByRole('treeitem', { name: 'Snippets', exact: true }).click()
    await page.getByRole('treeitem', { name: 'Create user', exact: true }).click()
    await page.getByRole('button', { name: 'Code snippet', exact: true }).click()
    const panel = page.getByRole('complementary', { name: 'Code snippet' })
    const code = panel.locator('pre')
    const url = `${echo.url}/post?team=blue`
    const snippetFor = async (label: string, marker: string) => {
      await panel.getByLabel('Snippet language').selectOption({ label })
      await expect.poll(() => code.textContent()).toContain(marker)
      return (await code.textContent()) ?? ''
    }

    const curl = await snippetFor('cURL', 'curl')
    expect(curl).toContain('--request POST')
    expect(curl).toContain(url)
    expect(curl).toContain("'X-Courier: from-a-variable'")
    expect(curl).toContain('{"name":"Ada"}')
    expect(curl).not.toContain('{{')

    const fetchCode = await snippetFor('JavaScript – Fetch', 'fetch(')
    expect(fetchCode).toContain("method: 'POST'")
    expect(fetchCode).toContain(url)
    expect(fetchCode).toMatch(/'X-Courier': 'from-a-variable'/)
    expect(fetchCode).not.toContain('{{')

    const python = await snippetFor('Python – requests', 'import requests')
    expect(python).toMatch(/requests\.(post|request\("POST")/)
    expect(python).toContain(`${echo.url}/post`)
    expect(python).toMatch(/"team": "blue"|team=blue/)
    expect(python).toContain('"X-Courier": "from-a-variable"')
    expect(python).not.toContain('{{')
    await page.screenshot({ path: join(resultsDir, 'ui-snippet-python.png') })

    // The snippet follows the request as edited, before it is saved.
    await page.getByLabel('Method').selectOption('PUT')
    await expect.poll(() => code.textContent()).toMatch(/requests\.(put|request\("PUT")/)
  })
})
