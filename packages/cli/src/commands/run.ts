import {
  AppError,
  createCookieJar,
  createQuickJsScriptEngine,
  createUndiciTransport,
  listRequests,
  resolveAuth,
  runCollection,
  systemClock,
  systemRandom,
  type Collection,
  type RequestSettings,
  type RunStats,
  type RunFailure,
  type VariableScopes,
} from '@courier/core'
import { writeFileAtomic } from '@courier/storage'
import { ExitCode } from '../exit-codes.js'
import { nodeFileSource } from '../node-file-source.js'
import { createCliReporter } from '../reporters/cli-reporter.js'
import { createJsonReporter } from '../reporters/json-reporter.js'
import { createJunitReporter } from '../reporters/junit-reporter.js'
import type { Reporter } from '../reporters/reporter.js'
import type { Terminal } from '../terminal.js'
import { openTokenStore } from './open-token-store.js'
import { exportScope, loadRunInputs, type RunInputFlags } from './run-inputs.js'
import { transportOptions, type TransportFlags } from './transport-flags.js'

/** Options of `courier run` (Newman's flags). */
export interface RunCommandOptions extends RunInputFlags, TransportFlags {
  iterationCount?: number
  folders: string[]
  bail: boolean
  delayRequestMs?: number
  timeoutRequestMs?: number
  timeoutScriptMs?: number
  /** Newman's --timeout: the whole run's limit. */
  timeoutMs?: number
  insecure: boolean
  ignoreRedirects: boolean
  reporters: string[]
  reporterJsonExport?: string
  reporterJunitExport?: string
  exportEnvironment?: string
  exportGlobals?: string
  silent: boolean
  verbose: boolean
  /** Newman's -x: exit 0 even when something failed. */
  suppressExitCode: boolean
  version: string
}

const knownReporters = ['cli', 'json', 'junit']

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
  const unknown = options.reporters.filter((name) => !knownReporters.includes(name))
  if (unknown.length > 0) {
    throw new AppError(
      'USAGE_INVALID',
      `-r ${unknown.join(',')}: unknown reporter (known: ${knownReporters.join(', ')})`,
      {
        message: `unknown reporter ${unknown.join(',')}`,
      },
    )
  }
  const inputs = await loadRunInputs(file, options)
  const files = nodeFileSource(process.cwd())
  const info = {
    name: inputs.collection.info?.name ?? file,
    ...(typeof inputs.collection.info?._postman_id === 'string'
      ? { id: inputs.collection.info._postman_id }
      : {}),
  }
  const reporters: Reporter[] = []
  if (options.reporters.includes('cli') && !options.silent)
    reporters.push(
      createCliReporter({ write: terminal.out, colors: terminal.colors, verbose: options.verbose }),
    )
  if (options.reporters.includes('json')) reporters.push(createJsonReporter({ collection: info }))
  if (options.reporters.includes('junit')) reporters.push(createJunitReporter({ collection: info }))
  const settings: Partial<RequestSettings> = {}
  if (options.insecure) settings.strictSSL = false
  if (options.ignoreRedirects) settings.followRedirects = false
  if (options.timeoutRequestMs !== undefined) settings.timeoutMs = options.timeoutRequestMs
  const transport = createUndiciTransport(await transportOptions(options, files))
  const scopes = { environment: inputs.environment.values, globals: inputs.globals.values }
  // OAuth 2.0 with a grant: tokens come from local state (obtained or refreshed there), as `courier send` does.
  const tokenStore = usesOAuth2Grant(inputs.collection, scopes) ? openTokenStore(process.env) : undefined
  const scriptEngine = createQuickJsScriptEngine()
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
      folders: options.folders,
      bail: options.bail,
      ...(options.delayRequestMs === undefined ? {} : { delayRequestMs: options.delayRequestMs }),
      ...(options.timeoutScriptMs === undefined ? {} : { timeoutScriptMs: options.timeoutScriptMs }),
      settings,
      scriptEngine,
      transport,
      cookies: createCookieJar(),
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
      const now = systemClock.now()
      if (options.exportEnvironment !== undefined) {
        const scope = { ...inputs.environment, values: event.environment }
        const text = JSON.stringify(
          exportScope(scope, { scope: 'environment', version: options.version, now }),
          null,
          2,
        )
        await writeFileAtomic(options.exportEnvironment, `${text}\n`)
      }
      if (options.exportGlobals !== undefined) {
        const scope = { ...inputs.globals, values: event.globals }
        const text = JSON.stringify(
          exportScope(scope, { scope: 'globals', version: options.version, now }),
          null,
          2,
        )
        await writeFileAtomic(options.exportGlobals, `${text}\n`)
      }
    }
  } finally {
    clearTimeout(timer)
    process.removeListener('SIGINT', interrupt)
    tokenStore?.close()
    await scriptEngine.close()
    await transport.close()
  }
  for (const reporter of reporters) {
    for (const artifact of reporter.finish()) {
      const path =
        artifact.reporter === 'json'
          ? (options.reporterJsonExport ?? artifact.defaultPath)
          : (options.reporterJunitExport ?? artifact.defaultPath)
      await writeFileAtomic(path, artifact.text)
    }
  }
  const passed = outcome !== undefined && outcome.failures.length === 0
  return passed || options.suppressExitCode ? ExitCode.success : ExitCode.failure
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
