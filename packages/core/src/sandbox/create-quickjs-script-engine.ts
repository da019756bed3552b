import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import type * as CallHost from './internal/call-host.js'
import type { HostCall } from './internal/call-host.js'
import type { ScriptEngine, ScriptHost, ScriptInput, ScriptOutput, ScriptRunOptions } from './types.js'

/** Options for `createQuickJsScriptEngine`. */
export interface QuickJsScriptEngineOptions {
  /** The QuickJS heap limit of the sandbox. Default 64 MiB. */
  memoryLimitBytes?: number
  /** The time limit of a script when `ScriptRunOptions.timeoutMs` is 0. Default 10 000 ms. */
  defaultTimeoutMs?: number
}

interface WorkerReply {
  id: number
  /** The script's output as JSON text, without its error (none when it could not be read: then error is set). */
  output?: string
  error?: ScriptOutput['error']
  fatal?: string
  /** A host call of the running script (pm.sendRequest, the cookie jar). */
  call?: HostCall
}

interface Pending {
  id: number
  input: ScriptInput
  host: ScriptHost | undefined
  /**
   * Aborts the host calls still running when the script ends; made at the first host call (an AbortController and
   * its abort reason cost more than a script that makes none: issue #6).
   */
  ended: AbortController | undefined
  resolve: (output: ScriptOutput) => void
  reject: (error: Error) => void
  watchdog: NodeJS.Timeout
}

// The worker's own V8 heap only holds the WASM glue and messages: the scripts' memory is QuickJS's, capped above.
const workerLimits = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 }
// Past the script's deadline, the interrupt handler should have answered; this much later, the worker is stuck.
const watchdogGraceMs = 2000
const maxTimeoutMs = 2 ** 31 - 1 - watchdogGraceMs

function failedOutput(input: ScriptInput, error: NonNullable<ScriptOutput['error']>): ScriptOutput {
  return { tests: [], scopes: input.scopes, request: input.request, skipRequest: false, console: [], error }
}

// The input crosses to the worker as JSON text (one string to copy, parsed once, inside QuickJS: issue #6); what JSON
// would silently drop or structured cloning refuse (a function, a symbol) is a bug of the caller.
function plainData(_key: string, value: unknown): unknown {
  if (typeof value === 'function' || typeof value === 'symbol') {
    throw new TypeError(`a script's input must be plain data, not a ${typeof value}`)
  }
  return value
}

// The host side of the bridge (its zod schemas) loads on a script's first host call: most runs make none, and the
// engine starts sooner without it (bin/courier.js starts it before the CLI loads).
let hostBridge: Promise<typeof CallHost> | undefined
const loadHostBridge = () => (hostBridge ??= import('./internal/call-host.js'))

// The worker's program and what it evaluates in QuickJS (~1.7 MB of source, mostly the require()-able libraries):
// imported when the first engine starts its worker, not with @courier/core, so a run without scripts never parses
// them (issue #6).
async function loadWorkerSources() {
  const [chai, libraries, moduleLoader, pmLayer, worker, sugar, sugarGuard] = await Promise.all([
    import('./generated/chai-bundle.js'),
    import('./generated/library-bundles.js'),
    import('./internal/module-loader-source.js'),
    import('./internal/pm-layer-source.js'),
    import('./internal/worker-source.js'),
    import('./generated/sugar-bundle.js'),
    import('./internal/sugar-guard-source.js'),
  ])
  return {
    workerSource: worker.workerSource,
    chaiBundle: chai.chaiBundle,
    libraryBundles: libraries.libraryBundles,
    moduleLoader: moduleLoader.moduleLoaderSource,
    pmLayer: pmLayer.pmLayerSource,
    /**
     * Code evaluated in every fresh context after the pm layer and before its baseline is taken (so what it adds to
     * the built-ins is kept, not undone, after each script): `{ name, source }`, in order. SugarJS's prototype
     * extensions, as Postman's sandbox has them (docs/adr/0016-sugarjs.md), then what guards Sugar's own records.
     */
    extensions: [
      { name: 'sugar.js', source: sugar.sugarBundle },
      { name: 'sugar-guard.js', source: sugarGuard.sugarGuardSource },
    ],
  }
}
type WorkerSources = Awaited<ReturnType<typeof loadWorkerSources>>

/** A ScriptEngine running scripts in QuickJS inside a worker thread: one warm context, one script at a time. */
class QuickJsScriptEngine implements ScriptEngine {
  readonly #memoryLimitBytes: number
  readonly #defaultTimeoutMs: number
  #worker: Worker | undefined
  /** The worker being started (its sources loading), until it is #worker. */
  #starting: Promise<Worker> | undefined
  #pending: Pending | undefined
  #queue: Promise<unknown> = Promise.resolve()
  #nextId = 1
  #closed = false

  constructor(options: QuickJsScriptEngineOptions) {
    this.#memoryLimitBytes = options.memoryLimitBytes ?? 64 * 1024 * 1024
    this.#defaultTimeoutMs = options.defaultTimeoutMs ?? 10_000
    // Started now so QuickJS and chai load while the runner prepares its first request; unref'd while idle.
    this.#spawn().catch(() => undefined)
  }

  run(input: ScriptInput, options: ScriptRunOptions, host?: ScriptHost): Promise<ScriptOutput> {
    if (this.#closed) return Promise.reject(new TypeError('the script engine is closed'))
    // Newman's --timeout-script may be Infinity; a timer past 2^31-1 ms would fire at once.
    const timeoutMs = Math.min(
      options.timeoutMs > 0 ? options.timeoutMs : this.#defaultTimeoutMs,
      maxTimeoutMs,
    )
    const result = this.#queue.then(() => this.#send(input, timeoutMs, options.realm, host))
    this.#queue = result.catch(() => undefined)
    return result
  }

  endRealm(realm: string): void {
    // In order after the run's last script; a worker not started yet (or replaced) holds nothing of the run.
    this.#worker?.postMessage({ endRealm: realm })
  }

  async close(): Promise<void> {
    this.#closed = true
    await this.#queue
    const worker = this.#worker ?? (await this.#starting?.catch(() => undefined))
    this.#worker = undefined
    if (worker) await worker.terminate()
  }

  async #send(
    input: ScriptInput,
    timeoutMs: number,
    realm: string | undefined,
    host: ScriptHost | undefined,
  ): Promise<ScriptOutput> {
    const worker = this.#worker ?? (await this.#spawn())
    worker.ref()
    return new Promise<ScriptOutput>((resolve, reject) => {
      const id = this.#nextId++
      const watchdog = setTimeout(() => {
        this.#fail({
          kind: 'timeout',
          name: 'TimeoutError',
          message: `the script ran longer than ${timeoutMs} ms`,
        })
      }, timeoutMs + watchdogGraceMs)
      this.#pending = { id, input, host, ended: undefined, resolve, reject, watchdog }
      try {
        worker.postMessage({
          id,
          input: JSON.stringify(input, plainData),
          code: input.code,
          timeoutMs,
          realm,
        })
      } catch (error) {
        // Not plain data (a function, a symbol): a bug of the caller, not an outcome.
        this.#pending?.ended?.abort()
        this.#pending = undefined
        clearTimeout(watchdog)
        reject(error instanceof Error ? error : new TypeError(String(error)))
      }
    }).finally(() => this.#worker?.unref())
  }

  // Starts the worker once its sources are loaded; unref'd while no script waits for it.
  #spawn(): Promise<Worker> {
    this.#starting ??= loadWorkerSources()
      .then((sources) => {
        const worker = this.#start(sources)
        if (this.#pending === undefined) worker.unref()
        return worker
      })
      .finally(() => {
        this.#starting = undefined
      })
    return this.#starting
  }

  #start(sources: WorkerSources): Worker {
    const quickjsPath = createRequire(import.meta.url).resolve('quickjs-emscripten')
    const worker = new Worker(sources.workerSource, {
      eval: true,
      workerData: {
        quickjsPath,
        chaiBundle: sources.chaiBundle,
        // require()'s libraries, as source: each compiles in the sandbox on its first use only.
        libraryBundles: sources.libraryBundles,
        moduleLoader: sources.moduleLoader,
        pmLayer: sources.pmLayer,
        extensions: sources.extensions,
        memoryLimitBytes: this.#memoryLimitBytes,
        maxStackBytes: 512 * 1024,
      },
      resourceLimits: workerLimits,
      // Scripts must not see the host's environment, even through a bug in the glue.
      env: {},
      stdout: false,
      stderr: false,
    })
    worker.on('message', (reply: WorkerReply) => this.#answer(reply))
    // Events of a worker already replaced (terminated after a hang) must not touch the current run.
    worker.on('error', (error: Error & { code?: string }) => {
      if (this.#worker !== worker) return
      const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY'
      this.#fail({
        kind: memory ? 'memory' : 'exception',
        name: memory ? 'MemoryError' : 'SandboxError',
        message: `the sandbox stopped: ${error.message}`,
      })
    })
    worker.on('exit', (code) => {
      if (this.#worker !== worker) return
      this.#fail({ kind: 'exception', name: 'SandboxError', message: `the sandbox exited with code ${code}` })
    })
    this.#worker = worker
    return worker
  }

  #answer(reply: WorkerReply): void {
    const pending = this.#pending
    if (pending === undefined || pending.id !== reply.id) return
    if (reply.call !== undefined) {
      this.#serve(pending, reply.call)
      return
    }
    this.#pending = undefined
    clearTimeout(pending.watchdog)
    pending.ended?.abort()
    if (reply.output !== undefined) {
      const output = JSON.parse(reply.output) as ScriptOutput
      if (reply.error !== undefined) output.error = reply.error
      pending.resolve(output)
    } else if (reply.error !== undefined) {
      pending.resolve(failedOutput(pending.input, reply.error))
    } else {
      pending.reject(new Error(`the sandbox failed: ${reply.fatal ?? 'no output'}`))
    }
  }

  // The worker crashed or hung: the script's outcome is an error, and the next run starts a fresh worker.
  #fail(error: NonNullable<ScriptOutput['error']>): void {
    const worker = this.#worker
    this.#worker = undefined
    if (worker) void worker.terminate()
    const pending = this.#pending
    if (pending === undefined) return
    this.#pending = undefined
    clearTimeout(pending.watchdog)
    pending.ended?.abort()
    pending.resolve(failedOutput(pending.input, error))
  }

  // A host call of the running script: served in the main thread, answered while the script still waits for it.
  #serve(pending: Pending, call: HostCall): void {
    const worker = this.#worker
    if (typeof call.callId !== 'number') return
    pending.ended ??= new AbortController()
    const { signal } = pending.ended
    void loadHostBridge().then(async ({ callHost }) => {
      const reply = await callHost(pending.host, call, signal)
      if (this.#pending !== pending || this.#worker !== worker || worker === undefined) return
      worker.postMessage({ id: pending.id, reply })
    })
  }
}

/**
 * Creates the QuickJS script engine: strangers' scripts run in QuickJS (WASM) in a worker thread, with a time and
 * a memory limit, and see the world only through Postman's `pm` API. Close it at the end of the run.
 * @example
 * const engine = createQuickJsScriptEngine({ defaultTimeoutMs: 5000 })
 * const output = await engine.run(input, { timeoutMs: 0 })
 * await engine.close()
 */
export function createQuickJsScriptEngine(options: QuickJsScriptEngineOptions = {}): ScriptEngine {
  return new QuickJsScriptEngine(options)
}
