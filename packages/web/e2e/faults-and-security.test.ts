// Faults the UI must show precisely, and the local server's origin guard seen from a real browser.
import { createServer, type Server } from 'node:http'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resultsDir, type Browser, type CourierUi, openUiPage, startWorkspaceUi, stopAll } from './harness.js'

let root: string
let ui: CourierUi
let browser: Browser
let page: Page

const token = () => new URL(ui.url).searchParams.get('token') ?? ''

/** Calls the API from the test itself, as the server's own origin would. */
async function callApi(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${ui.origin}/api/${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${token()}`,
      'content-type': 'application/json',
      ...(init.headers ?? {}),
    },
  })
}

beforeAll(async () => {
  ;({ root, ui } = await startWorkspaceUi('courier-ui-faults-'))
  ;({ browser, page } = await openUiPage(ui))
  await page.getByRole('heading', { name: 'Courier' }).waitFor()
})

afterAll(() => stopAll({ browser, ui, root }))

describe('courier ui faults', () => {
  it('shows the CLI’s precise message for a bad import', async () => {
    const bad = join(root, 'broken.postman_collection.json')
    await writeFile(bad, '{\n  "info": {\n    "name": "Broken",\n  }\n}\n')
    await page.getByRole('button', { name: 'Import' }).first().click()
    await page.getByLabel('Import files').setInputFiles(bad)
    const alert = page.locator('.import-errors')
    await alert.waitFor()
    expect(await alert.textContent()).toMatch(/broken\.postman_collection\.json:\d+:\d+/)
    await page.getByRole('button', { name: 'Close' }).click()
  })

  it('shows a failed request’s one-line error in the response pane', async () => {
    const created = await callApi('collections', { method: 'POST', body: JSON.stringify({ name: 'Faults' }) })
    expect(created.ok).toBe(true)
    const { id } = (await created.json()) as { id: string }
    const item = await callApi(`collections/${encodeURIComponent(id)}/items`, {
      method: 'POST',
      body: JSON.stringify({
        parentId: null,
        type: 'request',
        name: 'Nowhere',
        method: 'GET',
        url: 'http://127.0.0.1:9/closed',
      }),
    })
    expect(item.ok).toBe(true)
    await page.getByRole('treeitem', { name: 'Faults' }).click()
    await page.getByRole('treeitem', { name: 'Nowhere' }).click()
    await page.getByRole('button', { name: 'Send' }).click()
    const error = page.locator('.response-error')
    await error.waitFor()
    const text = (await error.textContent()) ?? ''
    expect(text).toContain('127.0.0.1:9')
    expect(text).not.toContain('\n')
    await page.screenshot({ path: join(resultsDir, 'ui-send-error.png') })
  })

  it('asks “keep mine / load theirs” when the request changed on disk, and keeps mine', async () => {
    // The "Nowhere" tab has an unsaved edit when the item changes behind the UI's back; then the UI saves.
    const collections = (await (await callApi('collections')).json()) as {
      id: string
      name: string
      tree: { id: string; name: string }[]
    }[]
    const faults = collections.find((c) => c.name === 'Faults')
    const node = faults?.tree.find((n) => n.name === 'Nowhere')
    expect(node).toBeDefined()
    const path = `collections/${encodeURIComponent(faults?.id ?? '')}/items/${encodeURIComponent(node?.id ?? '')}`
    await page.getByLabel('URL', { exact: true }).fill('http://127.0.0.1:9/mine')
    await page.locator('.tab.active[data-dirty="true"]').waitFor()
    const loaded = (await (await callApi(path)).json()) as { item: Record<string, unknown>; hash: string }
    const theirs = await callApi(path, {
      method: 'PUT',
      body: JSON.stringify({
        item: { ...loaded.item, request: { method: 'GET', url: 'http://127.0.0.1:9/theirs' } },
        hash: loaded.hash,
      }),
    })
    expect(theirs.ok).toBe(true)

    await page.keyboard.press('Control+s')
    const dialog = page.getByRole('dialog', { name: 'Changed on disk' })
    await dialog.waitFor()
    await dialog.getByRole('button', { name: 'Keep mine' }).click()
    await page.locator('.tab.active[data-dirty="false"]').waitFor()
    const after = (await (await callApi(path)).json()) as {
      item: { request: { url: string | { raw: string } } }
    }
    const url = after.item.request.url
    expect(typeof url === 'string' ? url : url.raw).toBe('http://127.0.0.1:9/mine')
  })
})

describe('courier ui security', () => {
  let other: Server
  let otherOrigin: string

  beforeAll(async () => {
    // A page on another origin (another loopback port) that tries to use the API with the user's cookie.
    other = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' })
      res.end('<!doctype html><title>elsewhere</title><p>elsewhere</p>')
    })
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve))
    const address = other.address()
    if (address === null || typeof address === 'string') throw new TypeError('no port')
    otherOrigin = `http://127.0.0.1:${address.port}`
  })

  afterAll(async () => {
    const closed = new Promise<void>((resolve) => other?.close(() => resolve()))
    other?.closeAllConnections()
    await closed
  })

  it('a page on another origin can neither read the API nor change the workspace', async () => {
    const evil = await browser.context.newPage()
    await evil.goto(`${otherOrigin}/`)
    const read = await evil.evaluate(async (api) => {
      try {
        const res = await fetch(`${api}/api/collections`, { credentials: 'include' })
        return `read ${res.status}`
      } catch (error) {
        return `failed: ${String(error)}`
      }
    }, ui.origin)
    expect(read).toMatch(/^failed/)
    // A "simple" cross-site POST is sent without a preflight: the server must refuse it (Origin check).
    await evil.evaluate(async (api) => {
      await fetch(`${api}/api/collections`, {
        method: 'POST',
        mode: 'no-cors',
        credentials: 'include',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ name: 'Pwned' }),
      }).catch(() => undefined)
    }, ui.origin)
    await evil.close()
    const names = ((await (await callApi('collections')).json()) as { name: string }[]).map((c) => c.name)
    expect(names).not.toContain('Pwned')
    const foreign = await callApi('collections', { headers: { origin: otherOrigin } })
    expect(foreign.status).toBe(403)
  })
})
