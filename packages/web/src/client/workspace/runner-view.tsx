import { useEffect, useId, useState } from 'react'
import { api } from '../api/api-client'
import type { CollectionSummary } from '../api/types'

interface RunLine {
  key: string
  text: string
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
}

/** The collection runner: pick a collection, environment and iterations, run, and watch the results arrive. */
export function RunnerView(props: {
  collections: CollectionSummary[]
  environment: string | null
  initial: string | undefined
}) {
  const id = useId()
  const [collectionId, setCollectionId] = useState(props.initial ?? props.collections[0]?.id ?? '')
  const [iterations, setIterations] = useState(1)
  const [runId, setRunId] = useState<string | undefined>(undefined)
  const [lines, setLines] = useState<RunLine[]>([])
  const [summary, setSummary] = useState('')
  const [error, setError] = useState('')
  useEffect(() => {
    if (runId === undefined) return undefined
    const source = new EventSource(`/api/run/${encodeURIComponent(runId)}/events`)
    // The server names these events `run` (docs/ui-api.md: the runner's RunEvents as JSON).
    source.addEventListener('run', (message: MessageEvent<string>) => {
      const event = JSON.parse(message.data) as RunEventJson
      if (event.type === 'request:finished' && event.item !== undefined) {
        const failed = (event.assertions ?? []).filter((a) => !a.passed && !a.skipped)
        const status =
          event.response === undefined
            ? (event.error?.message ?? 'no response')
            : `${event.response.code} ${event.response.status} · ${event.response.responseTime} ms`
        const text = `${event.item.path} — ${status}${failed.length > 0 ? ` — ${failed.map((a) => `✗ ${a.name}`).join(', ')}` : ''}`
        setLines((old) => [
          ...old,
          { key: `${old.length}`, text, ok: event.error === undefined && failed.length === 0 },
        ])
      } else if (event.type === 'run:finished' && event.stats !== undefined) {
        const { stats } = event
        setSummary(
          `${stats.requests.total} requests, ${stats.assertions.total - stats.assertions.failed}/${stats.assertions.total} assertions passed, ${Math.round(stats.durationMs)} ms`,
        )
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
  return (
    <div className="runner">
      <h2>Runner</h2>
      <form
        className="form-grid"
        onSubmit={(event) => {
          event.preventDefault()
          setLines([])
          setSummary('')
          setError('')
          api
            .run({
              collectionId,
              iterations,
              ...(props.environment === null ? {} : { environment: props.environment }),
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
        <span />
        <button type="submit" className="primary" disabled={runId !== undefined || collectionId === ''}>
          {runId === undefined ? 'Run' : 'Running…'}
        </button>
      </form>
      {error !== '' && <p role="alert">{error}</p>}
      <ol className="run-lines" aria-label="Run results" aria-live="polite">
        {lines.map((line) => (
          <li key={line.key} className={line.ok ? 'pass' : 'fail'}>
            {line.text}
          </li>
        ))}
      </ol>
      {summary !== '' && <p role="status">{summary}</p>}
    </div>
  )
}
