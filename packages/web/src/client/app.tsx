import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { ApiError, api } from './api/api-client'
import type {
  Auth,
  CollectionSummary,
  EnvironmentJson,
  HistorySummary,
  KeyValue,
  ServerEvent,
  TokenSummary,
  UiState,
} from './api/types'
import { ChoiceDialog, PromptDialog, type ChoiceRequest, type PromptRequest } from './dialogs'
import type { OAuth2Actions } from './request/oauth2-form'
import { RequestEditor } from './request/request-editor'
import { ContextMenu, type MenuEntry } from './sidebar/context-menu'
import { ancestorKeys, findNode, type TreeRow } from './sidebar/flatten-tree'
import { Sidebar } from './sidebar/sidebar'
import { TabBar } from './tab-bar'
import {
  COLLECTION_TAB_ITEM,
  collectionTabKey,
  isDirty,
  itemTabKey,
  type CollectionTab,
  type ItemTab,
  type Tab,
} from './tabs'
import { useServerEvents } from './use-server-events'
import { VariablesContext } from './variables'
import { CollectionEditor } from './workspace/collection-editor'
import { EnvironmentEditor, SECRET_MASK } from './workspace/environment-editor'
import { ImportDialog, type ImportedFile } from './workspace/import-dialog'
import { RunnerView } from './workspace/runner-view'

/** Downloads a file the server sends as an attachment (Export), without opening a window. */
function download(url: string): void {
  const link = document.createElement('a')
  link.href = url
  link.download = ''
  link.click()
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** The whole window: sidebar, tabs, the active tab's editor, dialogs, and the connection banner. */

/** The UI state saves in flight, chained so they reach the server in the order they were made. */
let uiStateSaves: Promise<unknown> = Promise.resolve()
export function App() {
  const [workspaceName, setWorkspaceName] = useState('')
  const [fatal, setFatal] = useState<string | undefined>(undefined)
  const [collections, setCollections] = useState<CollectionSummary[]>([])
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set())
  const [environments, setEnvironments] = useState<EnvironmentJson[]>([])
  const [globals, setGlobals] = useState<EnvironmentJson>({ name: 'Globals', values: [] })
  const [environment, setEnvironment] = useState<string | null>(null)
  const [theme, setTheme] = useState<'light' | 'dark'>(() =>
    window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light',
  )
  const [tabs, setTabs] = useState<Tab[]>([])
  const [active, setActive] = useState(0)
  const [tokens, setTokens] = useState<TokenSummary[]>([])
  const [history, setHistory] = useState<HistorySummary[]>([])
  const [collectionVars, setCollectionVars] = useState<Record<string, KeyValue[]>>({})
  const [menu, setMenu] = useState<{ row: TreeRow; at: { x: number; y: number } } | undefined>(undefined)
  const [prompt, setPrompt] = useState<PromptRequest | undefined>(undefined)
  const [choice, setChoice] = useState<ChoiceRequest | undefined>(undefined)
  const [importing, setImporting] = useState<File[] | undefined>(undefined)
  const [notice, setNotice] = useState<{ kind: 'status' | 'alert'; text: string } | undefined>(undefined)
  const [restored, setRestored] = useState(false)
  // Grants waiting for the provider's answer, by OAuth `state`: settled by `token-changed` / `oauth2-failed`.
  const grants = useRef(new Map<string, { resolve: () => void; reject: (error: Error) => void }>())
  const pendingGrant = useRef<string | undefined>(undefined)
  const tabsRef = useRef(tabs)
  tabsRef.current = tabs
  const dark = theme === 'dark'
  const current = tabs[active]

  const fail = useCallback((error: unknown) => setNotice({ kind: 'alert', text: message(error) }), [])
  const patchTab = useCallback((key: string, patch: (tab: Tab) => Tab) => {
    setTabs((old) => old.map((tab) => (tab.key === key ? patch(tab) : tab)))
  }, [])

  const loadCollections = useCallback(() => api.collections().then(setCollections, fail), [fail])
  const loadEnvironments = useCallback(
    () =>
      Promise.all([api.environments(), api.globals()]).then(([list, global]) => {
        setEnvironments(list)
        setGlobals(global)
      }, fail),
    [fail],
  )
  const loadTokens = useCallback(() => api.tokens().then(setTokens, fail), [fail])
  const loadHistory = useCallback(() => api.history().then(setHistory, fail), [fail])

  const loadItemTab = useCallback(
    async (tab: ItemTab, draft?: ItemTab['draft']) => {
      try {
        const loaded = await api.item(tab.collectionId, tab.itemId)
        patchTab(
          tab.key,
          (old) =>
            ({
              ...old,
              saved: loaded.item,
              draft: draft ?? loaded.item,
              hash: loaded.hash,
              name: loaded.item.name ?? old.name,
            }) as ItemTab,
        )
      } catch (error) {
        patchTab(tab.key, (old) => ({ ...old, error: message(error) }))
      }
    },
    [patchTab],
  )
  const loadCollectionTab = useCallback(
    async (tab: CollectionTab, draft?: CollectionTab['draft']) => {
      try {
        const fields = await api.collection(tab.collectionId)
        patchTab(tab.key, (old) => ({ ...old, saved: fields, draft: draft ?? fields }) as CollectionTab)
        setCollectionVars((old) => ({ ...old, [tab.collectionId]: fields.variable ?? [] }))
      } catch (error) {
        patchTab(tab.key, (old) => ({ ...old, error: message(error) }))
      }
    },
    [patchTab],
  )

  // Start-up: the workspace, its collections and environments, then the tabs left open last time (with drafts).
  useEffect(() => {
    void (async () => {
      try {
        const workspace = await api.workspace()
        setWorkspaceName(workspace.name)
        if (workspace.problems.length > 0)
          setNotice({
            kind: 'alert',
            text: workspace.problems
              .map((p) => `${p.path}${p.line === undefined ? '' : `:${p.line}`}: ${p.message}`)
              .join('\n'),
          })
      } catch (error) {
        if (error instanceof ApiError && error.status === 401)
          setFatal('Not signed in: open the address `courier ui` printed (it carries the token).')
        else setFatal(message(error))
        return
      }
      await Promise.all([loadCollections(), loadEnvironments(), loadTokens()])
      const state = await api.uiState().catch(() => null)
      if (state?.theme === 'light' || state?.theme === 'dark') setTheme(state.theme)
      if (state?.environment !== undefined) setEnvironment(state.environment)
      // The tree opens as it was left (issue #7); keys of items deleted since then are harmless.
      if (Array.isArray(state?.expanded)) {
        const keys = state.expanded
        setExpanded((old) => new Set([...keys, ...old]))
      }
      const restoredTabs: Tab[] = []
      for (const saved of state?.tabs ?? []) {
        if (saved.itemId === COLLECTION_TAB_ITEM) {
          const tab: CollectionTab = {
            kind: 'collection',
            key: collectionTabKey(saved.collectionId),
            collectionId: saved.collectionId,
            name: 'Collection',
          }
          restoredTabs.push(tab)
          void loadCollectionTab(tab, saved.draft)
        } else {
          const tab: ItemTab = {
            kind: 'item',
            key: itemTabKey(saved.collectionId, saved.itemId),
            collectionId: saved.collectionId,
            itemId: saved.itemId,
            name: saved.itemId,
            example: -1,
          }
          restoredTabs.push(tab)
          void loadItemTab(tab, saved.draft as ItemTab['draft'])
        }
      }
      setTabs(restoredTabs)
      setActive(
        Math.max(
          0,
          restoredTabs.findIndex((tab) => tab.key === state?.activeTab),
        ),
      )
      setRestored(true)
    })()
  }, [loadCollections, loadEnvironments, loadTokens, loadItemTab, loadCollectionTab])

  // Nothing typed is lost: open tabs and their drafts (and the tree's open folders) go to local state shortly after
  // each change, and a change not saved yet when the page goes away (a reload, a closed window) with keepalive.
  const unsavedUiState = useRef<UiState | undefined>(undefined)
  useEffect(() => {
    const flush = () => {
      if (unsavedUiState.current === undefined) return
      void api.saveUiState(unsavedUiState.current, { keepalive: true }).catch(() => undefined)
      unsavedUiState.current = undefined
    }
    window.addEventListener('pagehide', flush)
    return () => window.removeEventListener('pagehide', flush)
  }, [])
  useEffect(() => {
    if (!restored) return undefined
    const state: UiState = {
      tabs: tabs.flatMap((tab): UiState['tabs'] => {
        if (tab.kind === 'item')
          return [
            {
              id: tab.key,
              collectionId: tab.collectionId,
              itemId: tab.itemId,
              ...(isDirty(tab) && tab.draft !== undefined ? { draft: tab.draft } : {}),
            },
          ]
        if (tab.kind === 'collection')
          return [
            {
              id: tab.key,
              collectionId: tab.collectionId,
              itemId: COLLECTION_TAB_ITEM,
              ...(isDirty(tab) && tab.draft !== undefined ? { draft: tab.draft } : {}),
            },
          ]
        return []
      }),
      activeTab: tabs[active]?.key ?? null,
      environment,
      theme,
      expanded: [...expanded],
    }
    unsavedUiState.current = state
    const timer = setTimeout(() => {
      unsavedUiState.current = undefined
      // One after the other: a slow earlier save must never land after a later one (and bring back old tabs).
      uiStateSaves = uiStateSaves.then(() => api.saveUiState(state)).catch(fail)
    }, 300)
    return () => clearTimeout(timer)
  }, [tabs, active, environment, theme, expanded, restored, fail])

  useEffect(() => {
    document.documentElement.dataset['theme'] = theme
  }, [theme])

  // Collection variables of the active tab's collection, for {{variable}} hover values.
  const activeCollectionId =
    current !== undefined && 'collectionId' in current ? current.collectionId : undefined
  useEffect(() => {
    if (activeCollectionId === undefined || collectionVars[activeCollectionId] !== undefined) return
    api
      .collection(activeCollectionId)
      .then(
        (fields) => setCollectionVars((old) => ({ ...old, [activeCollectionId]: fields.variable ?? [] })),
        fail,
      )
  }, [activeCollectionId, collectionVars, fail])

  const resolveVariable = useMemo(() => {
    const scopes: KeyValue[][] = [
      (environments.find((e) => e.name === environment)?.values ?? [])
        .filter((v) => v.enabled)
        .map((v) => ({ key: v.key, value: v.value })),
      activeCollectionId === undefined
        ? []
        : (collectionVars[activeCollectionId] ?? []).filter((v) => v.disabled !== true),
      globals.values.filter((v) => v.enabled).map((v) => ({ key: v.key, value: v.value })),
    ]
    return (name: string) => {
      for (const scope of scopes) {
        const found = scope.find((v) => v.key === name)
        if (found !== undefined) return String(found.value)
      }
      // Fields of stored tokens (organizer_key…) resolve at send time; their values stay on the server.
      const token = tokens.find((t) => t.fields.includes(name))
      return token === undefined ? undefined : `(from token “${token.name}”)`
    }
  }, [environments, environment, globals, collectionVars, activeCollectionId, tokens])

  // The tree shows where the active request lives (its folders open), as Postman does.
  const activeItemId = current?.kind === 'item' ? current.itemId : undefined
  useEffect(() => {
    if (activeCollectionId === undefined || activeItemId === undefined) return
    const collection = collections.find((c) => c.id === activeCollectionId)
    if (collection === undefined) return
    const keys = ancestorKeys(collection, activeItemId)
    setExpanded((old) => (keys.every((key) => old.has(key)) ? old : new Set([...old, ...keys])))
  }, [activeCollectionId, activeItemId, collections])

  const onServerEvent = useCallback(
    (event: ServerEvent) => {
      switch (event.type) {
        case 'workspace-changed':
          void loadCollections()
          void loadEnvironments()
          setCollectionVars({})
          // Clean tabs follow the files; a tab with unsaved changes keeps them (a save then asks).
          for (const tab of tabsRef.current) {
            if (tab.kind === 'item' && !isDirty(tab)) void loadItemTab(tab)
            if (tab.kind === 'collection' && !isDirty(tab)) void loadCollectionTab(tab)
          }
          break
        case 'token-changed':
          void loadTokens().then(() => {
            for (const grant of grants.current.values()) grant.resolve()
            grants.current.clear()
          })
          break
        case 'oauth2-failed':
          grants.current.get(event.state)?.reject(new Error(event.error.message))
          grants.current.delete(event.state)
          break
        case 'history-changed':
          void loadHistory()
          break
      }
    },
    [loadCollections, loadEnvironments, loadItemTab, loadCollectionTab, loadTokens, loadHistory],
  )
  const connected = useServerEvents(onServerEvent, () => {
    void loadCollections()
    void loadEnvironments()
    void loadTokens()
  })

  const openTab = useCallback((tab: Tab, load?: () => void) => {
    const at = tabsRef.current.findIndex((t) => t.key === tab.key)
    if (at >= 0) return setActive(at)
    setTabs((old) => [...old, tab])
    setActive(tabsRef.current.length)
    load?.()
    return undefined
  }, [])

  const openItem = useCallback(
    (collectionId: string, itemId: string, name: string) => {
      const tab: ItemTab = {
        kind: 'item',
        key: itemTabKey(collectionId, itemId),
        collectionId,
        itemId,
        name,
        example: -1,
      }
      openTab(tab, () => void loadItemTab(tab))
    },
    [openTab, loadItemTab],
  )
  const openCollection = useCallback(
    (collectionId: string) => {
      const name = collections.find((c) => c.id === collectionId)?.name ?? collectionId
      const tab: CollectionTab = {
        kind: 'collection',
        key: collectionTabKey(collectionId),
        collectionId,
        name,
      }
      openTab(tab, () => void loadCollectionTab(tab))
    },
    [collections, openTab, loadCollectionTab],
  )

  const closeTab = (index: number) => {
    const tab = tabs[index]
    if (tab === undefined) return
    const close = () => {
      setTabs((old) => old.filter((t) => t.key !== tab.key))
      setActive((old) => (old >= index ? Math.max(0, old - 1) : old))
    }
    if (!isDirty(tab)) return close()
    return setChoice({
      title: 'Unsaved changes',
      message: `“${tab.name}” has unsaved changes.`,
      choices: [
        { label: "Don't save", run: close },
        { label: 'Save', primary: true, run: () => void saveTab(tab.key).then((ok) => ok && close()) },
      ],
    })
  }

  async function saveTab(key: string): Promise<boolean> {
    const tab = tabsRef.current.find((t) => t.key === key)
    if (tab === undefined || (tab.kind !== 'item' && tab.kind !== 'collection')) return false
    if (tab.draft === undefined) return false
    try {
      if (tab.kind === 'item') {
        const draft = tab.draft
        await api.saveItem(tab.collectionId, tab.itemId, draft, tab.hash ?? '')
        const loaded = await api.item(tab.collectionId, tab.itemId)
        patchTab(
          key,
          (old) =>
            ({
              ...old,
              saved: loaded.item,
              draft: loaded.item,
              hash: loaded.hash,
              name: loaded.item.name ?? old.name,
            }) as ItemTab,
        )
        void loadCollections()
      } else {
        await api.saveCollection(tab.collectionId, tab.draft)
        const fields = await api.collection(tab.collectionId)
        patchTab(key, (old) => ({ ...old, saved: fields, draft: fields }) as CollectionTab)
        setCollectionVars((old) => ({ ...old, [tab.collectionId]: fields.variable ?? [] }))
      }
      setNotice({ kind: 'status', text: `Saved “${tab.name}”` })
      return true
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && tab.kind === 'item') {
        setChoice({
          title: 'Changed on disk',
          message: `“${tab.name}” was changed on disk since you opened it. ${error.message}`,
          choices: [
            {
              label: 'Load theirs',
              run: () => void loadItemTab(tab),
            },
            {
              label: 'Keep mine',
              primary: true,
              run: () =>
                void api.item(tab.collectionId, tab.itemId).then((loaded) => {
                  patchTab(key, (old) => ({ ...old, hash: loaded.hash }))
                  tabsRef.current = tabsRef.current.map((t) =>
                    t.key === key ? { ...t, hash: loaded.hash } : t,
                  )
                  return saveTab(key)
                }, fail),
            },
          ],
        })
      } else fail(error)
      return false
    }
  }

  const send = (key: string) => {
    const tab = tabsRef.current.find((t) => t.key === key)
    if (tab?.kind !== 'item' || tab.draft === undefined || tab.draft.item !== undefined) return
    patchTab(key, (old) => ({ ...old, sending: true }))
    api
      .send({
        collectionId: tab.collectionId,
        itemId: tab.itemId,
        item: tab.draft,
        ...(environment === null ? {} : { environment }),
      })
      .then(
        (result) => patchTab(key, (old) => ({ ...old, sending: false, result })),
        (error: unknown) =>
          patchTab(key, (old) => ({
            ...old,
            sending: false,
            result: {
              error: { code: error instanceof ApiError ? error.code : 'ERROR', message: message(error) },
            },
          })),
      )
      .finally(() => void loadHistory())
  }

  const duplicate = (collectionId: string, itemId: string) => {
    api.duplicateItem(collectionId, itemId).then(async ({ id }) => {
      const list = await api.collections()
      setCollections(list)
      const collection = list.find((c) => c.id === collectionId)
      const node = collection === undefined ? undefined : findNode(collection.tree, id)
      if (collection !== undefined) setExpanded((old) => new Set([...old, ...ancestorKeys(collection, id)]))
      if (node?.type === 'request') openItem(collectionId, id, node.name)
    }, fail)
  }

  // Keyboard: Ctrl/Cmd-Enter sends, Ctrl/Cmd-S saves, Ctrl/Cmd-D duplicates (as in Postman).
  const shortcuts = useRef<(event: KeyboardEvent) => void>(() => undefined)
  shortcuts.current = (event: KeyboardEvent) => {
    if (!(event.ctrlKey || event.metaKey) || current === undefined) return
    if (event.key === 'Enter') send(current.key)
    else if (event.key === 's' || event.key === 'S') void saveTab(current.key)
    else if ((event.key === 'd' || event.key === 'D') && current.kind === 'item')
      duplicate(current.collectionId, current.itemId)
    else return
    event.preventDefault()
  }
  useEffect(() => {
    const listener = (event: KeyboardEvent) => shortcuts.current(event)
    window.addEventListener('keydown', listener)
    return () => window.removeEventListener('keydown', listener)
  }, [])

  const oauth2For = (collectionId: string, itemId: string | undefined): OAuth2Actions => ({
    tokens,
    deleteToken: (name) => api.deleteToken(name).then(loadTokens, fail),
    getNewToken: async (auth: Auth) => {
      // Open the window inside the click (popup blockers), then point it at the provider's login page.
      const popup = window.open('', 'courier-oauth2', 'popup,width=560,height=720')
      const result = await api
        .authorize({
          collectionId,
          auth,
          ...(itemId === undefined ? {} : { itemId }),
          ...(environment === null ? {} : { environment }),
        })
        .catch((error: unknown) => {
          popup?.close()
          throw error
        })
      if (result.authorizationUrl === undefined || result.state === undefined) {
        popup?.close()
        await loadTokens()
        return `Token saved${result.token === undefined ? '' : `: ${result.token.name}`}`
      }
      const state = result.state
      if (popup === null) window.open(result.authorizationUrl, '_blank')
      else popup.location.href = result.authorizationUrl
      pendingGrant.current = state
      try {
        await new Promise<void>((resolve, reject) => {
          const timer = setInterval(() => {
            if (popup !== null && popup.closed && grants.current.has(state)) {
              // Closed without an answer: the user may still paste the redirect URL or code.
              clearInterval(timer)
            }
          }, 1000)
          grants.current.set(state, {
            resolve: () => {
              clearInterval(timer)
              resolve()
            },
            reject: (error) => {
              clearInterval(timer)
              reject(error)
            },
          })
        })
      } finally {
        if (pendingGrant.current === state) pendingGrant.current = undefined
      }
      return 'Token saved'
    },
    pasteAnswer: async (answer: string) => {
      const state = pendingGrant.current
      if (state === undefined)
        throw new Error('No authorization is waiting for an answer: click Get New Access Token first.')
      await api.completeAuthorization(state, answer)
      await loadTokens()
      grants.current.get(state)?.resolve()
      grants.current.delete(state)
    },
  })

  const treeActions = {
    open: (row: TreeRow) => {
      if (row.kind === 'collection') openCollection(row.collectionId)
      else if (row.itemId !== undefined) openItem(row.collectionId, row.itemId, row.name)
    },
    toggle: (row: TreeRow) =>
      setExpanded((old) => {
        const next = new Set(old)
        if (next.has(row.key)) next.delete(row.key)
        else next.add(row.key)
        return next
      }),
    menu: (row: TreeRow, at: { x: number; y: number }) => setMenu({ row, at }),
    move: (dragged: TreeRow, target: TreeRow) => {
      if (dragged.itemId === undefined) return
      const into = target.kind !== 'request'
      const body = {
        ...(dragged.collectionId === target.collectionId ? {} : { toCollection: target.collectionId }),
        parentId: into ? (target.itemId ?? null) : target.parentId,
        ...(into ? {} : { index: target.index }),
      }
      api.moveItem(dragged.collectionId, dragged.itemId, body).then(loadCollections, fail)
    },
  }

  const menuEntries = (row: TreeRow): MenuEntry[] => {
    const { collectionId, itemId } = row
    const create = (type: 'folder' | 'request') => () =>
      setPrompt({
        title: type === 'folder' ? 'New folder' : 'New request',
        label: 'Name',
        initial: type === 'folder' ? 'New Folder' : 'New Request',
        confirm: 'Create',
        run: (name) =>
          void api
            .createItem(collectionId, {
              parentId: itemId ?? null,
              type,
              name,
              ...(type === 'request' ? { method: 'GET', url: '' } : {}),
            })
            .then(({ id }) => {
              setExpanded((old) => new Set([...old, row.key]))
              void loadCollections()
              if (type === 'request') openItem(collectionId, id, name)
            }, fail),
      })
    if (itemId === undefined)
      return [
        { label: 'Open settings', run: () => openCollection(collectionId) },
        { label: 'Add request', run: create('request') },
        { label: 'Add folder', run: create('folder') },
        {
          label: 'Run collection',
          run: () => openTab({ kind: 'runner', key: 'runner', name: 'Runner', collectionId }),
        },
        { label: 'Export', run: () => download(api.exportUrl(collectionId)) },
        {
          label: 'Delete',
          danger: true,
          run: () =>
            setChoice({
              title: 'Delete collection',
              message: `Move “${row.name}” to the workspace trash?`,
              choices: [
                {
                  label: 'Delete',
                  primary: true,
                  run: () => void api.deleteCollection(collectionId).then(loadCollections, fail),
                },
              ],
            }),
        },
      ]
    return [
      ...(row.kind === 'folder'
        ? [
            { label: 'Open settings', run: () => openItem(collectionId, itemId, row.name) },
            { label: 'Add request', run: create('request') },
            { label: 'Add folder', run: create('folder') },
          ]
        : [{ label: 'Open', run: () => openItem(collectionId, itemId, row.name) }]),
      {
        label: 'Rename',
        run: () =>
          setPrompt({
            title: 'Rename',
            label: 'Name',
            initial: row.name,
            confirm: 'Rename',
            run: (name) =>
              void api.renameItem(collectionId, itemId, name).then(() => {
                void loadCollections()
                const key = itemTabKey(collectionId, itemId)
                const tab = tabsRef.current.find((t) => t.key === key)
                if (tab?.kind === 'item')
                  void loadItemTab(tab, isDirty(tab) ? { ...tab.draft, name } : undefined)
              }, fail),
          }),
      },
      { label: 'Duplicate', run: () => duplicate(collectionId, itemId) },
      {
        label: 'Delete',
        danger: true,
        run: () =>
          setChoice({
            title: 'Delete',
            message: `Move “${row.name}” to the workspace trash?`,
            choices: [
              {
                label: 'Delete',
                primary: true,
                run: () =>
                  void api.deleteItem(collectionId, itemId).then(() => {
                    setTabs((old) => old.filter((t) => t.key !== itemTabKey(collectionId, itemId)))
                    void loadCollections()
                  }, fail),
              },
            ],
          }),
      },
    ]
  }

  const saveEnvironment = async (
    name: string,
    values: EnvironmentJson['values'],
    newName: string | undefined,
    isGlobals: boolean,
  ) => {
    // Secrets the user did not reveal or edit still hold the mask: send their stored values back, not the mask.
    let out = values
    if (values.some((v) => v.secret && v.value === SECRET_MASK)) {
      const clear = isGlobals
        ? (await api.globals(true)).values
        : ((await api.environments(true)).find((e) => e.name === name)?.values ?? [])
      out = values.map((v) =>
        v.secret && v.value === SECRET_MASK
          ? { ...v, value: clear.find((c) => c.key === v.key)?.value ?? '' }
          : v,
      )
    }
    if (isGlobals) await api.saveGlobals(out)
    else await api.saveEnvironment(name, out, newName)
    await loadEnvironments()
    if (newName !== undefined) {
      setTabs((old) =>
        old.map((t) =>
          t.kind === 'environment' && t.name === name
            ? { ...t, name: newName, key: `environment:${newName}` }
            : t,
        ),
      )
      if (environment === name) setEnvironment(newName)
    }
  }

  const onDropFiles = (event: React.DragEvent) => {
    if (!event.dataTransfer.types.includes('Files')) return
    event.preventDefault()
    if (event.type === 'drop') setImporting([...event.dataTransfer.files])
  }

  if (fatal !== undefined)
    return (
      <main className="fatal">
        <h1>Courier</h1>
        <p role="alert">{fatal}</p>
      </main>
    )

  const activeKey =
    current?.kind === 'item'
      ? `${current.collectionId}/${current.itemId}`
      : current?.kind === 'collection'
        ? current.collectionId
        : undefined
  return (
    <VariablesContext.Provider value={resolveVariable}>
      <div className="app" onDragOver={onDropFiles} onDrop={onDropFiles}>
        <header className="topbar">
          <h1>Courier</h1>
          <span className="workspace-name">{workspaceName}</span>
          <span className="grow" />
          <button type="button" onClick={() => openTab({ kind: 'runner', key: 'runner', name: 'Runner' })}>
            Runner
          </button>
          <label htmlFor="environment-picker" className="sr-only">
            Environment
          </label>
          {/* Disabled until the last session's choice is restored, which would otherwise replace one made sooner. */}
          <select
            id="environment-picker"
            disabled={!restored}
            value={environment ?? ''}
            onChange={(event) => setEnvironment(event.target.value === '' ? null : event.target.value)}
          >
            <option value="">No environment</option>
            {environments.map((e) => (
              <option key={e.name} value={e.name}>
                {e.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            aria-label={`Switch to ${dark ? 'light' : 'dark'} theme`}
            onClick={() => setTheme(dark ? 'light' : 'dark')}
          >
            {dark ? '☀' : '☾'}
          </button>
        </header>
        {/* Always in the page, so screen readers announce the text when it appears (a live region added together with
            its text is often missed). */}
        <div role="alert" aria-live="assertive" aria-atomic="true" className="connection-status">
          {!connected && <p className="banner">Connection to the Courier server lost. Reconnecting…</p>}
        </div>
        {notice !== undefined && (
          <div role={notice.kind} className={`notice notice-${notice.kind}`}>
            <span>{notice.text}</span>
            <button type="button" className="icon" aria-label="Dismiss" onClick={() => setNotice(undefined)}>
              ×
            </button>
          </div>
        )}
        <div className="layout">
          <Sidebar
            collections={collections}
            expanded={expanded}
            activeKey={activeKey}
            tree={treeActions}
            environments={environments}
            history={history}
            onImport={() => setImporting([])}
            onNewCollection={() =>
              setPrompt({
                title: 'New collection',
                label: 'Name',
                initial: 'New Collection',
                confirm: 'Create',
                run: (name) => void api.createCollection(name).then(loadCollections, fail),
              })
            }
            onOpenEnvironment={(name) => openTab({ kind: 'environment', key: `environment:${name}`, name })}
            onNewEnvironment={() =>
              setPrompt({
                title: 'New environment',
                label: 'Name',
                initial: 'New Environment',
                confirm: 'Create',
                run: (name) =>
                  void api.saveEnvironment(name, []).then(async () => {
                    await loadEnvironments()
                    openTab({ kind: 'environment', key: `environment:${name}`, name })
                  }, fail),
              })
            }
            onOpenGlobals={() => openTab({ kind: 'globals', key: 'globals', name: 'Globals' })}
            onRefreshHistory={() => void loadHistory()}
          />
          <main className="main">
            {current === undefined && (
              <p className="hint welcome">Open a request from the sidebar, or import a collection.</p>
            )}
            <TabBar tabs={tabs} active={active} onActivate={setActive} onClose={closeTab}>
              {current?.kind === 'item' && (
                <Loaded tab={current}>
                  {(item) => (
                    <RequestEditor
                      key={current.key}
                      collectionId={current.collectionId}
                      item={item}
                      onChange={(draft) => patchTab(current.key, (old) => ({ ...old, draft }) as ItemTab)}
                      onSend={() => send(current.key)}
                      sending={current.sending === true}
                      result={current.result}
                      dark={dark}
                      environment={environment}
                      oauth2={oauth2For(current.collectionId, current.itemId)}
                      example={current.example}
                      onExample={(example) =>
                        patchTab(current.key, (old) => ({ ...old, example }) as ItemTab)
                      }
                      onSaveExample={
                        current.result?.historyId === undefined
                          ? undefined
                          : (name) =>
                              api
                                .saveExample(
                                  current.collectionId,
                                  current.itemId,
                                  current.result?.historyId ?? '',
                                  name,
                                )
                                .then(async () => {
                                  if (!isDirty(current)) await loadItemTab(current)
                                  setNotice({ kind: 'status', text: `Saved example “${name}”` })
                                })
                      }
                    />
                  )}
                </Loaded>
              )}
              {current?.kind === 'collection' && (
                <Loaded tab={current}>
                  {(fields) => (
                    <CollectionEditor
                      key={current.key}
                      name={current.name}
                      fields={fields}
                      onChange={(draft) =>
                        patchTab(current.key, (old) => ({ ...old, draft }) as CollectionTab)
                      }
                      dark={dark}
                      oauth2={oauth2For(current.collectionId, undefined)}
                    />
                  )}
                </Loaded>
              )}
              {current?.kind === 'environment' && (
                <EnvironmentEditor
                  key={current.key}
                  name={current.name}
                  renamable
                  values={environments.find((e) => e.name === current.name)?.values ?? []}
                  reveal={async () =>
                    (await api.environments(true)).find((e) => e.name === current.name)?.values ?? []
                  }
                  onSave={(values, newName) => saveEnvironment(current.name, values, newName, false)}
                />
              )}
              {current?.kind === 'globals' && (
                <EnvironmentEditor
                  key="globals"
                  name="Globals"
                  renamable={false}
                  values={globals.values}
                  reveal={async () => (await api.globals(true)).values}
                  onSave={(values) => saveEnvironment('Globals', values, undefined, true)}
                />
              )}
              {current?.kind === 'runner' && (
                <RunnerView
                  collections={collections}
                  environment={environment}
                  initial={current.collectionId}
                />
              )}
            </TabBar>
          </main>
        </div>
        {menu !== undefined && (
          <ContextMenu
            at={menu.at}
            label={`Actions for ${menu.row.name}`}
            entries={menuEntries(menu.row)}
            onClose={() => setMenu(undefined)}
          />
        )}
        {prompt !== undefined && <PromptDialog request={prompt} onClose={() => setPrompt(undefined)} />}
        {choice !== undefined && <ChoiceDialog request={choice} onClose={() => setChoice(undefined)} />}
        {importing !== undefined && (
          <ImportDialog
            initialFiles={importing}
            onClose={() => setImporting(undefined)}
            onImported={(imported: ImportedFile[]) => {
              void loadCollections()
              if (imported.some((i) => i.type !== 'collection')) void loadEnvironments()
            }}
          />
        )}
      </div>
    </VariablesContext.Provider>
  )
}

/** A tab whose content is loaded from the server: its error, "Loading…", or what its draft makes. */
function Loaded<T>(props: { tab: { error?: string; draft?: T }; children: (draft: T) => ReactNode }) {
  if (props.tab.error !== undefined) return <p role="alert">{props.tab.error}</p>
  if (props.tab.draft === undefined) return <p className="hint">Loading…</p>
  return <>{props.children(props.tab.draft)}</>
}
