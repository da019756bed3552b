import { useId, type KeyboardEvent } from 'react'

export interface TabListOptions<K extends string> {
  /** The tabs' keys, in the order they are shown. */
  keys: readonly K[]
  selected: K | undefined
  onSelect: (key: K) => void
  /** Which arrow keys move between tabs: Left/Right (the default) or Up/Down. */
  orientation?: 'horizontal' | 'vertical'
}

/** Props for the elements of one tab list: spread them on the list, each tab and the (one shown) panel. */
export interface TabList<K extends string> {
  list: {
    role: 'tablist'
    'aria-orientation': 'horizontal' | 'vertical'
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => void
  }
  tab: (key: K) => {
    id: string
    role: 'tab'
    'aria-selected': boolean
    'aria-controls'?: string
    tabIndex: 0 | -1
    onClick: () => void
  }
  panel: () => { id: string; role: 'tabpanel'; 'aria-labelledby'?: string }
}

/**
 * WAI-ARIA's tabs pattern with automatic activation (issue #7): the list is one Tab stop (the selected tab, a
 * roving tabindex), the arrow keys move to the previous/next tab and select it (wrapping), Home and End go to the
 * first and last. The selected tab controls the panel and the panel is labelled by it. Only the selected panel is
 * rendered, so only the selected tab carries `aria-controls` (an id it names must exist).
 * @example const tabs = useTabList({ keys, selected, onSelect }); <div {...tabs.list}><button {...tabs.tab(k)} /></div>
 */
export function useTabList<K extends string>(options: TabListOptions<K>): TabList<K> {
  const base = useId()
  const { keys, selected, onSelect, orientation = 'horizontal' } = options
  const tabId = (key: K) => `${base}-tab-${keys.indexOf(key)}`
  const panelId = `${base}-panel`
  // No selection (an empty tab bar, a stale key): the first tab takes the Tab stop.
  const current = selected !== undefined && keys.includes(selected) ? selected : keys[0]
  const [previous, next] = orientation === 'vertical' ? ['ArrowUp', 'ArrowDown'] : ['ArrowLeft', 'ArrowRight']
  return {
    list: {
      role: 'tablist',
      'aria-orientation': orientation,
      onKeyDown: (event) => {
        if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
        const tabs = [...event.currentTarget.querySelectorAll<HTMLElement>('[role="tab"]')].filter(
          (tab) => tab.closest('[role="tablist"]') === event.currentTarget,
        )
        const at = tabs.indexOf(event.target as HTMLElement)
        if (at < 0 || tabs.length === 0) return
        let to: number
        if (event.key === previous) to = (at - 1 + tabs.length) % tabs.length
        else if (event.key === next) to = (at + 1) % tabs.length
        else if (event.key === 'Home') to = 0
        else if (event.key === 'End') to = tabs.length - 1
        else return
        event.preventDefault()
        tabs[to]?.focus()
        const key = keys[to]
        if (key !== undefined) onSelect(key)
      },
    },
    tab: (key) => ({
      id: tabId(key),
      role: 'tab',
      'aria-selected': key === current,
      ...(key === current ? { 'aria-controls': panelId } : {}),
      tabIndex: key === current ? 0 : -1,
      onClick: () => onSelect(key),
    }),
    panel: () => ({
      id: panelId,
      role: 'tabpanel',
      ...(current === undefined ? {} : { 'aria-labelledby': tabId(current) }),
    }),
  }
}
