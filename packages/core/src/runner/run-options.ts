import type { OAuth2Context } from '../auth/index.js'
import type { CookieStore, RequestSettings, Transport } from '../http/index.js'
import type { Clock, FileSource, Random } from '../ports/index.js'
import type { ScriptEngine } from '../sandbox/index.js'
import type { DynamicVariableProvider, Variable } from '../variables/index.js'
import type { Shard } from './shard.js'

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
}
