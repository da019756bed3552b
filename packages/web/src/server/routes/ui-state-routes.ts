// `GET/PUT /api/ui-state`: what the UI restores on its next start (open tabs and their drafts, the active tab,
// the environment, the theme, the tree's expanded collections and folders), in local state.
import type { JsonValue, UiTab } from '@courier/core'
import { Hono } from 'hono'
import { invalidInput } from '../api-error.js'
import { isObject, readObject } from '../read-input.js'
import type { UiContext } from '../ui-context.js'

/**
 * The UI state routes.
 * @example app.route('/api', uiStateRoutes(ctx))
 */
export function uiStateRoutes(ctx: UiContext): Hono {
  const store = ctx.options.uiState
  const app = new Hono()
  app.get('/ui-state', async (c) => {
    const [tabs, activeTab, environment, theme, expanded] = await Promise.all([
      store.getTabs(),
      store.getActiveTab(),
      store.getSelectedEnvironment(),
      store.getSetting('theme'),
      store.getSetting('expanded'),
    ])
    return c.json({
      tabs: tabs.map((tab) => ({
        id: tab.id,
        ...(tab.item === undefined ? {} : tab.item),
        ...(tab.draft === undefined ? {} : { draft: tab.draft }),
      })),
      activeTab: activeTab ?? null,
      environment: environment ?? null,
      theme: theme ?? null,
      expanded: Array.isArray(expanded) ? expanded.filter((key) => typeof key === 'string') : [],
    })
  })
  app.put('/ui-state', async (c) => {
    const input = await readObject(c)
    if ('tabs' in input) {
      if (!Array.isArray(input['tabs'])) throw invalidInput('tabs', 'must be an array')
      await store.setTabs(input['tabs'].map(readTab))
    }
    if ('activeTab' in input) await store.setActiveTab(optionalText(input['activeTab'], 'activeTab'))
    if ('environment' in input)
      await store.setSelectedEnvironment(optionalText(input['environment'], 'environment'))
    if ('theme' in input) {
      const theme = input['theme']
      if (theme === null) await store.unsetSetting('theme')
      else await store.setSetting('theme', theme as JsonValue)
    }
    if ('expanded' in input) {
      const expanded = input['expanded']
      if (expanded === null) await store.unsetSetting('expanded')
      else if (!Array.isArray(expanded) || !expanded.every((key) => typeof key === 'string'))
        throw invalidInput('expanded', 'must be an array of strings or null')
      else await store.setSetting('expanded', expanded)
    }
    return c.json({ ok: true })
  })
  return app
}

// A tab as the client sends it: `{ id?, collectionId, itemId, draft? }` (the id defaults to its position).
function readTab(value: unknown, index: number): UiTab {
  if (!isObject(value)) throw invalidInput(`tabs[${index}]`, 'must be an object')
  const id = typeof value['id'] === 'string' && value['id'] !== '' ? value['id'] : `tab-${index}`
  const { collectionId, itemId, draft } = value
  const tab: UiTab = { id }
  if (typeof collectionId === 'string' && typeof itemId === 'string') tab.item = { collectionId, itemId }
  if (draft !== undefined && draft !== null) tab.draft = draft as JsonValue
  return tab
}

function optionalText(value: unknown, field: string): string | undefined {
  if (value === null || value === undefined) return undefined
  if (typeof value !== 'string') throw invalidInput(field, 'must be a string or null')
  return value
}
