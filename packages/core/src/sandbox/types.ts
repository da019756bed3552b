// The contract between the runner and the script sandbox (DESIGN.md: scripts written by strangers run in QuickJS
// inside a worker, with time and memory limits, and see the world only through the `pm` API). Plain data only.
import type { CookieRecord } from '../http/index.js'
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
  /** The request's description (the legacy `request.description`). */
  description?: string
  /** The enabled fields of a urlencoded or form-data body, as written (the legacy `request.data`). */
  form?: ScriptFormField[]
}

/** A field of a form body; a file field has no value. */
export interface ScriptFormField {
  key: string
  value?: string
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
  /** `pm.cookies` (test scripts): the cookies of the jar for the request's URL after the response. */
  cookies?: CookieRecord[]
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

/** How one script runs: its time limit, and the run it belongs to. */
export interface ScriptRunOptions {
  /** Newman's --timeout-script; 0 means the engine's default. */
  timeoutMs: number
  /**
   * The collection run the script belongs to (any string unique to that run). As in Newman, which gives a run one
   * context, the scripts of one run share what they change in the globals and built-ins (`helpers = {…}` in a
   * collection script, `Object.prototype.check = …`); a script of another run, or one without a realm, starts from
   * a clean context. `pm`, `postman` and `console` are fresh for every script either way.
   */
  realm?: string
}

/** A header or form entry of a request a script sends. */
export interface ScriptKeyValue {
  key: string
  value: string
}

/**
 * What `pm.sendRequest` asks the host to send, in Postman's request format, normalised inside the sandbox: the URL
 * as written (Postman resolves no `{{variables}}` here), enabled headers only, no file parts.
 */
export interface ScriptSendRequest {
  url: string
  method: string
  header: ScriptKeyValue[]
  body?:
    | { mode: 'raw'; raw: string; options?: { raw?: { language?: string } } }
    | { mode: 'urlencoded'; urlencoded: ScriptKeyValue[] }
    | { mode: 'formdata'; formdata: ScriptKeyValue[] }
    | { mode: 'graphql'; graphql: { query: string; variables: string } }
  /** Postman's auth object as the script wrote it (`{ type: 'basic', basic: [...] }`). */
  auth?: { type: string } & Record<string, unknown>
}

/** What the host answers to `pm.sendRequest`: the response, and the cookies of the jar for its URL. */
export interface ScriptSendResult {
  response: ScriptResponse
  cookies: CookieRecord[]
}

/** A cookie a script sets with `pm.cookies.jar().set(url, {…})`. */
export interface ScriptCookieInit {
  name: string
  value: string
  domain?: string
  path?: string
  /** ISO 8601. */
  expires?: string
  maxAge?: number
  secure?: boolean
  httpOnly?: boolean
}

/** The run's cookie jar as `pm.cookies.jar()` reaches it: plain data in and out. */
export interface ScriptCookieJar {
  list(url: string): Promise<CookieRecord[]>
  /** Stores a cookie (or a `Set-Cookie` string) for `url`; answers the stored cookie, undefined if refused. */
  set(url: string, cookie: ScriptCookieInit | string): Promise<CookieRecord | undefined>
  unset(url: string, name: string): Promise<void>
  clear(url: string): Promise<void>
}

/**
 * What a running script may ask of its host (the runner), answered asynchronously inside the sandbox. Rejections
 * reach the script as the callback's `err`; `signal` aborts when the script ends first.
 */
export interface ScriptHost {
  sendRequest(request: ScriptSendRequest, options: { signal: AbortSignal }): Promise<ScriptSendResult>
  cookies?: ScriptCookieJar
}

/**
 * The sandbox port: runs one script at a time in an isolated, warm JavaScript context. `close()` ends the worker.
 * A script's failure is an outcome (`ScriptOutput.error`), never a rejection; a rejection is a bug of the engine.
 * Without a `host`, `pm.sendRequest` and `pm.cookies.jar()` answer with an error.
 */
export interface ScriptEngine {
  run(input: ScriptInput, options: ScriptRunOptions, host?: ScriptHost): Promise<ScriptOutput>
  /** The run `realm` (ScriptRunOptions.realm) is over: its changes can be put back and its context given to another. */
  endRealm(realm: string): void
  close(): Promise<void>
}
