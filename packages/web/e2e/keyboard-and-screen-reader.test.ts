// What a keyboard and a screen reader get from the window in Chromium (issue #7): every tab list follows WAI-ARIA's
// tabs pattern (one Tab stop, arrow keys, Home and End, tab ↔ panel), the main regions read as landmarks, headings
// and named controls in order (Playwright's ARIA snapshot: the accessibility tree Chromium exposes), and the
// "connection lost" banner is announced and readable.
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { startEchoServer, type EchoServer } from '@courier/testkit'
import type { Locator, Page } from 'playwright-core'
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

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

let root: string
let echo: EchoServer
let ui: CourierUi
let browser: Browser
let page: Page

beforeAll(async () => {
  ;({ root, ui } = await startWorkspaceUi('courier-ui-keyboard-'))
  echo = await startEchoServer()
  const request = (name: string, path: string) => ({
    name,
    request: {
      method: 'GET',
      url: `{{baseUrl}}${path}`,
      header: [{ key: 'Accept', value: 'application/json' }],
    },
  })
  await importCollection(
    ui,
    collectionJson(
      'Shop',
      [
        request('List orders', '/get?page=1'),
        request('Get order', '/get?id=7'),
        request('Get customer', '/get?customer=ada'),
      ],
      [{ key: 'baseUrl', value: echo.url }],
    ),
  )
  ;({ browser, page } = await openUiPage(ui))
  await page.getByRole('heading', { name: 'Courier', level: 1 }).waitFor()
})

afterAll(() => stopAll({ browser, ui, root }, echo))

async function open(name: string): Promise<void> {
  if ((await page.getByRole('treeitem', { name, exact: true }).count()) === 0)
    await page.getByRole('treeitem', { name: 'Shop', exact: true }).click()
  await page.getByRole('treeitem', { name, exact: true }).click()
  await page.getByRole('tab', { name, exact: true, selected: true }).waitFor()
}

/** The `document.activeElement`'s id (code run in the page is text: this file is checked without the DOM's types). */
async function focusedId(): Promise<string> {
  return page.evaluate<string>('document.activeElement?.id ?? ""')
}

/**
 * Checks the tabs pattern on `list` with its `index`th tab expected focused: that tab has the focus, is selected,
 * is the list's only Tab stop, and controls the panel shown, which is labelled by it.
 */
async function expectFocusedTab(list: Locator, index: number): Promise<void> {
  const tab = list.getByRole('tab').nth(index)
  const id = (await tab.getAttribute('id')) ?? ''
  expect(id).not.toBe('')
  await expect.poll(focusedId).toBe(id)
  expect(await tab.getAttribute('aria-selected')).toBe('true')
  expect(await list.locator('[role="tab"][tabindex="0"]').count()).toBe(1)
  expect(await tab.getAttribute('tabindex')).toBe('0')
  const panelId = (await tab.getAttribute('aria-controls')) ?? ''
  const panel = page.locator(`[id="${panelId}"]`)
  expect(await panel.getAttribute('role')).toBe('tabpanel')
  expect(await panel.getAttribute('aria-labelledby')).toBe(id)
}

/** Walks a tab list with the keyboard: next, previous (wrapping both ways), End and Home. */
async function walkTabList(list: Locator, keys: { previous: string; next: string }): Promise<void> {
  const count = await list.getByRole('tab').count()
  expect(count).toBeGreaterThan(2)
  await list.getByRole('tab').first().click()
  await expectFocusedTab(list, 0)
  await page.keyboard.press(keys.next)
  await expectFocusedTab(list, 1)
  await page.keyboard.press(keys.previous)
  await expectFocusedTab(list, 0)
  await page.keyboard.press(keys.previous)
  await expectFocusedTab(list, count - 1)
  await page.keyboard.press(keys.next)
  await expectFocusedTab(list, 0)
  await page.keyboard.press('End')
  await expectFocusedTab(list, count - 1)
  await page.keyboard.press('Home')
  await expectFocusedTab(list, 0)
}

const horizontal = { previous: 'ArrowLeft', next: 'ArrowRight' }

async function send(): Promise<void> {
  await page.getByRole('button', { name: 'Send' }).click()
  await expect.poll(() => page.getByTestId('response-status').textContent()).toBe('200 OK')
}

describe('courier ui: tab lists and the keyboard', () => {
  it('moves between open requests with the arrow keys, Home and End, one Tab stop for the whole bar', async () => {
    await open('List orders')
    await open('Get order')
    await open('Get customer')
    const bar = page.getByRole('tablist', { name: 'Open tabs' })
    await walkTabList(bar, horizontal)
    // The editor follows the selected tab.
    await page.keyboard.press('ArrowRight')
    await expectFocusedTab(bar, 1)
    await page.getByRole('heading', { name: 'Get order', level: 2 }).waitFor()

    // Tab leaves the bar; Shift-Tab comes back to the selected tab, not to the first one.
    await page.keyboard.press('Tab')
    expect(await bar.locator(':focus').count()).toBe(0)
    await page.keyboard.press('Shift+Tab')
    await expectFocusedTab(bar, 1)
  })

  it('closes the focused request tab with Delete and keeps the focus in the bar', async () => {
    const bar = page.getByRole('tablist', { name: 'Open tabs' })
    await bar.getByRole('tab', { name: 'Get customer' }).click()
    await page.keyboard.press('Delete')
    await expect.poll(() => bar.getByRole('tab').count()).toBe(2)
    expect(await bar.getByRole('tab', { name: 'Get customer' }).count()).toBe(0)
    await expectFocusedTab(bar, 1)
    await page.getByRole('heading', { name: 'Get order', level: 2 }).waitFor()
  })

  it('walks the request sections, the scripts and the response views; the panel follows', async () => {
    await open('List orders')
    const sections = page.getByRole('tablist', { name: 'Request sections' })
    await walkTabList(sections, horizontal)
    await page.keyboard.press('ArrowRight')
    await page.getByRole('tabpanel', { name: 'Authorization' }).getByLabel('Auth Type').waitFor()

    await sections.getByRole('tab', { name: 'Scripts' }).click()
    const scripts = page.getByRole('tablist', { name: 'Script' })
    expect(await scripts.getAttribute('aria-orientation')).toBe('vertical')
    await scripts.getByRole('tab', { name: 'Pre-request' }).click()
    await page.keyboard.press('ArrowDown')
    await expectFocusedTab(scripts, 1)
    await page.getByRole('textbox', { name: 'Test script' }).waitFor()
    await page.keyboard.press('ArrowDown')
    await expectFocusedTab(scripts, 0)
    await page.getByRole('textbox', { name: 'Pre-request script' }).waitFor()

    await send()
    const views = page.getByRole('tablist', { name: 'Response views' })
    await walkTabList(views, horizontal)
    await page.keyboard.press('ArrowRight')
    await page.getByRole('table', { name: 'Response headers' }).waitFor()
  })

  it('switches the sidebar between collections, environments and history with the arrow keys', async () => {
    const sidebar = page.getByRole('tablist', { name: 'Sidebar' })
    await walkTabList(sidebar, horizontal)
    await page.keyboard.press('ArrowRight')
    await page
      .getByRole('tabpanel', { name: 'Environments' })
      .getByRole('button', { name: 'Globals' })
      .waitFor()
    await page.keyboard.press('Home')
    await page.getByRole('tree', { name: 'Collections' }).waitFor()
  })
})

/** One node of an ARIA snapshot: its role and accessible name (empty when it has none), and its heading level. */
interface AriaNode {
  role: string
  name: string
  level?: number
}

/** Reads Playwright's ARIA snapshot (YAML-like text) into its nodes, in document order. */
function ariaNodes(snapshot: string): AriaNode[] {
  const nodes: AriaNode[] = []
  for (const line of snapshot.split('\n')) {
    const match = /^\s*- ([a-z]+)(?: "((?:[^"\\]|\\.)*)")?(.*)$/.exec(line)
    if (match === null) continue
    const [, role = '', name = '', rest = ''] = match
    const level = /\[level=(\d+)\]/.exec(rest)?.[1]
    nodes.push({ role, name, ...(level === undefined ? {} : { level: Number(level) }) })
  }
  return nodes
}

function describeNode(node: AriaNode): string {
  return `${node.role}${node.name === '' ? '' : ` "${node.name}"`}${node.level === undefined ? '' : ` [level=${node.level}]`}`
}

const LANDMARKS = new Set([
  'banner',
  'navigation',
  'main',
  'region',
  'complementary',
  'contentinfo',
  'search',
])
const CONTROLS = new Set([
  'button',
  'link',
  'textbox',
  'searchbox',
  'combobox',
  'checkbox',
  'radio',
  'tab',
  'tablist',
  'tabpanel',
  'tree',
  'treeitem',
  'menuitem',
  'slider',
  'spinbutton',
])

/** Which of `expected` are missing from `actual` in that order (empty when all are there, in order). */
function missingInOrder(actual: string[], expected: string[]): string[] {
  let at = 0
  const missing: string[] = []
  for (const want of expected) {
    const found = actual.indexOf(want, at)
    if (found < 0) missing.push(want)
    else at = found + 1
  }
  return missing
}

describe('courier ui: what a screen reader reads', () => {
  it('reads landmarks, headings and named controls in order with a request open and its response shown', async () => {
    await open('List orders')
    await page.getByRole('tablist', { name: 'Request sections' }).getByRole('tab', { name: 'Params' }).click()
    await send()
    await page.getByRole('tablist', { name: 'Response views' }).getByRole('tab', { name: 'Body' }).click()
    await page.getByRole('textbox', { name: 'Response body' }).waitFor()
    const nodes = ariaNodes(await page.locator('body').ariaSnapshot())
    const outline = nodes.map(describeNode)

    expect(nodes.filter((n) => LANDMARKS.has(n.role)).map(describeNode)).toEqual([
      'banner',
      'navigation "Workspace"',
      'main',
      'region "Response"',
    ])
    expect(nodes.filter((n) => n.role === 'heading').map(describeNode)).toEqual([
      'heading "Courier" [level=1]',
      'heading "List orders" [level=2]',
      'heading "Query Params" [level=3]',
      'heading "Response" [level=2]',
    ])
    // Every control has a name (no "button ×", no icon read as its symbol alone).
    expect(nodes.filter((n) => CONTROLS.has(n.role) && n.name === '').map(describeNode)).toEqual([])

    // The sidebar, then the request as one reads it top to bottom, then the response.
    expect(
      missingInOrder(outline, [
        'button "Switch to dark theme"',
        'navigation "Workspace"',
        'tablist "Sidebar"',
        'tab "Collections"',
        'tabpanel "Collections"',
        'button "New collection"',
        'searchbox "Filter collections"',
        'button "Import"',
        'tree "Collections"',
        'treeitem "Shop" [level=1]',
        'treeitem "List orders" [level=2]',
        'treeitem "Get order" [level=2]',
        'main',
        'tablist "Open tabs"',
        'tab "List orders"',
        'tabpanel "List orders"',
        'heading "List orders" [level=2]',
        'combobox "Method"',
        'textbox "URL"',
        'button "Send"',
        'button "Code snippet"',
        'tablist "Request sections"',
        'tab "Params"',
        'tab "Authorization"',
        'tab "Headers (1)"',
        'tab "Body"',
        'tabpanel "Params"',
        'heading "Query Params" [level=3]',
        'textbox "Query parameters key 1"',
        'textbox "Query parameters value page"',
        'region "Response"',
        'heading "Response" [level=2]',
        'tablist "Response views"',
        'tab "Body"',
        'tab "Test Results"',
        'button "Save as example"',
        'tabpanel "Body"',
        'group "Body view"',
        'button "Pretty"',
        'textbox "Response body"',
      ]),
      outline.join('\n'),
    ).toEqual([])
    // Status, time and size say what they are.
    const response = await page.getByRole('region', { name: 'Response' }).ariaSnapshot()
    expect(response).toContain('text: Status 200 OK')
    expect(response).toMatch(/group: Time \d+ ms/)
    expect(response).toMatch(/text: Size \d+ B/)
  })

  it('names each landmark once when the code snippet is open beside the request', async () => {
    await page.getByRole('button', { name: 'Code snippet', exact: true }).click()
    await page.getByRole('complementary', { name: 'Code snippet' }).waitFor()
    const nodes = ariaNodes(await page.locator('body').ariaSnapshot())
    const landmarks = nodes.filter((n) => LANDMARKS.has(n.role)).map(describeNode)
    expect(landmarks).toEqual([
      'banner',
      'navigation "Workspace"',
      'main',
      'complementary "Code snippet"',
      'region "Response"',
    ])
    expect(new Set(landmarks).size).toBe(landmarks.length)
    expect(nodes.filter((n) => CONTROLS.has(n.role) && n.name === '').map(describeNode)).toEqual([])
    expect(
      await page.getByRole('button', { name: 'Code snippet', exact: true }).getAttribute('aria-pressed'),
    ).toBe('true')
    await page.getByRole('button', { name: 'Close code snippet' }).click()
  })
})

describe('courier ui: a response announced', () => {
  it('says the status and time of each response in a live region that stays in the page', async () => {
    await open('Get customer')
    const live = page.getByRole('region', { name: 'Response' }).getByTestId('response-announcement')
    expect(await live.getAttribute('role')).toBe('status')
    expect(await live.textContent()).toBe('')
    // Mark the node: the same one must carry the text (a region created with its text is often not announced).
    await page.evaluate(
      `document.querySelector('[data-testid="response-announcement"]').dataset.kept = 'yes'`,
    )
    await send()
    await expect.poll(() => live.textContent()).toMatch(/^Response 200 OK in \d+ ms$/)
    expect(await live.getAttribute('data-kept')).toBe('yes')
  })
})

/** One axe rule broken, with where (CSS selectors). */
interface Violation {
  id: string
  impact: string | null
  nodes: string[]
}

// Axe on the whole page (critical and serious violations), then its colour-contrast rule on the banner alone: it
// must have checked the banner's text (a pass), not left it undecided.
const AXE_RUN = `(async () => {
  const page = await axe.run(document, { resultTypes: ['violations'] })
  const banner = await axe.run('.connection-status', { runOnly: ['color-contrast'] })
  return {
    violations: page.violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) })),
    bannerContrastChecked: banner.passes.length > 0 && banner.violations.length === 0,
  }
})()`

describe('courier ui: the connection lost banner', () => {
  // Last in this file: it stops the server.
  it('is announced (an assertive live region kept in the page) and passes axe in both themes', async () => {
    const region = page.locator('.connection-status')
    expect(await region.getAttribute('role')).toBe('alert')
    expect(await region.getAttribute('aria-live')).toBe('assertive')
    expect((await region.textContent()) ?? '').toBe('')
    await ui.stop()
    await expect.poll(() => region.textContent()).toContain('Connection to the Courier server lost')
    if (!(await page.evaluate<boolean>("'axe' in window"))) await page.addScriptTag({ path: axePath })
    for (const theme of ['light', 'dark'] as const) {
      if ((await page.locator('html').getAttribute('data-theme')) !== theme)
        await page.getByRole('button', { name: `Switch to ${theme} theme` }).click()
      await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe(theme)
      const result = await page.evaluate<{ violations: Violation[]; bannerContrastChecked: boolean }>(AXE_RUN)
      expect(result.violations, theme).toEqual([])
      expect(result.bannerContrastChecked, theme).toBe(true)
      await page.screenshot({ path: join(resultsDir, `ui-connection-lost-${theme}.png`) })
    }
  })
})
