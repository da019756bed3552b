import { useEffect, useId, useRef, useState } from 'react'
import type { EnvironmentValue } from '../api/types'

/** The mask the server puts in place of a secret value (docs/ui-api.md). */
export const SECRET_MASK = '••••'

export interface EnvironmentEditorProps {
  /** "Globals" for the globals editor (no rename). */
  name: string
  renamable: boolean
  values: EnvironmentValue[]
  /** Fetches the values with secrets in clear. */
  reveal: () => Promise<EnvironmentValue[]>
  onSave: (values: EnvironmentValue[], newName: string | undefined) => Promise<void>
}

/** An environment (or the globals): variables with enabled, secret, and reveal-on-demand for secret values. */
export function EnvironmentEditor(props: EnvironmentEditorProps) {
  const id = useId()
  const [rows, setRows] = useState(props.values)
  const [name, setName] = useState(props.name)
  const [revealed, setRevealed] = useState(false)
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string } | undefined>(undefined)
  // New values from the server (a save, or a change on disk) replace the rows unless the user has edits.
  const [base, setBase] = useState(props.values)
  const saved = useRef(false)
  useEffect(() => {
    if (JSON.stringify(props.values) === JSON.stringify(base)) return
    setBase(props.values)
    if (saved.current || JSON.stringify(rows) === JSON.stringify(base)) {
      saved.current = false
      setRows(props.values)
      setRevealed(false)
    }
  }, [props.values, base, rows])
  const shown = [...rows, { key: '', value: '', secret: false, enabled: true }]
  const update = (index: number, patch: Partial<EnvironmentValue>) => {
    const next = [...rows]
    next[index] = { ...(next[index] ?? { key: '', value: '', secret: false, enabled: true }), ...patch }
    setRows(next)
  }
  const dirty = JSON.stringify(rows) !== JSON.stringify(base) || name !== props.name
  return (
    <div className="env-editor">
      <form
        onSubmit={(event) => {
          event.preventDefault()
          // Set before the save: the new values may arrive (and must replace the rows) before it resolves.
          saved.current = true
          props
            .onSave(
              rows.filter((row) => row.key !== ''),
              props.renamable && name !== props.name ? name : undefined,
            )
            .then(
              () => setMessage({ kind: 'status', text: 'Saved' }),
              (error: unknown) => {
                saved.current = false
                setMessage({ kind: 'alert', text: error instanceof Error ? error.message : String(error) })
              },
            )
        }}
      >
        <div className="toolbar">
          {props.renamable ? (
            <>
              <label htmlFor={`${id}-name`}>Environment name</label>
              <input id={`${id}-name`} value={name} onChange={(event) => setName(event.target.value)} />
            </>
          ) : (
            <h2>{props.name}</h2>
          )}
          <button
            type="button"
            aria-pressed={revealed}
            onClick={() => {
              if (revealed) {
                setRevealed(false)
                return
              }
              void props.reveal().then(
                (values) => {
                  // Keep what was typed; only masked secrets take their revealed value.
                  setRows(
                    rows.map((row) =>
                      row.secret && row.value === SECRET_MASK
                        ? (values.find((v) => v.key === row.key) ?? row)
                        : row,
                    ),
                  )
                  setRevealed(true)
                },
                (error: unknown) => setMessage({ kind: 'alert', text: String(error) }),
              )
            }}
          >
            {revealed ? 'Hide secrets' : 'Reveal secrets'}
          </button>
          <button type="submit" className="primary" disabled={!dirty}>
            Save
          </button>
          {message !== undefined && <span role={message.kind}>{message.text}</span>}
        </div>
        <table className="kv" aria-label={`Variables of ${props.name}`}>
          <thead>
            <tr>
              <th scope="col">
                <span className="sr-only">Enabled</span>
              </th>
              <th scope="col">Variable</th>
              <th scope="col">Value</th>
              <th scope="col">Secret</th>
              <th scope="col">
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row, index) => {
              const isNew = index === rows.length
              const label = row.key === '' ? `row ${index + 1}` : row.key
              return (
                <tr key={index}>
                  <td>
                    {!isNew && (
                      <input
                        type="checkbox"
                        aria-label={`Enable ${label}`}
                        checked={row.enabled}
                        onChange={(event) => update(index, { enabled: event.target.checked })}
                      />
                    )}
                  </td>
                  <td>
                    <input
                      aria-label={`Variable ${index + 1}`}
                      placeholder={isNew ? 'Add new variable' : ''}
                      value={row.key}
                      onChange={(event) => update(index, { key: event.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      aria-label={`Value of ${label}`}
                      type={row.secret && !revealed ? 'password' : 'text'}
                      autoComplete="off"
                      value={row.value}
                      onFocus={(event) => {
                        if (row.secret && row.value === SECRET_MASK) event.target.select()
                      }}
                      onChange={(event) => update(index, { value: event.target.value })}
                    />
                  </td>
                  <td>
                    {!isNew && (
                      <input
                        type="checkbox"
                        aria-label={`Secret ${label}`}
                        checked={row.secret}
                        onChange={(event) => update(index, { secret: event.target.checked })}
                      />
                    )}
                  </td>
                  <td>
                    {!isNew && (
                      <button
                        type="button"
                        className="icon"
                        aria-label={`Remove ${label}`}
                        onClick={() => setRows(rows.filter((_, at) => at !== index))}
                      >
                        ×
                      </button>
                    )}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </form>
    </div>
  )
}
