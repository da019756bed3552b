import { stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import {
  AppError,
  createCookieJar,
  createUndiciTransport,
  hasScripts,
  listRequests,
  parseShard,
  resolveAuth,
  runCollection,
  selectRequests,
  systemClock,
  systemRandom,
  type Collection,
  type RequestSettings,
  type RunStats,
  type RunFailure,
  type VariableScopes,
} from '@courier/core'
import { ExitCode } from '../exit-codes.js'
import { nodeFileSource } from '../node-file-source.js'
import { discardPrewarmedEngine, takeScriptEngine } from '../prewarm-script-engine.js'
import type { Terminal } from '../terminal.js'
import { loadCookieJarFile } from './cookie-jar-file.js'
import type { RunExportFlags } from './run-exports.js'
import { loadRunInputs, type RunInputFlags } from './run-inputs.js'
import { createRunReporters, writeReports, type CliReporterFlags } from './run-reporters.js'
import { transportOptions, type TransportFlags } from './transport-flags.js'

/** Options of `courier run` (Newman's flags). */
export interface RunCommandOptions extends RunInputFlags, TransportFlags, RunExportFlags {
  iterationCount?: number
  folders: string[]
  /** Newman-style `i/n`: run only the i-th of n parts of the selected requests (ADR 0010). */
  shard?: string
  bail: boolean
  delayRequestMs?: number
  timeoutRequestMs?: number
  timeoutScriptMs?: number
  /** Newman's --timeout: the whole run's limit. */
  timeoutMs?: number
  insecure: boolean
  ignoreRedirects: boolean
  reporters: string[]
  reporterCli?: CliReporterFlags
  reporterJsonExport?: string
  reporterJunitExport?: string
  reporterHtmlExport?: string
  /** Newman's --cookie-jar: a serialized tough-cookie jar to start the run with. */
  cookieJar?: string
  /** Newman's --working-dir: where form-data and binary file paths are resolved (default: the current one). */
  workingDir?: string
  /** Newman's --no-insecure-file-read makes this false: no file outside the working directory. */
  insecureFileRead: boolean
  silent: boolean
  /** Newman's --disable-unicode: plain ASCII in the cli reporter. */
  disableUnicode: boolean
  verbose: boolean
  /** Newman's -x: exit 0 even when something failed. */
  suppressExitCode: boolean
  version: string
}

/**
 * `courier run`: runs a collection as Newman does, through the one pipeline, and reports it. Exit 0 when every
 * request, script and assertion passed, 1 otherwise (2 for bad input, thrown as AppError).
 * @example process.exitCode = await runCommand('api.json', { ...options, reporters: ['cli'] }, terminal)
 */
export async function runCommand(
  file: string,
  options: RunCommandOptions,
  terminal: Terminal,
): Promise<number> {
  try {
    return await runAndReport(file, options, terminal)
  } finally {
    // The engine bin/courier.js started and the run did not take (no script in it, or bad input first).
    void discardPrewarmedEngine()
  }
}

async function runAndReport(file: string, options: RunCommandOptions, terminal: Terminal): Promise<number> {
  const shard = options.shard === undefined ? undefined : parseShard(options.shard)
  const inputs = await loadRunInputs(file, options, terminal)
  // `courier run "Collection/Folder"` in a workspace runs that folder, as `--folder Folder` does.
  const folders =
    options.folders.length === 0 && inputs.folder !== undefined ? [inputs.folder] : options.folders
  // A run whose requests have no script starts no QuickJS worker (issue #6). Selecting also checks --folder early.
  const selected = selectRequests(inputs.collection, folders, {
    source: file,
    ...(shard === undefined ? {} : { shard }),
  })
  const needsScripts = hasScripts(inputs.collection, selected)
  const info = {
    name: inputs.collection.info?.name ?? file,
    ...(typeof inputs.collection.info?._postman_id === 'string'
      ? { id: inputs.collection.info._postman_id }
      : {}),
  }
  const { shard: _shardText, ...rest } = options
  const reportOptions = { ...rest, ...(shard === undefined ? {} : { shard }) }
  const reporters = createRunReporters(reportOptions, {
    terminal,
    collection: info,
    progress: process.stderr,
    env: process.env,
  })
  const files = await workingDirFiles(options)
  const settings: Partial<RequestSettings> = {}
  if (options.insecure) settings.strictSSL = false
  if (options.ignoreRedirects) settings.followRedirects = false
  if (options.timeoutRequestMs !== undefined) settings.timeoutMs = options.timeoutRequestMs
  // TLS files are named relative to where the command runs, as Newman reads them; only request bodies use --working-dir.
  const transport = createUndiciTransport(await transportOptions(options, nodeFileSource(process.cwd())))
  const cookies = createCookieJar()
  if (options.cookieJar !== undefined) await loadCookieJarFile(options.cookieJar, cookies)
  const scopes = { environment: inputs.environment.values, globals: inputs.globals.values }
  // OAuth 2.0 with a grant: tokens come from local state (obtained or refreshed there), as `courier send` does.
  // Local state (SQLite, the workspace format) is loaded only then: a plain run starts faster (issue #6).
  const tokenStore = usesOAuth2Grant(inputs.collection, scopes)
    ? await (await import('./open-token-store.js')).openTokenStore(process.env)
    : undefined
  // Started by bin/courier.js as the process started, when it could (prewarm-script-engine.ts).
  const scriptEngine = needsScripts ? takeScriptEngine() : undefined
  // Ctrl-C and --timeout stop the run between (or during) requests; the summary and reports still come out.
  const controller = new AbortController()
  const interrupt = () => controller.abort(new Error('interrupted'))
  process.once('SIGINT', interrupt)
  const timer =
    options.timeoutMs === undefined || options.timeoutMs === 0
      ? undefined
      : setTimeout(() => controller.abort(new Error(`--timeout ${options.timeoutMs} ms`)), options.timeoutMs)
  let outcome: { stats: RunStats; failures: RunFailure[] } | undefined
  try {
    const events = runCollection(inputs.collection, {
      scopes,
      ...(tokenStore === undefined ? {} : { oauth2: { tokens: tokenStore.tokens, transport } }),
      ...(inputs.iterationData === undefined ? {} : { iterationData: inputs.iterationData }),
      ...(options.iterationCount === undefined ? {} : { iterationCount: options.iterationCount }),
      folders,
      ...(shard === undefined ? {} : { shard }),
      bail: options.bail,
      ...(options.delayRequestMs === undefined ? {} : { delayRequestMs: options.delayRequestMs }),
      ...(options.timeoutScriptMs === undefined ? {} : { timeoutScriptMs: options.timeoutScriptMs }),
      settings,
      ...(scriptEngine === undefined ? {} : { scriptEngine }),
      transport,
      cookies,
      files,
      clock: systemClock,
      random: systemRandom,
      userAgent: `Courier/${options.version}`,
      includeBodies: options.verbose,
      source: file,
      signal: controller.signal,
    })
    for await (const event of events) {
      for (const reporter of reporters) reporter.onEvent(event)
      if (event.type !== 'run:finished') continue
      outcome = { stats: event.stats, failures: event.failures }
      if (!wantsExports(options)) continue
      const { writeRunExports } = await import('./run-exports.js')
      await writeRunExports(options, {
        inputs,
        state: event,
        cookies,
        version: options.version,
        now: systemClock.now(),
      })
    }
  } finally {
    clearTimeout(timer)
    process.removeListener('SIGINT', interrupt)
    tokenStore?.close()
    await scriptEngine?.close()
    await transport.close()
  }
  await writeReports(reporters, reportOptions, systemClock.now())
  const passed = outcome !== undefined && outcome.failures.length === 0
  return passed || options.suppressExitCode ? ExitCode.success : ExitCode.failure
}

function wantsExports(flags: RunExportFlags): boolean {
  return (
    flags.exportEnvironment !== undefined ||
    flags.exportGlobals !== undefined ||
    flags.exportCollection !== undefined ||
    flags.exportCookieJar !== undefined
  )
}

/** The files requests may read: `--working-dir` (checked to be a folder), `--no-insecure-file-read`. */
async function workingDirFiles(options: RunCommandOptions) {
  const root = resolve(options.workingDir ?? '.')
  if (options.workingDir !== undefined) {
    const info = await stat(root).catch(() => undefined)
    if (info?.isDirectory() !== true) {
      throw new AppError('USAGE_INVALID', `--working-dir ${options.workingDir}: not a folder`, {
        message: 'bad --working-dir',
      })
    }
  }
  return nodeFileSource(root, { insecureFileRead: options.insecureFileRead })
}

function usesOAuth2Grant(collection: Collection, scopes: VariableScopes): boolean {
  return listRequests(collection).some(({ target }) => {
    try {
      const auth = resolveAuth(target, { scopes })
      const grant = auth?.type === 'oauth2' ? auth.params['grant_type'] : undefined
      return typeof grant === 'string' && grant !== ''
    } catch {
      // An auth that does not resolve fails on its own request, as an outcome of the run.
      return false
    }
  })
}
