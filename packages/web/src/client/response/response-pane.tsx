import { useId, useState } from 'react'
import type { ExchangeJson, KeyValue, ScriptError, SendResult, TestResult } from '../api/types'
import { CodeEditor } from '../code-editor'
import { useTabList } from '../use-tab-list'

export interface ResponsePaneProps {
  result: SendResult | undefined
  sending: boolean
  dark: boolean
  /** Saves the response as an example of the request; undefined when it cannot be saved (no history entry). */
  onSaveExample: ((name: string) => Promise<void>) | undefined
}

const TABS = ['body', 'headers', 'cookies', 'tests', 'console'] as const
type Tab = (typeof TABS)[number]

/** Normalises headers given as `[{key,value}]` or `{ name: value | values }`. */
export function headerList(headers: KeyValue[] | Record<string, string | string[]> | undefined): KeyValue[] {
  if (headers === undefined) return []
  if (Array.isArray(headers)) return headers
  return Object.entries(headers).flatMap(([key, value]) =>
    Array.isArray(value) ? value.map((v) => ({ key, value: v })) : [{ key, value }],
  )
}

function statusClass(status: number): string {
  if (status >= 500) return 'status-5xx'
  if (status >= 400) return 'status-4xx'
  if (status >= 300) return 'status-3xx'
  return 'status-2xx'
}

function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) return '?'
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(2)} KB`
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`
}

function testPassed(test: TestResult): boolean {
  return test.passed ?? (test.error === undefined && test.skipped !== true)
}

/** The response: status, time and size, then Body, Headers, Cookies, Test Results and Console. */
export function ResponsePane(props: ResponsePaneProps) {
  const empty = props.sending || props.result === undefined
  return (
    <section className={`response${empty ? ' empty' : ''}`} aria-label="Response" aria-busy={props.sending}>
      <h2 className="sr-only">Response</h2>
      {/* Kept in the page, so a screen reader announces each response as it arrives (a live region added with its
          text is often missed). Errors and a skipped request have their own alert and status. */}
      <p role="status" className="sr-only" data-testid="response-announcement">
        {props.sending ? '' : announcement(props.result)}
      </p>
      <ResponseContent {...props} />
    </section>
  )
}

/** What the live region says about a response: status, time and the tests' outcome. */
function announcement(result: SendResult | undefined): string {
  const exchange = result?.exchange
  if (result === undefined || exchange === undefined || result.error !== undefined) return ''
  const tests = result.tests ?? []
  const passed = tests.filter(testPassed).length
  const status = `${exchange.response.status} ${exchange.response.statusText}`.trim()
  return `Response ${status} in ${Math.round(exchange.totalMs)} ms${
    tests.length === 0 ? '' : `, ${passed} of ${tests.length} tests passed`
  }`
}

function ResponseContent(props: ResponsePaneProps) {
  const [tab, setTab] = useState<Tab>('body')
  const tabList = useTabList({ keys: TABS, selected: tab, onSelect: setTab })
  const { result } = props
  if (props.sending) return <>Sending request…</>
  if (result === undefined) return <>Click Send to get a response.</>
  if (result.error !== undefined || result.exchange === undefined)
    return (
      <>
        <ScriptErrors errors={result.scriptErrors} />
        {result.skipped === true ? (
          <p role="status" className="hint response-skipped">
            The request was not sent: a pre-request script called pm.execution.skipRequest().
          </p>
        ) : (
          <p role="alert" className="error response-error">
            {result.error?.message ?? 'No response'}
          </p>
        )}
        {(result.console ?? []).length + (result.scriptRequests ?? []).length > 0 && (
          <Console entries={result.console ?? []} requests={result.scriptRequests ?? []} />
        )}
      </>
    )
  const { exchange } = result
  const tests = result.tests ?? []
  const passed = tests.filter(testPassed).length
  const tabs: [Tab, string][] = [
    ['body', 'Body'],
    ['headers', `Headers (${headerList(exchange.response.headers).length})`],
    ['cookies', 'Cookies'],
    ['tests', `Test Results${tests.length > 0 ? ` (${passed}/${tests.length})` : ''}`],
    ['console', 'Console'],
  ]
  return (
    <>
      <div className="response-meta">
        <div {...tabList.list} aria-label="Response views" className="tabs">
          {tabs.map(([key, label]) => (
            <button key={key} type="button" {...tabList.tab(key)}>
              {label}
            </button>
          ))}
        </div>
        <Status exchange={exchange} />
        {props.onSaveExample !== undefined && <SaveExample onSave={props.onSaveExample} />}
      </div>
      <ScriptErrors errors={result.scriptErrors} />
      <div {...tabList.panel()} className="response-body">
        {tab === 'body' && <ResponseBody exchange={exchange} dark={props.dark} />}
        {tab === 'headers' && (
          <HeaderTable rows={headerList(exchange.response.headers)} label="Response headers" />
        )}
        {tab === 'cookies' && <Cookies exchange={exchange} />}
        {tab === 'tests' && <Tests tests={tests} />}
        {tab === 'console' && (
          <Console entries={result.console ?? []} requests={result.scriptRequests ?? []} />
        )}
      </div>
    </>
  )
}

function Status(props: { exchange: ExchangeJson }) {
  const { response, totalMs } = props.exchange
  const timings = Object.entries(response.timings ?? {}).filter(
    (entry): entry is [string, number] => typeof entry[1] === 'number',
  )
  const size = (response.sizes?.bodyBytes ?? 0) + (response.sizes?.headersBytes ?? 0)
  return (
    <div className="status-line">
      <span className="sr-only">Status</span>
      <span className={`status ${statusClass(response.status)}`} data-testid="response-status">
        {response.status} {response.statusText}
      </span>
      <details className="timing">
        <summary>
          <span className="sr-only">Time </span>
          {Math.round(totalMs)} ms
        </summary>
        <table aria-label="Timing breakdown">
          <tbody>
            {timings.map(([phase, ms]) => (
              <tr key={phase}>
                <th scope="row">{phase.replace(/Ms$/, '')}</th>
                <td>{ms.toFixed(1)} ms</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <span
        className="size"
        title={`headers ${formatBytes(response.sizes?.headersBytes)}, body ${formatBytes(response.sizes?.bodyBytes)} (${formatBytes(response.sizes?.decodedBodyBytes)} decoded)`}
      >
        <span className="sr-only">Size </span>
        {formatBytes(size)}
      </span>
    </div>
  )
}

function SaveExample(props: { onSave: (name: string) => Promise<void> }) {
  const id = useId()
  const [name, setName] = useState<string | undefined>(undefined)
  const [message, setMessage] = useState('')
  if (name === undefined)
    return (
      <button type="button" onClick={() => setName('')}>
        Save as example
      </button>
    )
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault()
        props.onSave(name === '' ? 'Example' : name).then(
          () => {
            setName(undefined)
            setMessage('')
          },
          (error: unknown) => setMessage(error instanceof Error ? error.message : String(error)),
        )
      }}
    >
      <label htmlFor={id}>Example name</label>
      <input id={id} autoFocus value={name} onChange={(event) => setName(event.target.value)} />
      <button type="submit">Save</button>
      {message !== '' && <span role="alert">{message}</span>}
    </form>
  )
}

function prettyJson(text: string): string | undefined {
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return undefined
  }
}

function ResponseBody(props: { exchange: ExchangeJson; dark: boolean }) {
  const body = props.exchange.response.body
  const contentType =
    headerList(props.exchange.response.headers).find((h) => h.key.toLowerCase() === 'content-type')?.value ??
    ''
  const binary = props.exchange.response.bodyEncoding === 'base64'
  const pretty = binary ? undefined : prettyJson(body)
  const [view, setView] = useState<'pretty' | 'raw' | 'preview'>(pretty === undefined ? 'raw' : 'pretty')
  return (
    <div className="response-content">
      {binary && <p className="hint">The body is not UTF-8 text: it is shown as base64.</p>}
      <div role="group" aria-label="Body view" className="toolbar">
        {(['pretty', 'raw', 'preview'] as const).map((key) => (
          <button key={key} type="button" aria-pressed={view === key} onClick={() => setView(key)}>
            {key === 'pretty' ? 'Pretty' : key === 'raw' ? 'Raw' : 'Preview'}
          </button>
        ))}
      </div>
      {view === 'pretty' && (
        <CodeEditor
          label="Response body"
          value={pretty ?? body}
          language={pretty !== undefined ? 'json' : 'text'}
          dark={props.dark}
          readOnly
        />
      )}
      {view === 'raw' && (
        <pre className="raw" data-testid="response-raw">
          {body}
        </pre>
      )}
      {view === 'preview' && (
        // sandbox="" : no scripts, no same-origin access, no forms, no top navigation.
        <iframe
          title="Response preview"
          className="preview"
          sandbox=""
          srcDoc={
            contentType.includes('html')
              ? body
              : `<pre>${body.replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</pre>`
          }
        />
      )}
    </div>
  )
}

function HeaderTable(props: { rows: KeyValue[]; label: string }) {
  return (
    <table className="plain" aria-label={props.label}>
      <tbody>
        {props.rows.map((row, index) => (
          <tr key={index}>
            <th scope="row">{row.key}</th>
            <td>{row.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function Cookies(props: { exchange: ExchangeJson }) {
  const cookies = headerList(props.exchange.response.headers)
    .filter((h) => h.key.toLowerCase() === 'set-cookie')
    .map((h) => {
      const [pair = '', ...attributes] = h.value.split(';')
      const eq = pair.indexOf('=')
      return {
        key: pair.slice(0, eq).trim(),
        value: pair.slice(eq + 1).trim(),
        attributes: attributes.map((a) => a.trim()).join('; '),
      }
    })
  if (cookies.length === 0) return <p className="hint">No cookies were set by this response.</p>
  return (
    <table className="plain" aria-label="Cookies">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Value</th>
          <th scope="col">Attributes</th>
        </tr>
      </thead>
      <tbody>
        {cookies.map((cookie, index) => (
          <tr key={index}>
            <td>{cookie.key}</td>
            <td>{cookie.value}</td>
            <td>{cookie.attributes}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function Tests(props: { tests: TestResult[] }) {
  if (props.tests.length === 0) return <p className="hint">No tests for this request.</p>
  return (
    <ul className="tests" aria-label="Test results">
      {props.tests.map((test, index) => {
        const ok = testPassed(test)
        const error = typeof test.error === 'string' ? test.error : test.error?.message
        return (
          <li key={index} className={ok ? 'pass' : 'fail'}>
            <span className="badge">{test.skipped === true ? 'SKIP' : ok ? 'PASS' : 'FAIL'}</span> {test.name}
            {error !== undefined && <span className="hint"> — {error}</span>}
          </li>
        )
      })}
    </ul>
  )
}

function ScriptErrors(props: { errors: ScriptError[] | undefined }) {
  if (props.errors === undefined || props.errors.length === 0) return null
  return (
    <ul role="alert" className="error script-errors" aria-label="Script errors">
      {props.errors.map((error, index) => (
        <li key={index}>
          There was an error in the {error.event === 'prerequest' ? 'pre-request' : 'test'} script of{' '}
          {error.owner === 'collection' ? 'the collection' : `“${error.owner}”`}
          {error.line === undefined ? '' : ` (line ${error.line})`}: {error.message}
        </li>
      ))}
    </ul>
  )
}

function Console(props: {
  entries: NonNullable<SendResult['console']>
  requests: NonNullable<SendResult['scriptRequests']>
}) {
  if (props.entries.length === 0 && props.requests.length === 0)
    return <p className="hint">Nothing was logged.</p>
  return (
    <>
      {props.requests.length > 0 && (
        <ul className="console script-requests" aria-label="Sent by scripts">
          {props.requests.map((sent, index) => (
            <li key={index}>
              {sent.method} {sent.url} —{' '}
              {sent.error ?? `${sent.status ?? ''} ${sent.statusText ?? ''}`.trim()}{' '}
              <span className="hint">
                (pm.sendRequest in {sent.owner}, {sent.event === 'prerequest' ? 'pre-request' : 'test'}{' '}
                script)
              </span>
            </li>
          ))}
        </ul>
      )}
      {props.entries.length > 0 && <ConsoleLines entries={props.entries} />}
    </>
  )
}

function ConsoleLines(props: { entries: NonNullable<SendResult['console']> }) {
  return (
    <pre className="console">
      {props.entries
        .map(
          (entry) =>
            `${entry.level ?? 'log'}: ${entry.text ?? entry.message ?? (entry.args ?? []).map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' ')}`,
        )
        .join('\n')}
    </pre>
  )
}
