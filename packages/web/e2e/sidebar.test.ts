// The sidebar's tree in Chromium (issue #7): rename, duplicate (menu and Ctrl-D) and delete through the context
// menu, drag-and-drop into a folder and into another collection, and the tree's open folders kept across a reload
// and a restart. Each change is checked where it lands: the workspace's files.
import { access, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  callApi,
  collectionJson,
  importCollection,
  resultsDir,
  startCourierUi,
  type Browser,
  type CourierUi,
  openUiPage,
  startWorkspaceUi,
  stopAll,
} from './harness.js'

let root: string
let workspace: string
let ui: CourierUi
let browser: Browser
let page: Page

const request = (name: string) => ({ name, request: { method: 'GET', url: 'http://127.0.0.1:9/' + name } })

/** Whether a path under the workspace's collections exists. */
async function onDisk(...parts: string[]): Promise<boolean> {
  return access(join(workspace, 'postman', 'collections', ...parts)).then(
    () => true,
    () => false,
  )
}

function row(name: string) {
  return page.getByRole('treeitem', { name, exact: true })
}

async function menu(name: string, action: string): Promise<void> {
  await row(name).click({ button: 'right' })
  await page
    .getByRole('menu', { name: `Actions for ${name}` })
    .getByRole('menuitem', { name: action })
    .click()
}

async function rename(from: string, to: string): Promise<void> {
  await menu(from, 'Rename')
  const dialog = page.getByRole('dialog', { name: 'Rename' })
  await dialog.getByLabel('Name').fill(to)
  await dialog.getByRole('button', { name: 'Rename' }).click()
  await row(to).waitFor()
}

interface TreeNode {
  id: string
  name: string
  items?: TreeNode[]
}

/** A tree row's key as the UI keeps it: the collection's id, or `collectionId/itemId`. */
async function keyOf(collection: string, folder?: string): Promise<string> {
  const list = (await (await callApi(ui, 'collections')).json()) as {
    id: string
    name: string
    tree: TreeNode[]
  }[]
  const found = list.find((c) => c.name === collection)
  if (found === undefined) throw new Error(`no collection ${collection}`)
  if (folder === undefined) return found.id
  const node = found.tree.find((n) => n.name === folder)
  if (node === undefined) throw new Error(`no folder ${folder} in ${collection}`)
  return `${found.id}/${node.id}`
}

/** The tree's open rows as the server holds them (the UI saves them shortly after each change). */
async function savedExpanded(): Promise<string[]> {
  const state = (await (await callApi(ui, 'ui-state')).json()) as { expanded?: string[] }
  return [...(state.expanded ?? [])].sort()
}

beforeAll(async () => {
  ;({ root, workspace, ui } = await startWorkspaceUi('courier-ui-sidebar-'))
  await importCollection(
    ui,
    collectionJson('Alpha', [
      { name: 'Folder A', item: [request('Req One')] },
      request('Req Two'),
      request('Req Three'),
    ]),
  )
  await importCollection(ui, collectionJson('Beta', [{ name: 'Folder B', item: [request('Req Four')] }]))
  ;({ browser, page } = await openUiPage(ui))
  await page.getByRole('heading', { name: 'Courier' }).waitFor()
})

afterAll(() => stopAll({ browser, ui, root }))

describe('courier ui: the sidebar’s context menu', () => {
  it('renames a request and a folder, and their files follow', async () => {
    await row('Alpha').click()
    await rename('Req Two', 'Req Second')
    await expect.poll(() => onDisk('Alpha', 'Req Second.request.yaml')).toBe(true)
    await expect.poll(() => onDisk('Alpha', 'Req Two.request.yaml')).toBe(false)

    await rename('Folder A', 'Folder First')
    await expect.poll(() => onDisk('Alpha', 'Folder First', 'Req One.request.yaml')).toBe(true)
    await expect.poll(() => onDisk('Alpha', 'Folder A')).toBe(false)
  })

  it('duplicates a request from the menu and with Ctrl-D, as “<name> Copy”', async () => {
    await menu('Req Three', 'Duplicate')
    await row('Req Three Copy').waitFor()
    await page.getByRole('tab', { name: 'Req Three Copy', exact: true }).waitFor()
    await expect.poll(() => onDisk('Alpha', 'Req Three Copy.request.yaml')).toBe(true)

    await row('Req Second').click()
    await page.getByRole('tab', { name: 'Req Second', exact: true }).waitFor()
    await page.locator('.tab.active', { hasText: 'Req Second' }).waitFor()
    await page.keyboard.press('Control+d')
    await row('Req Second Copy').waitFor()
    await expect.poll(() => onDisk('Alpha', 'Req Second Copy.request.yaml')).toBe(true)
  })

  it('deletes a request to the trash: its row, tab and file go', async () => {
    await menu('Req Three Copy', 'Delete')
    const dialog = page.getByRole('dialog', { name: 'Delete' })
    await dialog.getByText('Move “Req Three Copy” to the workspace trash?').waitFor()
    await dialog.getByRole('button', { name: 'Delete' }).click()
    await row('Req Three Copy').waitFor({ state: 'detached' })
    expect(await page.getByRole('tab', { name: 'Req Three Copy', exact: true }).count()).toBe(0)
    expect(await onDisk('Alpha', 'Req Three Copy.request.yaml')).toBe(false)
    const trash = await readdir(join(workspace, '.courier', 'trash'))
    expect(trash.some((file) => file.includes('item Req Three Copy'))).toBe(true)
    expect(await row('Req Three').count()).toBe(1)
    await page.screenshot({ path: join(resultsDir, 'ui-sidebar-menu.png') })
  })
})

// A drag whose dragstart, dragover and drop arrive in one task (text run in the page: this file is checked without
// the DOM's types). The browser drops only when dragover was cancelled: answers whether it was.
const FAST_DRAG = (from: string, to: string) => `(() => {
  const rows = [...document.querySelectorAll('[role="treeitem"]')]
  const named = (name) => rows.find((element) => element.querySelector('.tree-name')?.textContent === name)
  const source = named(${JSON.stringify(from)}), target = named(${JSON.stringify(to)})
  const dataTransfer = new DataTransfer()
  const fire = (element, type) =>
    element.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer }))
  fire(source, 'dragstart')
  fire(target, 'dragenter')
  const dropAllowed = !fire(target, 'dragover')
  if (dropAllowed) fire(target, 'drop')
  fire(source, 'dragend')
  return dropAllowed
})()`

describe('courier ui: drag-and-drop in the tree', () => {
  it('moves a request into a folder, and into another collection', async () => {
    // Several mouse moves on the way, as a hand makes: one jump can land before the page has started the drag.
    await row('Req Second Copy').dragTo(row('Folder First'), { steps: 8 })
    await expect.poll(() => onDisk('Alpha', 'Folder First', 'Req Second Copy.request.yaml')).toBe(true)
    // A move writes the new file, then removes the old one: both are on disk for a moment.
    await expect.poll(() => onDisk('Alpha', 'Req Second Copy.request.yaml')).toBe(false)
    // The tree follows once the page has fetched the collections again; until then the rows below would move under
    // the next drag. The moved row is gone from Alpha's top level (hidden in Folder First, or shown inside it).
    await expect
      .poll(async () => {
        const moved = row('Req Second Copy')
        return (await moved.count()) === 0 || (await moved.getAttribute('aria-level')) === '3'
      })
      .toBe(true)

    await row('Req Three').dragTo(row('Beta'), { steps: 8 })
    await expect.poll(() => onDisk('Beta', 'Req Three.request.yaml')).toBe(true)
    await expect.poll(() => onDisk('Alpha', 'Req Three.request.yaml')).toBe(false)
    // The tree shows them where they went.
    await row('Beta').click()
    await row('Folder B').waitFor()
    const tree = page.getByRole('tree', { name: 'Collections' })
    await expect
      .poll(async () => {
        const text = await tree.innerText()
        return text.indexOf('Req Three') > text.indexOf('Beta')
      })
      .toBe(true)
    await page.screenshot({ path: join(resultsDir, 'ui-sidebar-moved.png') })
  })

  it('takes a drop that comes before the page has drawn again since the drag started', async () => {
    // dragstart, dragover and drop in one task, as a fast drag on a busy machine can deliver them: the browser drops
    // only when dragover is cancelled, so the tree must know the dragged row without waiting for a render.
    const accepted = await page.evaluate<boolean>(FAST_DRAG('Req Second', 'Folder First'))
    expect(accepted).toBe(true)
    await expect.poll(() => onDisk('Alpha', 'Folder First', 'Req Second.request.yaml')).toBe(true)
    await expect.poll(() => onDisk('Alpha', 'Req Second.request.yaml')).toBe(false)
  })
})

describe('courier ui: the tree’s open folders', () => {
  it('are kept across a reload and a restart', async () => {
    // Close the tabs: an open request's folders open by themselves, which would hide what is being tested.
    // Delete on a focused tab closes it (the tabs pattern of WAI-ARIA).
    const openTabs = page.getByRole('tablist', { name: 'Open tabs' }).getByRole('tab')
    while ((await openTabs.count()) > 0) await openTabs.first().press('Delete')
    // Open: Alpha, Beta, Folder B. Closed: Folder First.
    if ((await row('Folder First').getAttribute('aria-expanded')) === 'true')
      await row('Folder First').click()
    if ((await row('Folder B').getAttribute('aria-expanded')) !== 'true') await row('Folder B').click()
    await row('Req Four').waitFor()
    const [alpha, beta, folderFirst, folderB] = await Promise.all([
      keyOf('Alpha'),
      keyOf('Beta'),
      keyOf('Alpha', 'Folder First'),
      keyOf('Beta', 'Folder B'),
    ])
    await expect.poll(savedExpanded).toEqual([alpha, beta, folderB].sort())

    await page.reload()
    await row('Req Four').waitFor()
    expect(await row('Alpha').getAttribute('aria-expanded')).toBe('true')
    expect(await row('Beta').getAttribute('aria-expanded')).toBe('true')
    expect(await row('Folder B').getAttribute('aria-expanded')).toBe('true')
    expect(await row('Folder First').getAttribute('aria-expanded')).toBe('false')

    // Collapse Folder B, open Folder First; restart the server and reload.
    await row('Folder B').click()
    await row('Folder First').click()
    await row('Req One').waitFor()
    await expect.poll(savedExpanded).toEqual([alpha, beta, folderFirst].sort())
    await ui.stop()
    ui = await startCourierUi(workspace)
    await page.goto(ui.url)
    await row('Req One').waitFor()
    expect(await row('Folder First').getAttribute('aria-expanded')).toBe('true')
    expect(await row('Folder B').getAttribute('aria-expanded')).toBe('false')
    expect(await row('Req Four').count()).toBe(0)
    expect(await savedExpanded()).toEqual([alpha, beta, folderFirst].sort())
    await page.screenshot({ path: join(resultsDir, 'ui-tree-restored.png') })
  })
})
