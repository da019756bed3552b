import { useEffect, useRef, type ReactNode } from 'react'
import { isDirty, type Tab } from './tabs'
import { useTabList } from './use-tab-list'

export interface TabBarProps {
  tabs: Tab[]
  active: number
  onActivate: (index: number) => void
  onClose: (index: number) => void
  /** The active tab's editor, shown in the tab panel. */
  children: ReactNode
}

function methodOf(tab: Tab): string | undefined {
  if (tab.kind !== 'item' || tab.draft === undefined || tab.draft.item !== undefined) return undefined
  const request = tab.draft.request
  return typeof request === 'object' ? (request.method ?? 'GET') : 'GET'
}

/**
 * Open tabs and the active one's panel; a dot marks unsaved changes. × or middle-click closes; so does Delete on a
 * focused tab (WAI-ARIA's tabs pattern: a tablist holds only tabs, so × is not a second button in it; the arrow keys,
 * Home and End move between tabs).
 */
export function TabBar(props: TabBarProps) {
  const keys = props.tabs.map((tab) => tab.key)
  const tabList = useTabList({
    keys,
    selected: keys[props.active],
    onSelect: (key) => props.onActivate(keys.indexOf(key)),
  })
  // Delete closed the focused tab: the focus goes to the tab that is active now (not lost to the page).
  const refocus = useRef(false)
  const activeId = keys[props.active] === undefined ? undefined : tabList.tab(keys[props.active] ?? '').id
  useEffect(() => {
    if (!refocus.current || activeId === undefined) return
    refocus.current = false
    document.getElementById(activeId)?.focus()
  }, [activeId, props.tabs.length])
  if (props.tabs.length === 0) return null
  return (
    <>
      <div {...tabList.list} aria-label="Open tabs" className="tab-bar">
        {props.tabs.map((tab, index) => {
          const dirty = isDirty(tab)
          const method = methodOf(tab)
          return (
            <div
              key={tab.key}
              className={`tab${index === props.active ? ' active' : ''}`}
              data-dirty={dirty ? 'true' : 'false'}
            >
              <button
                type="button"
                {...tabList.tab(tab.key)}
                aria-keyshortcuts="Delete"
                {...(method === undefined ? {} : { 'aria-description': method })}
                onAuxClick={(event) => event.button === 1 && props.onClose(index)}
                onKeyDown={(event) => {
                  if (event.key !== 'Delete') return
                  event.preventDefault()
                  refocus.current = true
                  props.onClose(index)
                }}
              >
                {method !== undefined && (
                  <span className={`method-tag method-${method.toLowerCase()}`} aria-hidden="true">
                    {method}
                  </span>
                )}
                {tab.name}
                {dirty && (
                  <>
                    <span className="dirty-dot" aria-hidden="true">
                      ●
                    </span>
                    <span className="sr-only"> (unsaved changes)</span>
                  </>
                )}
              </button>
              <span
                className="tab-close"
                aria-hidden="true"
                title={`Close ${tab.name}`}
                onClick={() => props.onClose(index)}
              >
                ×
              </span>
            </div>
          )
        })}
      </div>
      <div {...tabList.panel()} className="tab-panel">
        {props.children}
      </div>
    </>
  )
}
