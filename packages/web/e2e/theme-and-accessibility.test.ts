// The window's themes and its accessibility in Chromium (issue #7): light ↔ dark changes what the user sees and
// survives a reload; axe-core finds no critical or serious violation with a request, its response and an
// environment open, in either theme; the keyboard alone reaches the URL bar, Send and the response in order.
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { startEchoServer, type EchoServer } from '@courier/testkit'
import type { Page } from 'playwright-core'
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

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

let root: string
let echo: EchoServer
let ui: CourierUi
let browser: Browser
let page: Page

/** One axe rule broken, with where (CSS selectors) and why, to read in a failed test's diff. */
interface Violation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string; summary: string }[]
}

// Code run in the page is written as text: this file is type-checked without the DOM's types.
const AXE_RUN = `axe.run(document, { resultTypes: ['violations'] }).then((result) =>
  result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary ?? '' })),
  })))`
const FOCUS_IS_VISIBLE = `(() => {
  const style = getComputedStyle(document.activeElement)
  return style.outlineStyle !== 'none' || style.boxShadow !== 'none'
})()`

/** Runs axe-core on the page as it is and returns its critical and serious violations. */
async function seriousViolations(): Promise<Violation[]> {
  if (!(await page.evaluate<boolean>("'axe' in window"))) await page.addScriptTag({ path: axePath })
  const violations = await page.evaluate<Violation[]>(AXE_RUN)
  return violations.filter((v) => v.impact === 'critical' || v.impact === 'serious')
}

async function backgroundColour(): Promise<string> {
  return page.evaluate<string>('getComputedStyle(document.body).backgroundColor')
}

async function currentTheme(): Promise<string | null> {
  return page.locator('html').getAttribute('data-theme')
}

async function savedTheme(): Promise<unknown> {
  return ((await (await callApi(ui, 'ui-state')).json()) as { theme?: unknown }).theme
}

beforeAll(async () => {
  ;({ root, ui } = await startWorkspaceUi('courier-ui-a11y-'))
  echo = await startEchoServer()
  await importCollection(
    ui,
    collectionJson(
      'Checks',
      [
        {
          name: 'Folder',
          item: [
            {
              name: 'Get echo',
              request: {
                method: 'GET',
                url: '{{baseUrl}}/get?q=1',
                header: [{ key: 'Accept', value: 'application/json' }],
              },
              event: [
                {
                  listen: 'test',
                  script: { exec: ["pm.test('is 200', () => pm.response.to.have.status(200))"] },
                },
              ],
            },
          ],
        },
      ],
      [{ key: 'baseUrl', value: echo.url }],
    ),
  )
  const env = await callApi(ui, 'environments/Local', {
    method: 'PUT',
    body: JSON.stringify({
      values: [
        { key: 'user', value: 'ada', enabled: true },
        { key: 'password', value: 'hunter2', enabled: true, secret: true },
      ],
    }),
  })
  expect(env.ok).toBe(true)
  ;({ browser, page } = await openUiPage(ui))
  await page.getByRole('heading', { name: 'Courier' }).waitFor()
})

afterAll(() => stopAll({ browser, ui, root }, echo))

async function openAndSend(): Promise<void> {
  if ((await page.getByRole('treeitem', { name: 'Get echo', exact: true }).count()) === 0) {
    await page.getByRole('treeitem', { name: 'Checks', exact: true }).click()
    await page.getByRole('treeitem', { name: 'Folder', exact: true }).click()
  }
  await page.getByRole('treeitem', { name: 'Get echo', exact: true }).click()
  await page.getByRole('button', { name: 'Send' }).click()
  await expect.poll(() => page.getByTestId('response-status').textContent()).toBe('200 OK')
}

describe('courier ui: themes', () => {
  it('switches light ↔ dark, and the choice survives a reload', async () => {
    const first = await currentTheme()
    const other = first === 'dark' ? 'light' : 'dark'
    const before = await backgroundColour()
    await page.getByRole('button', { name: `Switch to ${other} theme` }).click()
    await expect.poll(currentTheme).toBe(other)
    const after = await backgroundColour()
    expect(after).not.toBe(before)
    await page.screenshot({ path: join(resultsDir, `ui-theme-${other}.png`) })
    await expect.poll(savedTheme).toBe(other)

    await page.reload()
    await page
      .getByRole('button', { name: `Switch to ${first === 'dark' ? 'dark' : 'light'} theme` })
      .waitFor()
    expect(await backgroundColour()).toBe(after)

    // And back: the first theme is stored as the choice too.
    await page.getByRole('button', { name: `Switch to ${first === 'dark' ? 'dark' : 'light'} theme` }).click()
    await expect.poll(savedTheme).toBe(first)
    await page.reload()
    await page.getByRole('button', { name: `Switch to ${other} theme` }).waitFor()
    expect(await backgroundColour()).toBe(before)
  })
})

describe('courier ui: accessibility', () => {
  it('has no critical or serious axe violations with a request, its response and an environment open', async () => {
    for (const theme of ['light', 'dark'] as const) {
      if ((await currentTheme()) !== theme)
        await page.getByRole('button', { name: `Switch to ${theme} theme` }).click()
      await openAndSend()
      // The response body in CodeMirror (its own theme's colours: oneDark in the dark theme).
      await page.getByRole('tablist', { name: 'Response views' }).getByRole('tab', { name: 'Body' }).click()
      await page.getByRole('textbox', { name: 'Response body' }).waitFor()
      expect(await seriousViolations(), `response body, ${theme}`).toEqual([])
      await page.getByRole('tab', { name: /^Test Results/ }).click()
      expect(await seriousViolations(), `request tab, ${theme}`).toEqual([])
      await page
        .getByRole('tab', { name: /^Headers/ })
        .first()
        .click()
      expect(await seriousViolations(), `request headers, ${theme}`).toEqual([])

      await page.getByRole('tab', { name: 'Environments' }).click()
      await page.getByRole('button', { name: 'Local', exact: true }).click()
      await page.getByLabel('Value of user', { exact: true }).waitFor()
      expect(await seriousViolations(), `environment editor, ${theme}`).toEqual([])
      await page.screenshot({ path: join(resultsDir, `ui-a11y-environment-${theme}.png`) })
      await page.getByRole('tab', { name: 'Collections' }).click()
    }
  })

  it('reaches the URL bar, Send and the response with the keyboard alone, in that order', async () => {
    await openAndSend()
    // Start from the top of the page (a click on the title moves the starting point of Tab there).
    await page.getByRole('heading', { name: 'Courier' }).click()
    const seen: { role: string; name: string; inResponse: boolean }[] = []
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab')
      const focused = page.locator(':focus')
      if ((await focused.count()) === 0) continue
      // The role and accessible name as assistive technology gets them (the first line of the ARIA snapshot).
      const line = (await focused.ariaSnapshot()).split('\n')[0] ?? ''
      const [, role = '', name = ''] = /^- ([\w-]+)(?: "(.*?)")?/.exec(line) ?? []
      const inResponse = (await page.locator('section.response :focus').count()) > 0
      expect(name, `focus ${i} (${line}) has an accessible name`).not.toBe('')
      expect(await page.evaluate<boolean>(FOCUS_IS_VISIBLE), `focus on “${name}” is visible`).toBe(true)
      seen.push({ role, name, inResponse })
      if (inResponse) break
    }
    const url = seen.findIndex((f) => f.role === 'textbox' && f.name === 'URL')
    const send = seen.findIndex((f) => f.role === 'button' && f.name === 'Send')
    const response = seen.findIndex((f) => f.inResponse)
    expect(url, seen.map((f) => `${f.role} “${f.name}”`).join(' → ')).toBeGreaterThanOrEqual(0)
    expect(send).toBeGreaterThan(url)
    expect(response).toBeGreaterThan(send)
  })
})
