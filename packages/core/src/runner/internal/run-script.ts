import type { CookieRecord } from '../../http/index.js'
import type { ScriptHost, ScriptRequest, ScriptResponse } from '../../sandbox/index.js'
import type { Variable } from '../../variables/index.js'
import type { RunEvent, ScriptRequestEvent } from '../types.js'
import type { ItemContext } from './item-context.js'
import type { OwnerScripts } from './script-plan.js'
import type { SentByScript } from './script-host.js'
import { tallyAssertions } from './run-tally.js'

/** What the scripts of one request share: `pm.request`, local variables, and what they asked the runner for. */
export interface ScriptState {
  request: ScriptRequest
  response?: ScriptResponse
  /** `pm.cookies` in test scripts. */
  cookies?: CookieRecord[]
  /** Serves `pm.sendRequest` and `pm.cookies.jar()`. */
  host: ScriptHost
  /** What `pm.sendRequest` sent during the current script, reported with it. */
  sent: SentByScript[]
  local: Variable[]
  skipRequest: boolean
  /** Set once a script calls setNextRequest; the last call wins. */
  nextRequest?: string | null
}

/** A `script:finished` event. */
export type ScriptFinishedEvent = Extract<RunEvent, { type: 'script:finished' }>

/** The events of one script: its `pm.sendRequest`s, then its end. */
export type ScriptEvent = ScriptFinishedEvent | ScriptRequestEvent

/** The error reported for each script when the run has no engine: a warning, not a failure. */
const unavailable = {
  name: 'ScriptEngineUnavailable',
  message: 'no script engine: the script was not run',
  kind: 'unavailable',
} as const

/**
 * Runs an owner's scripts for one event (`prerequest` or `test`), applies what they return (variables, the
 * request, setNextRequest, skipRequest), counts them and their assertions, and returns their events.
 */
export async function runScripts(
  ctx: ItemContext,
  state: ScriptState,
  script: OwnerScripts & { listen: 'prerequest' | 'test' },
): Promise<ScriptEvent[]> {
  const { iteration, ref, tally, options, scopes } = ctx
  const counter = script.listen === 'test' ? tally.stats.testScripts : tally.stats.prerequestScripts
  const events: ScriptEvent[] = []
  for (const code of script.codes) {
    // pm.execution.skipRequest() ends the request where it is called: later pre-request scripts do not run.
    if (state.skipRequest) break
    const base = {
      type: 'script:finished',
      iteration,
      item: ref,
      event: script.listen,
      owner: script.owner,
    } as const
    counter.total++
    const engine = options.scriptEngine
    if (engine === undefined) {
      events.push({ ...base, tests: [], console: [], error: unavailable })
      continue
    }
    const output = await engine.run(
      {
        event: script.listen,
        code,
        origin: `${script.owner} › ${script.listen}`,
        request: state.request,
        ...(state.response === undefined ? {} : { response: state.response }),
        ...(state.cookies === undefined ? {} : { cookies: state.cookies }),
        scopes: { ...scopes, local: state.local },
        info: {
          requestName: ref.name,
          requestId: ref.id,
          iteration,
          iterationCount: ctx.iterationCount,
          eventName: script.listen,
        },
      },
      { timeoutMs: options.timeoutScriptMs ?? 0, realm: ctx.realm },
      state.host,
    )
    // Most scripts send nothing: no new array for them on this hot path.
    if (state.sent.length > 0)
      for (const sent of state.sent.splice(0))
        events.push({
          ...sent,
          type: 'script:request',
          iteration,
          item: ref,
          event: script.listen,
          owner: script.owner,
        })
    scopes.globals = output.scopes.globals
    scopes.collection = output.scopes.collection
    scopes.environment = output.scopes.environment
    scopes.iterationData = output.scopes.iterationData
    state.local = output.scopes.local
    if (script.listen === 'prerequest') state.request = output.request
    if (output.skipRequest && script.listen === 'prerequest') state.skipRequest = true
    if (output.nextRequest !== undefined) state.nextRequest = output.nextRequest
    tallyAssertions(tally, output.tests, { iteration, item: ref })
    if (output.error !== undefined) {
      counter.failed++
      tally.failures.push({
        iteration,
        item: ref,
        kind: 'script',
        name: `${script.owner} › ${script.listen}`,
        message: `${output.error.name}: ${output.error.message}`,
      })
    }
    events.push({
      ...base,
      tests: output.tests,
      console: output.console,
      ...(output.error === undefined ? {} : { error: output.error }),
    })
  }
  return events
}
