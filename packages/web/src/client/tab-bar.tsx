import { isDirty, type Tab } from './tabs'

export interface TabBarProps {
  tabs: Tab[]
  active: number
  onActivate: (index: number) => void
  onClose: (index: number) => void
}

function methodOf(tab: Tab): string | undefined {
  if (tab.kind !== 'item' || tab.draft === undefined || tab.draft.item !== undefined) return undefined
  const request = tab.draft.request
  return typeof request === 'object' ? (request.method ?? 'GET') : 'GET'
}

/**
 * Open tabs; a dot marks unsaved changes. × or middle-click closes; so does Delete on a focused tab (WAI-ARIA's tabs
 * pattern: a tablist holds only tabs, so × is not a second button in it).
 */
export function TabBar(props: TabBarProps) {
  return (
    <div role="tablist" aria-label="Open tabs" className="tab-bar">
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
              role="tab"
              aria-selected={index === props.active}
              aria-keyshortcuts="Delete"
              {...(method === undefined ? {} : { 'aria-description': method })}
              onClick={() => props.onActivate(index)}
              onAuxClick={(event) => event.button === 1 && props.onClose(index)}
              onKeyDown={(event) => {
                if (event.key !== 'Delete') return
                event.preventDefault()
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
  )
}
