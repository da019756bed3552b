// The GoTo guide's journey in Chromium (issue #7): import the collection and environment, put the client id and
// secret in the environment, Get New Access Token through the provider's login and consent pages, send
// "Get Organizer", save, restart the server, and find everything still there; then duplicate, edit, switch Body
// examples and write docs, all persisted. Against the built CLI (`courier ui`) and the GoTo sandbox on loopback.
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { demoClient, startGotoSandbox, type GotoSandbox } from '@courier/goto-sandbox'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  examplesDir,
  freePort,
  launchChromium,
  resultsDir,
  runCourier,
  startCourierUi,
  tempDir,
  type Browser,
  type CourierUi,
  stopAll,
} from './harness.js'

let root: string
let workspace: string
let goto: GotoSandbox
let ui: CourierUi
let browser: Browser
let page: Page
let callbackUrl: string

beforeAll(async () => {
  root = await tempDir('courier-ui-e2e-')
  workspace = join(root, 'ws')
  runCourier(['init', workspace], root)
  const callbackPort = await freePort()
  goto = await startGotoSandbox({
    clients: [{ ...demoClient, redirectUris: [`http://127.0.0.1:${callbackPort}/callback`] }],
  })
  callbackUrl = `http://127.0.0.1:${callbackPort}/callback`
  ui = await startCourierUi(workspace)
  browser = await launchChromium()
  page = await browser.context.newPage()
  await mkdir(resultsDir, { recursive: true })
})

afterAll(() => stopAll({ browser, ui, root }, goto))

async function screenshot(name: string): Promise<void> {
  await page.screenshot({ path: join(resultsDir, `ui-${name}.png`) })
}

async function setVariable(name: string, value: string): Promise<void> {
  const field = page.getByLabel(`Value of ${name}`, { exact: true })
  if ((await field.count()) === 0) {
    const rows = await page.getByLabel(/^Variable \d+$/).count()
    await page.getByLabel(`Variable ${rows}`, { exact: true }).fill(name)
  }
  await page.getByLabel(`Value of ${name}`, { exact: true }).fill(value)
}

async function openTreeItem(...names: string[]): Promise<void> {
  for (const name of names) await page.getByRole('treeitem', { name, exact: true }).click()
}

/** A tab of the request editor (the response pane has tabs of the same names). */
function section(name: string | RegExp) {
  return page.getByRole('tablist', { name: 'Request sections' }).getByRole('tab', { name })
}

async function save(): Promise<void> {
  await page.keyboard.press('Control+s')
  await page.locator('.tab.active[data-dirty="false"]').waitFor()
}

describe('courier ui: the GoTo guide in the browser', () => {
  it('imports, gets a token through the login page, sends, and keeps everything across a restart', async () => {
    await page.goto(ui.url)
    await page.getByRole('heading', { name: 'Courier' }).waitFor()

    // Import the collection and the environment through the file picker.
    await page.getByRole('button', { name: 'Import' }).first().click()
    await page
      .getByLabel('Import files')
      .setInputFiles([
        join(examplesDir, 'gotomeeting.postman_collection.json'),
        join(examplesDir, 'gotomeeting.postman_environment.json'),
      ])
    await page.getByText(/environment “GoTo \(sample\)” imported/).waitFor()
    await page.getByText(/collection “GoToMeeting \(sample\)” imported/).waitFor()
    await page.getByRole('button', { name: 'Close' }).click()

    // The environment: the sandbox's URLs, the client id and secret (a secret, masked).
    await page.getByRole('tab', { name: 'Environments' }).click()
    await page.getByRole('button', { name: 'GoTo (sample)' }).click()
    await setVariable('authUrl', goto.authorizeUrl)
    await setVariable('tokenUrl', goto.tokenUrl)
    await setVariable('callbackUrl', callbackUrl)
    await setVariable('clientId', demoClient.clientId)
    await setVariable('clientSecret', demoClient.clientSecret)
    expect(await page.getByLabel('Value of clientSecret').getAttribute('type')).toBe('password')
    await setVariable('baseUrl', goto.url)
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page.getByRole('status').getByText('Saved').waitFor()
    await page.getByLabel('Environment', { exact: true }).selectOption('GoTo (sample)')

    // The collection's OAuth 2.0 form, as the guide fills it.
    await page.getByRole('tab', { name: 'Collections' }).click()
    await page.getByRole('treeitem', { name: 'GoToMeeting (sample)' }).click({ button: 'right' })
    await page.getByRole('menuitem', { name: 'Open settings' }).click()
    await expect.poll(() => page.getByLabel('Token Name').inputValue()).toBe('GoToMeeting')
    expect(await page.getByLabel('Grant Type').inputValue()).toBe('authorization_code')
    expect(await page.getByLabel('Auth URL').inputValue()).toBe('{{authUrl}}')
    expect(await page.getByLabel('Client Authentication').inputValue()).toBe('header')
    await screenshot('oauth2-form')

    // Get New Access Token: the provider's login page opens, the user signs in and allows.
    const popupOpened = page.waitForEvent('popup')
    await page.getByRole('button', { name: 'Get New Access Token' }).click()
    const popup = await popupOpened
    await popup.waitForURL(/\/oauth\/authorize/)
    await popup.locator('#username').fill('ada@example.com')
    await popup.locator('#password').fill('courier')
    await popup.getByRole('button', { name: 'Sign in' }).click()
    await popup.getByRole('button', { name: 'Allow' }).click()
    await page.locator('[data-token="GoToMeeting"]').waitFor()
    await page.getByRole('status').getByText('Token saved').waitFor()

    // Send "Get Organizer": 200 OK and the organizer in the body.
    await openTreeItem('GoToMeeting (sample)', 'Organizers', 'Get Organizer')
    await page.getByRole('button', { name: 'Send' }).click()
    await expect.poll(() => page.getByTestId('response-status').textContent()).toBe('200 OK')
    await page.getByRole('button', { name: 'Raw' }).click()
    expect(await page.getByTestId('response-raw').textContent()).toContain('ada@example.com')
    // Send ran the request's test script: its tests and what it logged are in the response pane.
    const responseViews = page.getByRole('tablist', { name: 'Response views' })
    await responseViews.getByRole('tab', { name: 'Test Results (2/2)' }).click()
    const results = page.getByRole('list', { name: 'Test results' })
    expect(await results.getByRole('listitem').allTextContents()).toEqual([
      'PASS status is 200',
      'PASS has an email',
    ])
    await responseViews.getByRole('tab', { name: 'Console' }).click()
    expect(await page.locator('pre.console').textContent()).toBe('log: organizer ada@example.com')
    await responseViews.getByRole('tab', { name: 'Body' }).click()
    await screenshot('journey-200')

    // Edit (a header), Ctrl-S: the unsaved dot comes and goes.
    await section(/^Headers/).click()
    await page.getByLabel('Headers key 2', { exact: true }).fill('X-Trace')
    await page.getByLabel('Headers value X-Trace', { exact: true }).fill('e2e')
    await page.locator('.tab.active[data-dirty="true"]').waitFor()
    await save()

    // Restart the server, reload: the tab, the edit, the environment and the token are still there.
    await ui.stop()
    await page.getByText('Connection to the Courier server lost').waitFor()
    ui = await startCourierUi(workspace)
    await page.goto(ui.url)
    await page.getByRole('tab', { name: 'Get Organizer', exact: true }).waitFor()
    await section(/^Headers/).click()
    await expect.poll(() => page.getByLabel('Headers key 2', { exact: true }).inputValue()).toBe('X-Trace')
    expect(await page.getByLabel('Environment', { exact: true }).inputValue()).toBe('GoTo (sample)')
    await page.getByRole('button', { name: 'Send' }).click()
    await expect.poll(() => page.getByTestId('response-status').textContent()).toBe('200 OK')

    // Duplicate (Ctrl-D), edit the copy's URL and docs, save.
    await page.keyboard.press('Control+d')
    await page.getByRole('tab', { name: 'Get Organizer Copy', exact: true }).waitFor()
    await page.getByLabel('URL', { exact: true }).fill('{{baseUrl}}/admin/rest/v1/me')
    await section('Docs').click()
    await page.getByRole('group', { name: 'Docs mode' }).getByRole('button', { name: 'Edit' }).click()
    await page.getByLabel('Documentation (Markdown)').fill('# Who am I\n\nCalls **/me** with the same token.')
    await page.getByRole('group', { name: 'Docs mode' }).getByRole('button', { name: 'Preview' }).click()
    await page.getByTestId('docs-preview').getByRole('heading', { name: 'Who am I' }).waitFor()
    await save()
    await page.getByRole('button', { name: 'Send' }).click()
    await expect.poll(() => page.getByTestId('response-status').textContent()).toBe('200 OK')

    // Switch between Create Meeting's Body examples.
    await openTreeItem('Create Meeting')
    await section('Body').click()
    await page
      .getByLabel('Raw body')
      .getByText(/meetingSubject/)
      .waitFor()
    await page.getByLabel('Body of').selectOption({ label: 'Example: Scheduled meeting' })
    await page
      .getByLabel('Raw body')
      .getByText(/Review/)
      .waitFor()
    await page.getByLabel('Body of').selectOption({ label: 'Example: Immediate meeting' })
    await page
      .getByLabel('Raw body')
      .getByText(/Standup/)
      .waitFor()
    await screenshot('body-examples')

    // Restart once more: the copy, its URL and its docs are on disk. The open tabs are saved 300 ms after the last
    // change (a debounce): give that save time to land before the server stops, as a user closing the app would.
    await page.waitForTimeout(1500)
    await ui.stop()
    ui = await startCourierUi(workspace)
    await page.goto(ui.url)
    await page.getByRole('tab', { name: 'Get Organizer Copy', exact: true }).click()
    await expect
      .poll(() => page.getByLabel('URL', { exact: true }).inputValue())
      .toBe('{{baseUrl}}/admin/rest/v1/me')
    await section('Docs').click()
    await page.getByTestId('docs-preview').getByRole('heading', { name: 'Who am I' }).waitFor()
    await page.getByRole('treeitem', { name: 'Get Organizer Copy' }).waitFor()
    await screenshot('after-restart')
  })
})
