import { useState } from 'react'
import type { Auth, Body, ExampleJson, ItemJson, SendResult } from '../api/types'
import { ResponsePane } from '../response/response-pane'
import { useTabList } from '../use-tab-list'
import { useResolveVariable } from '../variables'
import { AuthEditor } from './auth-editor'
import { BodyEditor } from './body-editor'
import { DocsEditor } from './docs-editor'
import {
  docsOf,
  pathVariablesOf,
  queryOf,
  requestOf,
  urlText,
  withAuth,
  withBody,
  withDocs,
  withHeaders,
  withPathVariables,
  withQuery,
  withRequest,
  withUrlText,
} from './item-edits'
import { KeyValueTable } from './key-value-table'
import type { OAuth2Actions } from './oauth2-form'
import { ScriptsEditor } from './scripts-editor'
import { SettingsEditor } from './settings-editor'
import { SnippetPanel } from './snippet-panel'
import { UrlBar } from './url-bar'

type Section = 'params' | 'auth' | 'headers' | 'body' | 'scripts' | 'settings' | 'docs'

export interface RequestEditorProps {
  collectionId: string
  item: ItemJson
  onChange: (item: ItemJson) => void
  onSend: () => void
  sending: boolean
  result: SendResult | undefined
  dark: boolean
  environment: string | null
  oauth2: OAuth2Actions
  onSaveExample: ((name: string) => Promise<void>) | undefined
  /** Which example's body the Body tab shows (-1: the request's own). */
  example: number
  onExample: (index: number) => void
}

function exampleBody(example: ExampleJson | undefined): Body | undefined {
  const request = example?.originalRequest
  return typeof request === 'object' ? request.body : undefined
}

/** A request (or folder) tab: URL bar, the request's sections, and the response under them. */
export function RequestEditor(props: RequestEditorProps) {
  const { item, onChange } = props
  const isFolder = item.item !== undefined
  const [section, setSection] = useState<Section>(isFolder ? 'auth' : 'params')
  const [snippet, setSnippet] = useState(false)
  const resolve = useResolveVariable()
  const request = requestOf(item)
  const examples = item.response ?? []
  const example = props.example < examples.length ? props.example : -1
  const sections: [Section, string][] = isFolder
    ? [
        ['auth', 'Authorization'],
        ['scripts', 'Scripts'],
        ['docs', 'Docs'],
      ]
    : [
        ['params', 'Params'],
        ['auth', 'Authorization'],
        [
          'headers',
          `Headers${(request.header ?? []).length > 0 ? ` (${(request.header ?? []).length})` : ''}`,
        ],
        ['body', 'Body'],
        ['scripts', 'Scripts'],
        ['settings', 'Settings'],
        ['docs', 'Docs'],
      ]
  const setBody = (body: Body | undefined) => {
    if (example < 0) return onChange(withBody(item, body))
    const list = [...examples]
    const old = list[example] ?? {}
    const original = typeof old.originalRequest === 'object' ? old.originalRequest : {}
    const next = { ...original }
    if (body === undefined) delete next.body
    else next.body = body
    list[example] = { ...old, originalRequest: next }
    return onChange({ ...item, response: list })
  }
  const auth = (isFolder ? item['auth'] : request.auth) as Auth | undefined
  const tabs = useTabList({ keys: sections.map(([key]) => key), selected: section, onSelect: setSection })
  return (
    <div className="editor">
      {/* The heading screen readers jump to; the open tab names the request too, but a tab is not a heading. */}
      <h2 className="editor-title">{item.name ?? (isFolder ? 'Folder' : 'Request')}</h2>
      {!isFolder && (
        <div className="editor-head">
          <UrlBar
            method={request.method ?? 'GET'}
            url={urlText(request)}
            sending={props.sending}
            onMethod={(method) => onChange(withRequest(item, { method }))}
            onUrl={(raw) => onChange(withUrlText(item, raw))}
            onSend={props.onSend}
          />
          <button
            type="button"
            aria-label="Code snippet"
            aria-pressed={snippet}
            onClick={() => setSnippet(!snippet)}
            title="Code snippet"
          >
            <span aria-hidden="true">{'</>'}</span> Code
          </button>
        </div>
      )}
      <div className="editor-body">
        <div className="sections">
          <div {...tabs.list} aria-label={isFolder ? 'Folder sections' : 'Request sections'} className="tabs">
            {sections.map(([key, label]) => (
              <button key={key} type="button" {...tabs.tab(key)}>
                {label}
              </button>
            ))}
          </div>
          <div {...tabs.panel()} className="section">
            {section === 'params' && (
              <>
                <h3>Query Params</h3>
                <KeyValueTable
                  label="Query parameters"
                  rows={queryOf(request)}
                  onChange={(rows) => onChange(withQuery(item, rows))}
                  resolve={resolveText(resolve)}
                />
                {pathVariablesOf(request).length > 0 && (
                  <>
                    <h3>Path Variables</h3>
                    <KeyValueTable
                      label="Path variables"
                      fixedKeys
                      rows={pathVariablesOf(request)}
                      onChange={(rows) => onChange(withPathVariables(item, rows))}
                    />
                  </>
                )}
              </>
            )}
            {section === 'auth' && (
              <AuthEditor
                auth={auth}
                canInherit
                oauth2={props.oauth2}
                onChange={(next) => {
                  if (!isFolder) return onChange(withAuth(item, next))
                  const copy = { ...item }
                  if (next === undefined) delete copy['auth']
                  else copy['auth'] = next
                  return onChange(copy)
                }}
              />
            )}
            {section === 'headers' && (
              <KeyValueTable
                label="Headers"
                rows={request.header ?? []}
                onChange={(rows) => onChange(withHeaders(item, rows))}
                resolve={resolveText(resolve)}
              />
            )}
            {section === 'body' && (
              <BodyEditor
                body={example < 0 ? request.body : exampleBody(examples[example])}
                onChange={setBody}
                dark={props.dark}
                examples={examples.map((entry, index) => entry.name ?? `Example ${index + 1}`)}
                example={example}
                onExample={props.onExample}
              />
            )}
            {section === 'scripts' && (
              <ScriptsEditor
                events={item.event}
                onChange={(event) => onChange({ ...item, event })}
                dark={props.dark}
              />
            )}
            {section === 'settings' && <SettingsEditor item={item} onChange={onChange} />}
            {section === 'docs' && (
              <DocsEditor
                text={docsOf(item)}
                onChange={(text) => onChange(withDocs(item, text))}
                level={isFolder ? 'folder' : 'request'}
              />
            )}
          </div>
        </div>
        {snippet && !isFolder && (
          <SnippetPanel
            collectionId={props.collectionId}
            item={item}
            environment={props.environment}
            onClose={() => setSnippet(false)}
          />
        )}
      </div>
      {!isFolder && (
        <ResponsePane
          result={props.result}
          sending={props.sending}
          dark={props.dark}
          onSaveExample={props.onSaveExample}
        />
      )}
    </div>
  )
}

function resolveText(resolve: (name: string) => string | undefined): (text: string) => string | undefined {
  return (text) =>
    text.includes('{{')
      ? text.replace(/\{\{([^{}]+)\}\}/g, (whole, name: string) => resolve(name.trim()) ?? whole)
      : undefined
}
