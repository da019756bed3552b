// The contract of the collection runner (DESIGN.md: the runner yields AsyncIterable<RunEvent>; reporters consume
// events and return artifacts; the CLI writes the files). Events are plain, serialisable data.
import type { ConsoleLine, TestResult } from '../sandbox/types.js'
import type { Variable } from '../variables/index.js'

/** Where in the collection something happened. */
export interface ItemRef {
  /** Item id (`id` or `_postman_id`), or the path when the item has none. */
  id: string
  name: string
  /** Folder names and the item's name joined with `/`. */
  path: string
}

/** A response as events carry it: enough for reporters, without the body unless asked (`--verbose`, html). */
export interface ResponseSummary {
  code: number
  status: string
  headers: { key: string; value: string }[]
  responseTime: number
  responseSize: number
  body?: string
}

/** Totals of a run, Newman's `run.stats` and `run.timings` shape in spirit. */
export interface RunStats {
  iterations: { total: number; failed: number }
  requests: { total: number; failed: number }
  testScripts: { total: number; failed: number }
  prerequestScripts: { total: number; failed: number }
  assertions: { total: number; failed: number; skipped: number }
  /** Average, min and max response time in ms over the requests sent. */
  responseTime: { average: number; min: number; max: number }
  durationMs: number
  /** Bytes of response bodies received. */
  transferredBytes: number
}

/** A failure, as Newman's `run.failures` lists them. */
export interface RunFailure {
  iteration: number
  item?: ItemRef
  /** `assertion`, `script` (a script error), `request` (a network fault), `run` (e.g. setNextRequest to nowhere). */
  kind: 'assertion' | 'script' | 'request' | 'run'
  name: string
  message: string
}

/** A request a script sent with `pm.sendRequest`. */
export type ScriptRequestEvent = Extract<RunEvent, { type: 'script:request' }>

/** Everything a run reports, one event at a time, in order. */
export type RunEvent =
  | {
      type: 'run:started'
      collection: string
      iterationCount: number
      requestCount: number
      startedAt: string
    }
  | { type: 'iteration:started'; iteration: number }
  | { type: 'request:started'; iteration: number; item: ItemRef }
  | {
      type: 'script:finished'
      iteration: number
      item: ItemRef
      event: 'prerequest' | 'test'
      /** Whose script: the collection's, a folder's (its path) or the request's. */
      owner: string
      tests: TestResult[]
      console: ConsoleLine[]
      error?: { name: string; message: string; line?: number; kind: string }
    }
  | {
      /**
       * A request a script sent with `pm.sendRequest`, reported before the `script:finished` of the script that
       * sent it (Newman reports such requests as if they were the item's own; Courier keeps them apart).
       */
      type: 'script:request'
      iteration: number
      item: ItemRef
      event: 'prerequest' | 'test'
      owner: string
      request: { method: string; url: string; headers: { key: string; value: string }[] }
      response?: ResponseSummary
      error?: { code: string; message: string }
    }
  | {
      type: 'request:finished'
      iteration: number
      item: ItemRef
      request: { method: string; url: string; headers: { key: string; value: string }[] }
      response?: ResponseSummary
      /** A network fault (AppError JSON: code, message) instead of a response. */
      error?: { code: string; message: string }
      skipped: boolean
      /** Every assertion of the item's test scripts (collection, folders, request). */
      assertions: TestResult[]
    }
  | { type: 'iteration:finished'; iteration: number }
  | {
      type: 'run:finished'
      stats: RunStats
      failures: RunFailure[]
      /** The scopes as the run left them, for --export-environment / --export-globals. */
      environment: Variable[]
      globals: Variable[]
      collectionVariables: Variable[]
    }
