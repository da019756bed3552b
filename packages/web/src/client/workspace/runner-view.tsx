import { useEffect, useId, useState } from 'react'
import { api } from '../api/api-client'
import type { CollectionSummary } from '../api/types'

/** One request of one iteration, as the results table shows it. */
interface RunRow {
  key: string
  iteration: number
  path: string
  status: string
  passed: string[]
  failed: string[]
  ok: boolean
}

interface RunEventJson {
  type: string
  item?: { name: string; path: string }
  response?: { code: number; status: string; responseTime: number }
  error?: { message: string }
  assertions?: { name: string; passed: boolean; skipped: boolean; error?: { message: string } }[]
  stats?: {
    requests: { total: number; failed: number }
    assertions: { total: number; failed: number }
    durationMs: number
  }
  iteration?: number
  iterationCount?: number
  requestCount?: number
}

/** How far the run is: requests finished of those planned, and the iteration under way. */
interface Progress {
  done: number
  total: number
  iteration: number
  iterations: number
}

/**
 * The collection runner: pick a collection, environment, iterations and a data file (CSV or JSON, as
 * `courier run -d`), run, and watch the results arrive.
 */
export function RunnerView(props: {
  collections: CollectionSummary[]
  environment: string | null
  initial: string | undefined
}) {
  const id = useId()
  const [collectionId, setCollectionId] = useState(props.initial ?? props.collections[0]?.id ?? '')
  const [iterations, setIterations] = useState(1)
  const [dataFile, setDataFile] = useState<{ name: string; text: string } | undefined>(undefined)
  // Remove clears the picker too: a new key gives a fresh, empty <input type="file">.
  const [picker, setPicker] = useState(0)
  const [runId, setRunId] = useState<string | undefined>(undefined)
  const [rows, setRows] = useState<RunRow[]>([])
  const [progress, setProgress] = useState<Progress | undefined>(undefined)
  const [summary, setSummary] = useState('')
  const [error, setError] = useState('')
  useEffect(() => {
    if (runId === undefined) return undefined
    const source = new EventSource(`/api/run/${encodeURIComponent(runId)}/events`)
    // The server names these events `run` (docs/ui-api.md: the runner's RunEvents as JSON).
    source.addEventListener('run', (message: MessageEvent<string>) => {
      const event = JSON.parse(message.data) as RunEventJson
      if (event.type === 'run:started') {
        const iterationCount = event.iterationCount ?? 1
        setProgress({
          done: 0,
          total: (event.requestCount ?? 0) * iterationCount,
          iteration: 0,
          iterations: iterationCount,
        })
      } else if (event.type === 'iteration:started' && event.iteration !== undefined) {
        const iteration = event.iteration + 1
        setProgress((old) => (old === undefined ? old : { ...old, iteration }))
      } else if (event.type === 'request:finished' && event.item !== undefined) {
        const assertions = (event.assertions ?? []).filter((a) => !a.skipped)
        const failed = assertions.filter((a) => !a.passed).map((a) => a.name)
        const passed = assertions.filter((a) => a.passed).map((a) => a.name)
        const status =
          event.response === undefined
            ? (event.error?.message ?? 'no response')
            : `${event.response.code} ${event.response.status} · ${event.response.responseTime} ms`
        const iteration = (event.iteration ?? 0) + 1
        const path = event.item.path
        setRows((old) => [
          ...old,
          {
            key: `${old.length}`,
            iteration,
            path,
            status,
            passed,
            failed,
            ok: event.error === undefined && failed.length === 0,
          },
        ])
        setProgress((old) => (old === undefined ? old : { ...old, done: Math.min(old.total, old.done + 1) }))
      } else if (event.type === 'run:finished' && event.stats !== undefined) {
        const { stats } = event
        setSummary(
          `${stats.requests.total} requests, ${stats.assertions.total - stats.assertions.failed}/${stats.assertions.total} assertions passed, ${Math.round(stats.durationMs)} ms`,
        )
        source.close()
        setRunId(undefined)
      } else if (event.type === 'run:error') {
        setError(event.error?.message ?? 'The run stopped')
        source.close()
        setRunId(undefined)
      }
    })
    source.onerror = () => {
      source.close()
      setRunId(undefined)
    }
    return () => source.close()
  }, [runId])
  const passedCount = rows.filter((row) => row.ok).length
  const failedCount = rows.length - passedCount
  return (
    <div className="runner">
      <h2>Runner</h2>
      <form
        className="form-grid"
        onSubmit={(event) => {
          event.preventDefault()
          setRows([])
          setProgress(undefined)
          setSummary('')
          setError('')
          api
            .run({
              collectionId,
              iterations,
              ...(props.environment === null ? {} : { environment: props.environment }),
              ...(dataFile === undefined ? {} : { dataFile }),
            })
            .then(
              (result) => setRunId(result.runId),
              (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
            )
        }}
      >
        <label htmlFor={`${id}-collection`}>Collection</label>
        <select
          id={`${id}-collection`}
          value={collectionId}
          onChange={(event) => setCollectionId(event.target.value)}
        >
          {props.collections.map((collection) => (
            <option key={collection.id} value={collection.id}>
              {collection.name}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-iterations`}>Iterations</label>
        <input
          id={`${id}-iterations`}
          type="number"
          min={1}
          value={iterations}
          onChange={(event) => setIterations(Math.max(1, Number(event.target.value)))}
        />
        <label htmlFor={`${id}-data`}>Data file</label>
        <span className="data-file">
          <input
            key={picker}
            id={`${id}-data`}
            type="file"
            accept=".csv,.json,text/csv,application/json"
            onChange={(event) => {
              const file = event.target.files?.[0]
              if (file === undefined) return setDataFile(undefined)
              return void file.text().then((text) => setDataFile({ name: file.name, text }))
            }}
          />
          {dataFile !== undefined && (
            <button
              type="button"
              aria-label={`Remove data file ${dataFile.name}`}
              onClick={() => {
                setDataFile(undefined)
                setPicker((old) => old + 1)
              }}
            >
              Remove
            </button>
          )}
        </span>
        <span />
        <button type="submit" className="primary" disabled={runId !== undefined || collectionId === ''}>
          {runId === undefined ? 'Run' : 'Running…'}
        </button>
      </form>
      {error !== '' && <p role="alert">{error}</p>}
      {progress !== undefined && (
        <div className="run-progress">
          <progress aria-label="Run progress" value={progress.done} max={Math.max(1, progress.total)} />
          <span data-testid="run-progress">
            {`Iteration ${Math.max(1, progress.iteration)} of ${progress.iterations} · ${progress.done} of ${progress.total} requests`}
          </span>
        </div>
      )}
      {rows.length > 0 && (
        <p className="run-counts" data-testid="run-counts">
          <span className="pass">{passedCount} passed</span> ·{' '}
          <span className="fail">{failedCount} failed</span>
        </p>
      )}
      <table className="plain run-results" aria-label="Run results" aria-live="polite">
        <thead>
          <tr>
            <th scope="col">Iteration</th>
            <th scope="col">Request</th>
            <th scope="col">Response</th>
            <th scope="col">Tests</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className={row.ok ? 'pass' : 'fail'} data-result={row.ok ? 'pass' : 'fail'}>
              <td>{row.iteration}</td>
              <td>{row.path}</td>
              <td>{row.status}</td>
              <td>
                {[...row.passed.map((name) => `✓ ${name}`), ...row.failed.map((name) => `✗ ${name}`)].join(
                  ', ',
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {summary !== '' && <p role="status">{summary}</p>}
    </div>
  )
}
