import { useMemo, useState } from 'react'
import type { CollectionSummary, EnvironmentJson, HistorySummary } from '../api/types'
import { CollectionTree, type TreeActions } from './collection-tree'
import { useTabList } from '../use-tab-list'
import { flattenTree } from './flatten-tree'

type Panel = 'collections' | 'environments' | 'history'

export interface SidebarProps {
  collections: CollectionSummary[]
  expanded: ReadonlySet<string>
  activeKey: string | undefined
  tree: TreeActions
  environments: EnvironmentJson[]
  history: HistorySummary[]
  onNewCollection: () => void
  onImport: () => void
  onOpenEnvironment: (name: string) => void
  onNewEnvironment: () => void
  onOpenGlobals: () => void
  onRefreshHistory: () => void
}

/** The left side: Collections (virtualised tree), Environments and History. */
export function Sidebar(props: SidebarProps) {
  const [panel, setPanel] = useState<Panel>('collections')
  const [filter, setFilter] = useState('')
  const rows = useMemo(
    () => flattenTree(props.collections, props.expanded, filter),
    [props.collections, props.expanded, filter],
  )
  const panels: [Panel, string][] = [
    ['collections', 'Collections'],
    ['environments', 'Environments'],
    ['history', 'History'],
  ]
  const tabs = useTabList({
    keys: panels.map(([key]) => key),
    selected: panel,
    onSelect: (key) => {
      setPanel(key)
      if (key === 'history') props.onRefreshHistory()
    },
  })
  return (
    <nav className="sidebar" aria-label="Workspace">
      <div {...tabs.list} aria-label="Sidebar" className="tabs sidebar-tabs">
        {panels.map(([key, label]) => (
          <button key={key} type="button" {...tabs.tab(key)}>
            {label}
          </button>
        ))}
      </div>
      {panel === 'collections' && (
        <div className="panel" {...tabs.panel()}>
          <div className="toolbar">
            <button type="button" onClick={props.onNewCollection} aria-label="New collection">
              +
            </button>
            <input
              type="search"
              aria-label="Filter collections"
              placeholder="Filter"
              value={filter}
              onChange={(event) => setFilter(event.target.value)}
            />
            <button type="button" onClick={props.onImport}>
              Import
            </button>
          </div>
          {props.collections.length === 0 ? (
            <p className="hint">No collections yet. Import a Postman collection, or create one with +.</p>
          ) : (
            <CollectionTree rows={rows} activeKey={props.activeKey} actions={props.tree} />
          )}
        </div>
      )}
      {panel === 'environments' && (
        <div className="panel" {...tabs.panel()}>
          <div className="toolbar">
            <button type="button" onClick={props.onNewEnvironment} aria-label="New environment">
              +
            </button>
            <button type="button" onClick={props.onImport}>
              Import
            </button>
          </div>
          <ul className="list">
            <li>
              <button type="button" onClick={props.onOpenGlobals}>
                Globals
              </button>
            </li>
            {props.environments.map((environment) => (
              <li key={environment.name}>
                <button type="button" onClick={() => props.onOpenEnvironment(environment.name)}>
                  {environment.name}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {panel === 'history' && (
        <div className="panel" {...tabs.panel()}>
          {props.history.length === 0 ? (
            <p className="hint">Requests you send appear here.</p>
          ) : (
            <ul className="list history">
              {props.history.map((entry) => (
                <li key={String(entry.id)} title={entry.url}>
                  <span className={`method-tag method-${(entry.method ?? 'GET').toLowerCase()}`}>
                    {entry.method ?? 'GET'}
                  </span>
                  <span className="tree-name">{entry.name ?? entry.url}</span>
                  {entry.status !== undefined && <span className="hint"> {entry.status}</span>}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </nav>
  )
}
