import { useId } from 'react'
import type { Body } from '../api/types'
import { CodeEditor } from '../code-editor'
import { KeyValueTable } from './key-value-table'

const MODES: [string, string][] = [
  ['none', 'none'],
  ['formdata', 'form-data'],
  ['urlencoded', 'x-www-form-urlencoded'],
  ['raw', 'raw'],
  ['file', 'binary'],
  ['graphql', 'GraphQL'],
]
const LANGUAGES = ['text', 'javascript', 'json', 'html', 'xml']

export interface BodyEditorProps {
  body: Body | undefined
  onChange: (body: Body | undefined) => void
  dark: boolean
  /** The request's saved examples: the switcher shows the body of the one picked. */
  examples: string[]
  example: number
  onExample: (index: number) => void
}

/** The Body tab: mode, the mode's editor, and a switcher between the request and its examples' bodies. */
export function BodyEditor(props: BodyEditorProps) {
  const id = useId()
  const body = props.body
  const mode = body?.mode ?? 'none'
  const set = (patch: Partial<Body>) => props.onChange({ ...(body ?? {}), ...patch })
  const language = body?.options?.raw?.language ?? 'text'
  return (
    <div className="body-editor">
      <div className="toolbar">
        {props.examples.length > 0 && (
          <>
            <label htmlFor={`${id}-example`}>Body of</label>
            <select
              id={`${id}-example`}
              value={props.example}
              onChange={(event) => props.onExample(Number(event.target.value))}
            >
              <option value={-1}>This request</option>
              {props.examples.map((name, index) => (
                <option key={index} value={index}>
                  Example: {name}
                </option>
              ))}
            </select>
          </>
        )}
        <div role="radiogroup" aria-label="Body type" className="modes">
          {MODES.map(([value, label]) => (
            <label key={value}>
              <input
                type="radio"
                name={`${id}-mode`}
                value={value}
                checked={mode === value}
                onChange={() => (value === 'none' ? props.onChange(undefined) : set({ mode: value }))}
              />
              {label}
            </label>
          ))}
        </div>
        {mode === 'raw' && (
          <select
            aria-label="Raw language"
            value={language}
            onChange={(event) =>
              set({ options: { ...(body?.options ?? {}), raw: { language: event.target.value } } })
            }
          >
            {LANGUAGES.map((value) => (
              <option key={value}>{value}</option>
            ))}
          </select>
        )}
      </div>
      {mode === 'none' && <p className="hint">This request does not have a body.</p>}
      {mode === 'raw' && (
        <CodeEditor
          label="Raw body"
          value={body?.raw ?? ''}
          language={language === 'json' ? 'json' : language === 'javascript' ? 'javascript' : 'text'}
          dark={props.dark}
          onChange={(raw) => set({ raw })}
        />
      )}
      {mode === 'urlencoded' && (
        <KeyValueTable
          label="Form fields"
          rows={body?.urlencoded ?? []}
          onChange={(urlencoded) => set({ urlencoded })}
        />
      )}
      {mode === 'formdata' && (
        <KeyValueTable
          label="Form-data fields"
          rows={body?.formdata ?? []}
          onChange={(formdata) => set({ formdata })}
        />
      )}
      {mode === 'file' && (
        <div className="form-grid">
          <label htmlFor={`${id}-file`}>File path</label>
          <input
            id={`${id}-file`}
            value={body?.file?.src ?? ''}
            onChange={(event) => set({ file: { src: event.target.value } })}
          />
        </div>
      )}
      {mode === 'graphql' && (
        <div className="graphql">
          <CodeEditor
            label="GraphQL query"
            value={body?.graphql?.query ?? ''}
            language="text"
            dark={props.dark}
            onChange={(query) => set({ graphql: { ...(body?.graphql ?? {}), query } })}
          />
          <CodeEditor
            label="GraphQL variables"
            value={body?.graphql?.variables ?? ''}
            language="json"
            dark={props.dark}
            onChange={(variables) => set({ graphql: { ...(body?.graphql ?? {}), variables } })}
          />
        </div>
      )}
    </div>
  )
}
