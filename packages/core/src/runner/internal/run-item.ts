import { isAppError, type AppError } from '../../errors/index.js'
import { prepareRequest, type PrepareResult } from '../../http/index.js'
import { createScriptCookieJar, type TestResult } from '../../sandbox/index.js'
import { originalRequest, sendRequest, withTokenVariables, type Exchange } from '../../send/index.js'
import type { VariableScopes } from '../../variables/index.js'
import type { ResponseSummary, RunEvent } from '../types.js'
import type { ItemContext } from './item-context.js'
import { cookiesAfter, createScriptHost, scriptResponseOf } from './script-host.js'
import { runScripts, type ScriptState } from './run-script.js'
import { tallyResponse } from './run-tally.js'
import { applyScriptRequest, scriptRequestOf, scriptRequestSent } from './script-request.js'

// The host of a request without scripts: never called, as no script runs.
const noHost: ScriptState['host'] = {
  sendRequest: () => Promise.reject(new TypeError('no script runs for this request')),
}

/** What the runner must do after a request: `nextRequest` as the last script set it. */
export interface ItemOutcome {
  nextRequest?: string | null
}

/**
 * Runs one request as Postman does: pre-request scripts (collection, folders outer→inner, request), the send
 * (unless a script skipped it), then test scripts in the same order. Yields the events; returns where to go next.
 */
export async function* runItem(ctx: ItemContext): AsyncGenerator<RunEvent, ItemOutcome> {
  const { entry, ref, iteration, options, tally, scripts } = ctx
  yield { type: 'request:started', iteration, item: ref }
  const initial = scriptRequestOf(entry.target.item)
  // A request without scripts needs no script host, and no script view of its request or response (issue #6).
  const scripted = scripts.prerequest.length > 0 || scripts.test.length > 0
  const sent: ScriptState['sent'] = []
  const host = scripted
    ? createScriptHost(ctx, createScriptCookieJar(ctx.cookies), (request) => sent.push(request))
    : noHost
  const state: ScriptState = { request: initial, host, sent, local: [], skipRequest: false }
  const assertions: TestResult[] = []
  for (const owner of scripts.prerequest) {
    for (const event of await runScripts(ctx, state, { ...owner, listen: 'prerequest' })) {
      if (event.type === 'script:finished') assertions.push(...event.tests)
      yield event
    }
  }
  if (state.skipRequest) {
    yield {
      type: 'request:finished',
      iteration,
      item: ref,
      request: sentShape(state.request),
      skipped: true,
      assertions,
    }
    return outcome(state)
  }
  tally.stats.requests.total++
  const target =
    scripts.prerequest.length === 0
      ? entry.target
      : { ...entry.target, item: applyScriptRequest(entry.target.item, initial, state.request) }
  let request = sentShape(state.request)
  let exchange: Exchange | undefined
  let error: { code: string; message: string } | undefined
  let prepared: PrepareResult | undefined
  let failure: AppError | undefined
  let scopes: VariableScopes = { ...ctx.scopes, local: state.local }
  try {
    if (options.oauth2 !== undefined) scopes = await withTokenVariables(target, scopes, options.oauth2.tokens)
    prepared = await prepareRequest(target, {
      scopes,
      files: options.files,
      dynamic: ctx.dynamic,
      ...(options.settings === undefined ? {} : { settings: options.settings }),
      ...(options.userAgent === undefined ? {} : { userAgent: options.userAgent }),
      // Newman sends a URL with an unresolved {{name}} as written; a test may assert exactly that.
      unresolvedVariables: 'keep',
    })
    request = sentShape(prepared.request)
    exchange = await sendRequest(prepared, {
      transport: options.transport,
      cookies: ctx.cookies,
      authorize: {
        context: {
          clock: options.clock,
          random: options.random,
          files: options.files,
          ...(options.oauth2 === undefined ? {} : { oauth2: options.oauth2 }),
        },
      },
      clock: options.clock,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    })
    // The item's request as Newman reports it: its method and URL before any redirect.
    request = sentShape(originalRequest(exchange))
  } catch (caught) {
    // Network faults and unresolvable requests are outcomes: recorded, and the run goes on (Newman). An abort
    // (Ctrl-C, --timeout) is recorded too; the runner stops before the next request.
    if (options.signal?.aborted === true) {
      const { reason } = options.signal as { reason: unknown }
      const why = reason instanceof Error ? reason.message : String(reason)
      const message = `${request.method} ${request.url}: the run was stopped (${why})`
      error = { code: 'RUN_ABORTED', message }
      tally.failures.push({ iteration, item: ref, kind: 'run', name: 'aborted', message })
    } else {
      if (!isAppError(caught)) throw caught
      failure = caught
      error = { code: caught.code, message: caught.message }
      tally.stats.requests.failed++
      tally.failures.push({
        iteration,
        item: ref,
        kind: 'request',
        name: caught.code,
        message: caught.message,
      })
    }
  }
  options.onSent?.({
    iteration,
    item: ref,
    scopes,
    ...(prepared === undefined ? {} : { prepared }),
    ...(exchange === undefined ? {} : { exchange }),
    ...(failure === undefined ? {} : { error: failure }),
  })
  const response = exchange === undefined ? undefined : summarize(exchange, options.includeBodies === true)
  if (exchange !== undefined && response !== undefined) {
    tallyResponse(tally, response.responseTime, exchange.response.sizes.bodyBytes)
    if (scripts.test.length > 0) {
      state.request = scriptRequestSent(exchange.request, state.request)
      state.response = scriptResponseOf(exchange)
      state.cookies = await cookiesAfter(exchange, ctx.cookies)
    }
  }
  for (const owner of scripts.test) {
    for (const event of await runScripts(ctx, state, { ...owner, listen: 'test' })) {
      if (event.type === 'script:finished') assertions.push(...event.tests)
      yield event
    }
  }
  yield {
    type: 'request:finished',
    iteration,
    item: ref,
    request,
    ...(response === undefined ? {} : { response }),
    ...(error === undefined ? {} : { error }),
    skipped: false,
    assertions,
  }
  return outcome(state)
}

function outcome(state: ScriptState): ItemOutcome {
  return state.nextRequest === undefined ? {} : { nextRequest: state.nextRequest }
}

function sentShape(request: { method: string; url: string; headers: { key: string; value: string }[] }) {
  return { method: request.method, url: request.url, headers: request.headers }
}

function summarize(exchange: Exchange, includeBody: boolean): ResponseSummary {
  const { response } = exchange
  return {
    code: response.status,
    status: response.statusText,
    headers: response.headers,
    responseTime: exchange.totalMs,
    responseSize: response.sizes.bodyBytes,
    ...(includeBody ? { body: new TextDecoder().decode(response.body) } : {}),
  }
}
