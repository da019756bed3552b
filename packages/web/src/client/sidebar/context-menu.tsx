import { useEffect, useRef } from 'react'

export interface MenuEntry {
  label: string
  run: () => void
  danger?: boolean
}

export interface ContextMenuProps {
  at: { x: number; y: number }
  label: string
  entries: MenuEntry[]
  onClose: () => void
}

/** A menu at a point: arrow keys move, Enter runs, Escape or a click elsewhere closes. */
export function ContextMenu(props: ContextMenuProps) {
  const menu = useRef<HTMLDivElement>(null)
  const onClose = useRef(props.onClose)
  onClose.current = props.onClose
  useEffect(() => {
    menu.current?.querySelector<HTMLButtonElement>('button')?.focus()
    const close = (event: MouseEvent) => {
      if (menu.current !== null && !menu.current.contains(event.target as Node)) onClose.current()
    }
    window.addEventListener('mousedown', close)
    return () => window.removeEventListener('mousedown', close)
  }, [])
  const onKeyDown = (event: React.KeyboardEvent) => {
    const buttons = [...(menu.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])]
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement)
    if (event.key === 'Escape') props.onClose()
    else if (event.key === 'ArrowDown') buttons[(at + 1) % buttons.length]?.focus()
    else if (event.key === 'ArrowUp') buttons[(at - 1 + buttons.length) % buttons.length]?.focus()
    else return
    event.preventDefault()
  }
  return (
    <div
      ref={menu}
      role="menu"
      aria-label={props.label}
      className="context-menu"
      style={{ left: props.at.x, top: props.at.y }}
      onKeyDown={onKeyDown}
    >
      {props.entries.map((entry) => (
        <button
          key={entry.label}
          type="button"
          role="menuitem"
          className={entry.danger === true ? 'danger' : undefined}
          onClick={() => {
            props.onClose()
            entry.run()
          }}
        >
          {entry.label}
        </button>
      ))}
    </div>
  )
}
