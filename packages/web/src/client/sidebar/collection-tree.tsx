import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef, useState } from 'react'
import type { TreeRow } from './flatten-tree'

export interface TreeActions {
  open: (row: TreeRow) => void
  toggle: (row: TreeRow) => void
  menu: (row: TreeRow, at: { x: number; y: number }) => void
  /** Drops `dragged` onto `target`: into a folder or collection, or before a request. */
  move: (dragged: TreeRow, target: TreeRow) => void
}

export interface CollectionTreeProps {
  rows: TreeRow[]
  activeKey: string | undefined
  actions: TreeActions
}

const ROW_HEIGHT = 28

/** The Collections tree, virtualised: only the rows in view are in the DOM, so thousands of items stay fast. */
export function CollectionTree(props: CollectionTreeProps) {
  const { rows, actions } = props
  const scroller = useRef<HTMLDivElement>(null)
  const [focus, setFocus] = useState(0)
  // The row being dragged, in a ref: dragover and drop read it at once, where state would be seen only after the
  // next render, and a quick drag (a loaded machine, a test) ends before that, so the drop was refused.
  const dragged = useRef<TreeRow | undefined>(undefined)
  const [dropKey, setDropKey] = useState<string | undefined>(undefined)
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  })
  const focused = rows[Math.min(focus, rows.length - 1)]
  const moveFocus = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index))
    setFocus(next)
    virtualizer.scrollToIndex(next)
  }
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (focused === undefined) return
    const at = rows.indexOf(focused)
    switch (event.key) {
      case 'ArrowDown':
        moveFocus(at + 1)
        break
      case 'ArrowUp':
        moveFocus(at - 1)
        break
      case 'Home':
        moveFocus(0)
        break
      case 'End':
        moveFocus(rows.length - 1)
        break
      case 'ArrowRight':
        if (focused.kind !== 'request' && !focused.expanded) actions.toggle(focused)
        else moveFocus(at + 1)
        break
      case 'ArrowLeft':
        if (focused.kind !== 'request' && focused.expanded) actions.toggle(focused)
        else {
          const parent = rows.slice(0, at).findLastIndex((row) => row.depth < focused.depth)
          if (parent >= 0) moveFocus(parent)
        }
        break
      case 'Enter':
        actions.open(focused)
        break
      case 'ContextMenu':
      case 'F10':
        if (event.key === 'F10' && !event.shiftKey) return
        {
          const element = document.getElementById(`tree-row-${focused.key}`)
          const box = element?.getBoundingClientRect()
          actions.menu(focused, { x: box?.left ?? 0, y: box?.bottom ?? 0 })
        }
        break
      default:
        return
    }
    event.preventDefault()
  }
  return (
    <div
      ref={scroller}
      className="tree"
      role="tree"
      aria-label="Collections"
      tabIndex={0}
      aria-activedescendant={focused === undefined ? undefined : `tree-row-${focused.key}`}
      onKeyDown={onKeyDown}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((virtual) => {
          const row = rows[virtual.index]
          if (row === undefined) return null
          const classes = ['tree-row', `tree-${row.kind}`]
          if (row.key === props.activeKey) classes.push('active')
          if (focused?.key === row.key) classes.push('focused')
          if (dropKey === row.key) classes.push('drop-target')
          return (
            <div
              key={row.key}
              id={`tree-row-${row.key}`}
              role="treeitem"
              {...(row.kind === 'request' ? { 'aria-description': row.method ?? 'GET' } : {})}
              aria-level={row.depth + 1}
              aria-expanded={row.kind === 'request' ? undefined : row.expanded}
              aria-selected={row.key === props.activeKey}
              data-kind={row.kind}
              className={classes.join(' ')}
              draggable={row.kind !== 'collection'}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                height: ROW_HEIGHT,
                transform: `translateY(${virtual.start}px)`,
                paddingLeft: `${row.depth * 14 + 6}px`,
              }}
              onClick={() => {
                setFocus(virtual.index)
                if (row.kind === 'request') actions.open(row)
                else actions.toggle(row)
              }}
              onDoubleClick={() => row.kind !== 'request' && actions.open(row)}
              onContextMenu={(event) => {
                event.preventDefault()
                setFocus(virtual.index)
                actions.menu(row, { x: event.clientX, y: event.clientY })
              }}
              onDragStart={(event) => {
                dragged.current = row
                event.dataTransfer.effectAllowed = 'move'
                event.dataTransfer.setData('text/plain', row.name)
              }}
              onDragEnd={() => {
                dragged.current = undefined
                setDropKey(undefined)
              }}
              onDragOver={(event) => {
                if (dragged.current === undefined || dragged.current.key === row.key) return
                event.preventDefault()
                setDropKey(row.key)
              }}
              onDragLeave={() => setDropKey((key) => (key === row.key ? undefined : key))}
              onDrop={(event) => {
                event.preventDefault()
                setDropKey(undefined)
                const moving = dragged.current
                dragged.current = undefined
                if (moving !== undefined && moving.key !== row.key) actions.move(moving, row)
              }}
            >
              {row.kind !== 'request' ? (
                <span className="twisty" aria-hidden="true">
                  {row.expanded ? '▾' : '▸'}
                </span>
              ) : (
                <span
                  className={`method-tag method-${(row.method ?? 'GET').toLowerCase()}`}
                  aria-hidden="true"
                >
                  {(row.method ?? 'GET').slice(0, 6)}
                </span>
              )}
              <span className="tree-name">{row.name}</span>
              <button
                type="button"
                className="icon row-menu"
                // A mouse shortcut: the keyboard opens the same menu with Shift-F10 or the context-menu key, so
                // the treeitem's name stays the item's name alone.
                tabIndex={-1}
                aria-hidden="true"
                title={`More actions for ${row.name}`}
                onClick={(event) => {
                  event.stopPropagation()
                  const box = event.currentTarget.getBoundingClientRect()
                  actions.menu(row, { x: box.left, y: box.bottom })
                }}
              >
                ⋯
              </button>
            </div>
          )
        })}
      </div>
    </div>
  )
}
