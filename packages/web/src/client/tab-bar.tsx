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

/** Open tabs; a dot marks unsaved changes. Middle-click closes. */
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
              aria-label={`${tab.name}${dirty ? ' (unsaved changes)' : ''}`}
              onClick={() => props.onActivate(index)}
              onAuxClick={(event) => event.button === 1 && props.onClose(index)}
            >
              {method !== undefined && (
                <span className={`method-tag method-${method.toLowerCase()}`}>{method}</span>
              )}
              {tab.name}
              {dirty && (
                <span className="dirty-dot" aria-hidden="true">
                  ●
                </span>
              )}
            </button>
            <button
              type="button"
              className="icon"
              aria-label={`Close ${tab.name}`}
              onClick={() => props.onClose(index)}
            >
              ×
            </button>
          </div>
        )
      })}
    </div>
  )
}
