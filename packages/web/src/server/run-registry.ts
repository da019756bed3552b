// Collection runs started from the UI: each run's events are kept (a run's size, not the server's life: only the
// last few runs are kept) so a stream opened late replays them, then follows the live ones.
import type { RunEvent } from '@courier/core'
import { errorBody } from './api-error.js'

/** What a run's stream carries: the runner's events, or why the run could not start or go on. */
export type UiRunEvent = RunEvent | { type: 'run:error'; error: { code: string; message: string } }

/** A run started from the UI. */
export interface UiRun {
  readonly id: string
  readonly events: readonly UiRunEvent[]
  readonly done: boolean
  /** Resolves at the next event or at the end. */
  next(): Promise<void>
  abort(): void
}

/** The runs of one server. */
export interface RunRegistry {
  /** Consumes `events` in the background. */
  start(id: string, events: AsyncIterable<RunEvent>, controller: AbortController): UiRun
  get(id: string): UiRun | undefined
  /** Aborts every run (the server stops). */
  close(): void
}

/**
 * A registry that keeps the last `keep` runs.
 * @example const runs = createRunRegistry(); runs.start(id, runCollection(collection, options), controller)
 */
export function createRunRegistry(options: { keep?: number } = {}): RunRegistry {
  const keep = options.keep ?? 10
  const runs = new Map<string, UiRun>()
  return {
    start(id, events, controller) {
      const kept: UiRunEvent[] = []
      let done = false
      let waiters: (() => void)[] = []
      const wake = () => {
        const ready = waiters
        waiters = []
        for (const resolve of ready) resolve()
      }
      const run: UiRun = {
        id,
        events: kept,
        get done() {
          return done
        },
        next: () => (done ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
        abort: () => controller.abort(),
      }
      runs.set(id, run)
      for (const old of [...runs.keys()].slice(0, Math.max(0, runs.size - keep))) runs.delete(old)
      void (async () => {
        try {
          for await (const event of events) {
            kept.push(event)
            wake()
          }
        } catch (error) {
          // A run that cannot start (a --folder that names nothing) ends with the error as its last event.
          kept.push({ type: 'run:error', error: errorBody(error).error })
        } finally {
          done = true
          wake()
        }
      })()
      return run
    },
    get: (id) => runs.get(id),
    close() {
      for (const run of runs.values()) run.abort()
    },
  }
}
