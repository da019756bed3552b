// The contract between the runner and the script sandbox (DESIGN.md: scripts written by strangers run in QuickJS
// inside a worker, with time and memory limits, and see the world only through the `pm` API). Plain data only.
import type { HttpHeader } from '../http/types.js'
import type { Variable } from '../variables/index.js'

/** The variable scopes a script reads and writes (`pm.globals`, `pm.collectionVariables`, `pm.environment`,
 * `pm.iterationData`, `pm.variables` = local). The runner passes copies and applies what comes back. */
export interface ScriptScopes {
  globals: Variable[]
  collection: Variable[]
  environment: Variable[]
  iterationData: Variable[]
  local: Variable[]
}

/** `pm.request` as a script sees it (writable in pre-request scripts). */
export interface ScriptRequest {
  method: string
  url: string
  headers: HttpHeader[]
  /** The raw body text, when the request has a text body. */
  body?: string
}

/** `pm.response` (test scripts only). */
export interface ScriptResponse {
  code: number
  status: string
  headers: HttpHeader[]
  /** The body as text (UTF-8). */
  body: string
  responseTime: number
  responseSize: number
}

/** Everything one script run needs. */
export interface ScriptInput {
  event: 'prerequest' | 'test'
  /** The script's source (an event's `exec` lines joined with `\n`). */
  code: string
  /** Where it comes from, for messages: `Organizers/Get Organizer › test` or `collection › prerequest`. */
  origin: string
  request: ScriptRequest
  response?: ScriptResponse
  scopes: ScriptScopes
  info: {
    requestName: string
    requestId: string
    iteration: number
    iterationCount: number
    eventName: string
  }
}

/** One `pm.test` (or legacy `tests["…"]`) outcome. */
export interface TestResult {
  name: string
  passed: boolean
  skipped: boolean
  /** Why it failed: the assertion's message (`expected 404 to equal 200`). */
  error?: { name: string; message: string }
}

/** A line a script printed with `console.*`. */
export interface ConsoleLine {
  level: 'log' | 'info' | 'warn' | 'error' | 'debug'
  text: string
}

/** What a script run produced; the runner applies it. */
export interface ScriptOutput {
  tests: TestResult[]
  scopes: ScriptScopes
  /** The request after a pre-request script changed it. */
  request: ScriptRequest
  /** `pm.execution.setNextRequest` / `postman.setNextRequest`: a name or id, `null` to stop the run; absent when not called. */
  nextRequest?: string | null
  /** `pm.execution.skipRequest()` in a pre-request script. */
  skipRequest: boolean
  console: ConsoleLine[]
  /** The script itself failed: a syntax error (with its line), an exception, the time or memory limit. */
  error?: {
    name: string
    message: string
    line?: number
    kind: 'syntax' | 'exception' | 'timeout' | 'memory'
  }
}

/** Limits of one script run. */
export interface ScriptLimits {
  /** Newman's --timeout-script; 0 means the engine's default. */
  timeoutMs: number
}

/**
 * The sandbox port: runs one script at a time in an isolated, warm JavaScript context. `close()` ends the worker.
 * A script's failure is an outcome (`ScriptOutput.error`), never a rejection; a rejection is a bug of the engine.
 */
export interface ScriptEngine {
  run(input: ScriptInput, limits: ScriptLimits): Promise<ScriptOutput>
  close(): Promise<void>
}
