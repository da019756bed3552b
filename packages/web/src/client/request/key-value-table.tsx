import type { KeyValue } from '../api/types'

export interface KeyValueTableProps {
  /** Names the table for screen readers ("Headers", "Query parameters"). */
  label: string
  rows: KeyValue[]
  onChange: (rows: KeyValue[]) => void
  /** Path variables: the keys come from the URL, only values are edited. */
  fixedKeys?: boolean
  /** Renders value cells as password fields until revealed. */
  masked?: (row: KeyValue) => boolean
  resolve?: (text: string) => string | undefined
}

/** Postman's key/value grid: a checkbox to enable, key, value, description, and an always-empty last row. */
export function KeyValueTable(props: KeyValueTableProps) {
  const { rows, onChange, fixedKeys = false } = props
  const shown = fixedKeys ? rows : [...rows, { key: '', value: '' }]
  const update = (index: number, patch: Partial<KeyValue>) => {
    const next = [...rows]
    const old = next[index] ?? { key: '', value: '' }
    next[index] = { ...old, ...patch }
    if (next[index].disabled === false) delete next[index].disabled
    onChange(next)
  }
  return (
    <table className="kv" aria-label={props.label}>
      <thead>
        <tr>
          <th scope="col">
            <span className="sr-only">Enabled</span>
          </th>
          <th scope="col">Key</th>
          <th scope="col">Value</th>
          <th scope="col">Description</th>
          <th scope="col">
            <span className="sr-only">Remove</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {shown.map((row, index) => {
          const isNew = index === rows.length
          const name = row.key === '' ? `row ${index + 1}` : row.key
          return (
            <tr key={index} className={row.disabled === true ? 'disabled' : undefined}>
              <td>
                {!isNew && (
                  <input
                    type="checkbox"
                    aria-label={`Enable ${name}`}
                    checked={row.disabled !== true}
                    onChange={(event) => update(index, { disabled: !event.target.checked })}
                  />
                )}
              </td>
              <td>
                <input
                  aria-label={`${props.label} key ${index + 1}`}
                  value={row.key}
                  readOnly={fixedKeys}
                  placeholder={isNew ? 'Key' : ''}
                  onChange={(event) => update(index, { key: event.target.value })}
                />
              </td>
              <td>
                <input
                  aria-label={`${props.label} value ${row.key === '' ? index + 1 : row.key}`}
                  type={props.masked?.(row) === true ? 'password' : 'text'}
                  value={row.value}
                  placeholder={isNew ? 'Value' : ''}
                  title={props.resolve?.(row.value)}
                  onChange={(event) => update(index, { value: event.target.value })}
                />
              </td>
              <td>
                <input
                  aria-label={`${props.label} description ${index + 1}`}
                  value={row.description ?? ''}
                  onChange={(event) => update(index, { description: event.target.value })}
                />
              </td>
              <td>
                {!isNew && !fixedKeys && (
                  <button
                    type="button"
                    className="icon"
                    aria-label={`Remove ${name}`}
                    onClick={() => onChange(rows.filter((_, at) => at !== index))}
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
  )
}
