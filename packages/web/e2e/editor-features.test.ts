// Features of the window named by issue #7, in Chromium against the built server: {{variable}} highlighting and hover
// values in the URL bar, a JSON response folded and searched in CodeMirror, import by dropping a file on the window
// and export as a download (Postman v2.1), each body mode saved to the request's file, and an environment's secret
// masked, revealed on demand and never written to the environment's file.
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { parseCollection } from '@courier/core'
import { startEchoServer, type EchoServer } from '@courier/testkit'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  callApi,
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
let workspace: string
let echo: EchoServer
let ui: CourierUi
let browser: Browser
let page: Page

beforeAll(async () => {
  ;({ root, workspace, ui } = await startWorkspaceUi('courier-ui-features-'))
  echo = await startEchoServer()
  await importCollection(
    ui,
    collectionJson(
      'Store',
      [
        {
          name: 'Get json',
          request: { method: 'GET', url: '{{baseUrl}}/get?key={{apiKey}}&who={{nobody}}' },
        },
        { name: 'Get page', request: { method: 'GET', url: '{{baseUrl}}/get?page=1' } },
        { name: 'Get status', request: { method: 'GET', url: '{{baseUrl}}/get' } },
        { name: 'Who is it', request: { method: 'GET', url: '{{baseUrl}}/headers' } },
        {
          name: 'Post body',
          request: {
            method: 'POST',
            url: '{{baseUrl}}/post',
            body: { mode: 'raw', raw: '{"a":1}', options: { raw: { language: 'json' } } },
          },
        },
      ],
      [{ key: 'baseUrl', value: echo.url }],
    ),
  )
  const env = await callApi(ui, 'environments/Local', {
    method: 'PUT',
    body: JSON.stringify({
      values: [
        { key: 'apiKey', value: 'k-123', enabled: true },
        { key: 'password', value: 'hunter2', enabled: true, secret: true },
      ],
    }),
  })
  expect(env.ok).toBe(true)
  ;({ browser, page } = await openUiPage(ui))
  await page.getByRole('heading', { name: 'Courier', level: 1 }).waitFor()
})

afterAll(() => stopAll({ browser, ui, root }, echo))

async function open(collection: string, name: string): Promise<void> {
  await page.getByRole('tablist', { name: 'Sidebar' }).getByRole('tab', { name: 'Collections' }).click()
  if ((await page.getByRole('treeitem', { name, exact: true }).count()) === 0)
    await page.getByRole('treeitem', { name: collection, exact: true }).click()
  await page.getByRole('treeitem', { name, exact: true }).click()
  await page.getByRole('heading', { name, level: 2 }).waitFor()
}

function urlVariable(name: string): Locator {
  return page.locator('.url-mirror .var').filter({ hasText: `{{${name}}}` })
}

describe('courier ui: {{variables}} in the URL bar', () => {
  it('highlights each variable, shows its value on hover, and marks one that is not defined', async () => {
    await page.getByLabel('Environment', { exact: true }).selectOption('Local')
    await open('Store', 'Get json')
    expect(await page.locator('.url-mirror .var').count()).toBe(3)
    expect(await urlVariable('baseUrl').getAttribute('title')).toBe(`baseUrl = ${echo.url}`)
    await expect.poll(() => urlVariable('apiKey').getAttribute('title')).toBe('apiKey = k-123')
    expect(await urlVariable('nobody').getAttribute('title')).toBe('nobody: not defined')
    expect(await urlVariable('nobody').getAttribute('class')).toContain('var-unknown')
    expect(await urlVariable('apiKey').getAttribute('class')).not.toContain('var-unknown')

    // The pointer reaches the highlighted part over the text field (so the browser shows its title as a tooltip).
    await urlVariable('apiKey').hover()
    expect(await page.locator('.url-mirror .var:hover').textContent()).toBe('{{apiKey}}')
    // Keyboard and screen reader users get the same values as the URL field's description.
    const url = page.getByRole('textbox', { name: 'URL' })
    const describedBy = (await url.getAttribute('aria-describedby')) ?? ''
    const description = await page.locator(`[id="${describedBy}"]`).textContent()
    expect(description).toContain('apiKey = k-123')
    expect(description).toContain('nobody: not defined')

    // Without the environment, apiKey is unknown; a variable typed in is highlighted at once.
    await page.getByLabel('Environment', { exact: true }).selectOption('')
    await expect.poll(() => urlVariable('apiKey').getAttribute('class')).toContain('var-unknown')
    await url.fill('{{baseUrl}}/get?page={{page}}')
    expect(await page.locator('.url-mirror .var').allTextContents()).toEqual(['{{baseUrl}}', '{{page}}'])
    await page.screenshot({ path: join(resultsDir, 'ui-url-variables.png') })
    await url.fill('{{baseUrl}}/get?key={{apiKey}}&who={{nobody}}')
    await page.getByLabel('Environment', { exact: true }).selectOption('Local')
  })
})

describe('courier ui: Params and Ctrl-Enter', () => {
  it('fills a :path variable and edits a query parameter in Params, then sends with Ctrl-Enter', async () => {
    await open('Store', 'Get status')
    const url = page.getByRole('textbox', { name: 'URL' })
    await url.fill('{{baseUrl}}/status/:code?page=1')
    await page
      .getByRole('tablist', { name: 'Request sections' })
      .getByRole('tab', { name: /^Params/ })
      .click()
    await page.getByLabel('Path variables value code', { exact: true }).fill('201')
    await page.getByLabel('Query parameters value page', { exact: true }).fill('2')
    await expect.poll(() => url.inputValue()).toBe('{{baseUrl}}/status/:code?page=2')
    await url.focus()
    await page.keyboard.press('Control+Enter')
    // The echo server answers /status/201 with 201: the path variable was put in the URL that went out.
    await expect.poll(() => page.getByTestId('response-status').textContent()).toBe('201 Created')
  })
})

describe('courier ui: Authorization', () => {
  it('signs the request with Basic, Bearer and API Key auth chosen in the form', async () => {
    await open('Store', 'Who is it')
    await page.getByRole('tablist', { name: 'Request sections' }).getByRole('tab', { name: /^Auth/ }).click()
    const type = page.getByLabel('Auth Type', { exact: true })
    // Each send's echo differs from the one before (another Authorization): wait for the new one.
    let previous = ''
    const sentHeaders = async (): Promise<Record<string, string>> => {
      await page.getByRole('textbox', { name: 'URL' }).focus()
      await page.keyboard.press('Control+Enter')
      let raw = previous
      await expect
        .poll(async () => {
          if ((await page.getByTestId('response-status').count()) === 0) return previous
          await page.getByRole('button', { name: 'Raw' }).click()
          raw = (await page.getByTestId('response-raw').textContent()) ?? previous
          return raw
        })
        .not.toBe(previous)
      previous = raw
      expect(await page.getByTestId('response-status').textContent()).toBe('200 OK')
      return (JSON.parse(raw) as { headers: Record<string, string> }).headers
    }
    await type.selectOption({ label: 'Basic Auth' })
    await page.getByLabel('Username', { exact: true }).fill('ada')
    await page.getByLabel('Password', { exact: true }).fill('lovelace-1815')
    expect((await sentHeaders())['authorization']).toBe(
      `Basic ${Buffer.from('ada:lovelace-1815').toString('base64')}`,
    )
    await type.selectOption({ label: 'Bearer Token' })
    await page.getByLabel('Token', { exact: true }).fill('tok-abc-123')
    // The token is a secret: the response pane shows the echo with it masked.
    const bearer = (await sentHeaders())['authorization'] ?? ''
    expect(bearer).toMatch(/^Bearer /)
    expect(bearer).not.toContain('tok-abc-123')
    await type.selectOption({ label: 'API Key' })
    await page.getByLabel('Key', { exact: true }).fill('X-Api-Key')
    await page.getByLabel('Value', { exact: true }).fill('key-456789')
    const withKey = await sentHeaders()
    expect(withKey['x-api-key']).toBeDefined()
    expect(withKey['authorization']).toBeUndefined()
  })
})

describe('courier ui: the response body', () => {
  it('pretty-prints JSON, folds it from the gutter, and searches it with Ctrl-F', async () => {
    await open('Store', 'Get page')
    await page.getByRole('button', { name: 'Send' }).click()
    await expect.poll(() => page.getByTestId('response-status').textContent()).toBe('200 OK')
    const body = page.getByRole('region', { name: 'Response' }).locator('.code-editor')
    const content = page.getByRole('textbox', { name: 'Response body' })
    await content.waitFor()
    const lines = body.locator('.cm-line')
    // Pretty: one key per line, indented (the echo server answers on one line).
    expect(await lines.count()).toBeGreaterThan(5)
    expect(await lines.nth(1).textContent()).toMatch(/^ {2}"/)

    // Fold the whole object from line 1's gutter marker, then unfold it from the placeholder.
    const before = await lines.count()
    await body.locator('.cm-foldGutter .cm-gutterElement span[title="Fold line"]').first().click()
    await body.locator('.cm-foldPlaceholder').waitFor()
    expect(await lines.count()).toBe(1)
    await body.locator('.cm-foldPlaceholder').click()
    await expect.poll(() => lines.count()).toBe(before)

    // Ctrl-F in the body opens CodeMirror's search panel (not the browser's find) and marks the matches.
    await content.click()
    await page.keyboard.press('Control+f')
    const find = body.getByRole('textbox', { name: 'Find' })
    await find.waitFor()
    await page.keyboard.type('page')
    await expect.poll(() => body.locator('.cm-searchMatch').count()).toBeGreaterThan(0)
    await find.press('Enter')
    await body.locator('.cm-searchMatch-selected').waitFor()
    await page.screenshot({ path: join(resultsDir, 'ui-response-search.png') })
    await find.press('Escape')
    await expect.poll(() => body.locator('.cm-search').count()).toBe(0)

    // Read-only: typing does not change the response.
    const text = await content.textContent()
    await content.click()
    await page.keyboard.type('xyz')
    expect(await content.textContent()).toBe(text)
  })
})

const dropped = collectionJson(
  'Dropped',
  [
    { name: 'Ping', request: { method: 'GET', url: 'http://127.0.0.1:9/ping' } },
    {
      name: 'Folder',
      item: [{ name: 'Create', request: { method: 'POST', url: 'http://127.0.0.1:9/create' } }],
    },
  ],
  [{ key: 'host', value: '127.0.0.1' }],
)

// A file dropped on the window, as the browser delivers it: a DataTransfer holding a File, in dragenter, dragover
// and drop events (text run in the page: this file is checked without the DOM's types).
const DROP = (name: string, text: string) => `(() => {
  const data = new DataTransfer()
  data.items.add(new File([${JSON.stringify(text)}], ${JSON.stringify(name)}, { type: 'application/json' }))
  const target = document.querySelector('main')
  for (const type of ['dragenter', 'dragover', 'drop'])
    target.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }))
})()`

describe('courier ui: import and export', () => {
  it('imports a collection dropped on the window', async () => {
    await page.evaluate(DROP('Dropped.postman_collection.json', JSON.stringify(dropped)))
    const dialog = page.getByRole('dialog', { name: 'Import' })
    await dialog
      .getByRole('status')
      .getByText('collection “Dropped” imported from Dropped.postman_collection.json')
      .waitFor()
    await dialog.getByRole('button', { name: 'Close' }).click()
    await page.getByRole('treeitem', { name: 'Dropped', exact: true }).waitFor()
    expect(await readdir(join(workspace, 'postman', 'collections', 'Dropped'))).toContain('Ping.request.yaml')
  })

  it('exports a collection as a Postman v2.1 file download, deep-equal to what was imported', async () => {
    const windows = browser.context.pages().length
    await page.getByRole('treeitem', { name: 'Dropped', exact: true }).click({ button: 'right' })
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('menu', { name: 'Actions for Dropped' })
        .getByRole('menuitem', { name: 'Export' })
        .click(),
    ])
    expect(download.suggestedFilename()).toBe('Dropped.postman_collection.json')
    const text = await readFile(await download.path(), 'utf8')
    const parsed = parseCollection(text, { source: download.suggestedFilename() })
    expect(parsed.format).toBe('v2.1.0')
    expect(JSON.parse(text)).toEqual(dropped)
    // Export opened no window.
    expect(browser.context.pages().length).toBe(windows)
  })
})

/** The request's file in the workspace (Postman's v3 layout). */
async function requestFile(collection: string, name: string): Promise<string> {
  return readFile(join(workspace, 'postman', 'collections', collection, `${name}.request.yaml`), 'utf8')
}

async function save(): Promise<void> {
  await page.keyboard.press('Control+s')
  await page.getByRole('status').getByText('Saved “Post body”').waitFor()
  await page.getByRole('button', { name: 'Dismiss' }).click()
}

async function typeInEditor(label: string, text: string): Promise<void> {
  await page.getByRole('textbox', { name: label }).click()
  await page.keyboard.press('Control+a')
  await page.keyboard.type(text)
}

describe('courier ui: body modes', () => {
  it('saves form-data, urlencoded, GraphQL and binary bodies to the request file', async () => {
    await open('Store', 'Post body')
    await page.getByRole('tablist', { name: 'Request sections' }).getByRole('tab', { name: 'Body' }).click()
    const mode = (label: string) => page.getByRole('radiogroup', { name: 'Body type' }).getByLabel(label)

    await mode('form-data').check()
    await page.getByLabel('Form-data fields key 1', { exact: true }).fill('name')
    await page.getByLabel('Form-data fields value name', { exact: true }).fill('ada')
    await save()
    let file = await requestFile('Store', 'Post body')
    expect(file).toMatch(/type: formdata/)
    expect(file).toMatch(/name/)
    expect(file).toMatch(/ada/)

    await mode('x-www-form-urlencoded').check()
    await page.getByLabel('Form fields key 1', { exact: true }).fill('grant_type')
    await page.getByLabel('Form fields value grant_type', { exact: true }).fill('client_credentials')
    await save()
    file = await requestFile('Store', 'Post body')
    expect(file).toMatch(/type: urlencoded/)
    expect(file).toMatch(/grant_type: client_credentials/)

    await mode('GraphQL').check()
    await typeInEditor('GraphQL query', 'query { me { id } }')
    await typeInEditor('GraphQL variables', '{"id":7}')
    await save()
    file = await requestFile('Store', 'Post body')
    expect(file).toMatch(/type: graphql/)
    expect(file).toContain('query { me { id } }')
    expect(file).toContain('{"id":7}')

    await mode('binary').check()
    await page.getByLabel('File path', { exact: true }).fill('fixtures/upload.bin')
    await save()
    file = await requestFile('Store', 'Post body')
    expect(file).toMatch(/type: file/)
    expect(file).toContain('fixtures/upload.bin')

    // After a reload, the editor shows what is on disk.
    // Straight after the save (the open tab reaches local state as the page goes away, not only after a pause).
    await page.reload()
    await page.getByRole('heading', { name: 'Post body', level: 2 }).waitFor()
    await page.getByRole('tablist', { name: 'Request sections' }).getByRole('tab', { name: 'Body' }).click()
    expect(await mode('binary').isChecked()).toBe(true)
    expect(await page.getByLabel('File path', { exact: true }).inputValue()).toBe('fixtures/upload.bin')
  })
})

/** The environment's file in the workspace, whatever its extension. */
async function environmentFile(name: string): Promise<string> {
  const dir = join(workspace, 'postman', 'environments')
  const file = (await readdir(dir)).find((f) => f.startsWith(`${name}.`))
  if (file === undefined) throw new Error(`no file for environment ${name} in ${dir}`)
  return readFile(join(dir, file), 'utf8')
}

describe('courier ui: secrets in the environment editor', () => {
  it('masks a secret, reveals it on demand, and never writes it to the environment file', async () => {
    await page.getByRole('tablist', { name: 'Sidebar' }).getByRole('tab', { name: 'Environments' }).click()
    await page.getByRole('button', { name: 'Local', exact: true }).click()
    const password = page.getByLabel('Value of password', { exact: true })
    await password.waitFor()
    expect(await password.getAttribute('type')).toBe('password')
    expect(await password.inputValue()).not.toBe('hunter2')
    expect(await page.locator('body').textContent()).not.toContain('hunter2')

    await page.getByRole('button', { name: 'Reveal secrets' }).click()
    await expect.poll(() => password.inputValue()).toBe('hunter2')
    expect(await password.getAttribute('type')).toBe('text')
    await page.getByRole('button', { name: 'Hide secrets' }).click()
    expect(await password.getAttribute('type')).toBe('password')

    // A new secret typed in the editor: saved, usable, not in the file.
    const rows = await page.getByLabel(/^Variable \d+$/).count()
    await page.getByLabel(`Variable ${rows}`, { exact: true }).fill('token')
    await page.getByLabel('Value of token', { exact: true }).fill('tok-secret-9')
    await page.getByLabel('Secret token', { exact: true }).check()
    expect(await page.getByLabel('Value of token', { exact: true }).getAttribute('type')).toBe('password')
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page.locator('.env-editor').getByRole('status').getByText('Saved').waitFor()

    const file = await environmentFile('Local')
    expect(file).toContain('token')
    expect(file).toContain('apiKey')
    expect(file).not.toContain('hunter2')
    expect(file).not.toContain('tok-secret-9')
    const revealed = (await (await callApi(ui, 'environments?reveal=1')).json()) as {
      name: string
      values: { key: string; value: string }[]
    }[]
    const local = revealed.find((e) => e.name === 'Local')?.values ?? []
    expect(local.find((v) => v.key === 'token')?.value).toBe('tok-secret-9')
    expect(local.find((v) => v.key === 'password')?.value).toBe('hunter2')
    await page.screenshot({ path: join(resultsDir, 'ui-environment-secrets.png') })
  })
})
