import type { OAuth2Context } from '../auth/index.js'
import type { AppError } from '../errors/index.js'
import type { CookieStore, PrepareResult, RequestSettings, Transport } from '../http/index.js'
import type { Clock, FileSource, Random } from '../ports/index.js'
import type { ScriptEngine } from '../sandbox/index.js'
import type { Exchange } from '../send/index.js'
import type { DynamicVariableProvider, Variable, VariableScopes } from '../variables/index.js'
import type { Shard } from './shard.js'
import type { ItemRef } from './types.js'

/** A request the runner sent (or tried to), with what a caller needs to show and record it whole. */
export interface SentItem {
  iteration: number
  item: ItemRef
  /** The request as prepared; absent when it could not be (an unresolvable URL, a missing file). */
  prepared?: PrepareResult
  /** The variables it was prepared with (to find the secrets it used). */
  scopes: VariableScopes
  exchange?: Exchange
  /** Why there is no exchange. */
  error?: AppError
}

/**
 * What `runCollection` needs: the ports (transport, files, clock, random, script engine) and Newman's run options.
 * @example const options: RunOptions = { scopes: { environment }, transport, files, clock: systemClock, random: systemRandom }
 */
export interface RunOptions {
  /** The starting variables. `collection` defaults to the collection's own variables. Scripts change copies. */
  scopes: {
    globals?: readonly Variable[]
    environment?: readonly Variable[]
    collection?: readonly Variable[]
  }
  /** Data file rows (Newman's `-d`): one iteration per row, exposed as `pm.iterationData` and `{{vars}}`. */
  iterationData?: readonly Record<string, unknown>[]
  /** Newman's `-n`; default: the number of data rows, or 1. Past the last row, the last row is reused. */
  iterationCount?: number
  /** Newman's `--folder`: names or paths of folders (or requests) to run, in collection order. */
  folders?: readonly string[]
  /** Run only this part of the selected requests (`--shard i/n`, contiguous blocks: ADR 0010). */
  shard?: Shard
  /** Stop the run at the first failure (Newman's `--bail`). */
  bail?: boolean
  /** Wait this long between requests (Newman's `--delay-request`). */
  delayRequestMs?: number
  /** Run-wide request settings (timeouts, `strictSSL: false` for -k, `followRedirects: false`). */
  settings?: Partial<RequestSettings>
  /** Newman's `--timeout-script`; 0 or absent: the engine's default. */
  timeoutScriptMs?: number
  /** Without one, scripts are not run: each is reported with an error of kind `unavailable` (not a failure). */
  scriptEngine?: ScriptEngine
  transport: Transport
  /** The run's cookie jar (also `pm.cookies.jar()`); default: a memory jar for this run, as Newman keeps. */
  cookies?: CookieStore
  files: FileSource
  clock: Clock
  random: Random
  /** Stored OAuth 2.0 tokens (and their fields as variables). */
  oauth2?: OAuth2Context
  /** Makes `{{$guid}}` and friends; default: `createDynamicVariables()`. */
  dynamic?: DynamicVariableProvider
  /** The `User-Agent` for requests that set none. */
  userAgent?: string
  /** Put response bodies in `request:finished` events (`--verbose`, html reports). */
  includeBodies?: boolean
  /** The collection's file name, for error messages. */
  source?: string
  /** Waits between requests; default setTimeout (tests pass their own). */
  sleep?: (ms: number) => Promise<void>
  signal?: AbortSignal
  /**
   * Sees each request as soon as it was sent or failed, before its test scripts run, with the whole exchange
   * (events carry a summary): the UI's Send shows the body and timings and records the history from it.
   */
  onSent?: (sent: SentItem) => void
}
