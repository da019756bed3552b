// The Send button on a request with scripts: the same `runCollection` as `courier run`, on a collection holding
// only this request in its folders (so the collection's and folders' scripts, auth and variables apply), as
// Postman runs them: pre-request scripts, the send, test scripts. Their tests and console lines come back with
// the response, and what they set in the environment, globals and collection variables is kept.
import {
  collectSecrets,
  exchangeJson,
  redactExchange,
  runCollection,
  type AppError,
  type Collection,
  type ConsoleLine,
  type Exchange,
  type ExchangeJson,
  type HistoryCollectionRef,
  type Item,
  type PrepareResult,
  type RequestTarget,
  type RunEvent,
  type ScriptEngine,
  type SentItem,
  type TestResult,
  type VariableScopes,
} from '@courier/core'
import { errorBody } from './api-error.js'
import { persistScriptChanges, scopeChanges } from './script-variable-changes.js'
import type { UiContext } from './ui-context.js'
import type { LoadedScopes } from './variable-scopes.js'

/** Where a send comes from, for its history entry. */
export interface SendRefs {
  collection: HistoryCollectionRef
  item: { id: string; name: string; path: string }
  environment?: string
}

/** A script's error as the response pane shows it. */
export interface ScriptErrorJson {
  event: 'prerequest' | 'test'
  /** Whose script: the collection's, a folder's path or the request's. */
  owner: string
  message: string
  line?: number
}

/** A request a script sent with `pm.sendRequest`. */
export interface ScriptRequestJson {
  event: 'prerequest' | 'test'
  owner: string
  method: string
  url: string
  status?: number
  statusText?: string
  error?: string
}

/** The body of `POST /api/send`'s answer. */
export interface SendJson {
  exchange?: ExchangeJson
  historyId?: number
  error?: { code: string; message: string }
  tests?: TestResult[]
  console?: ConsoleLine[]
  scriptErrors?: ScriptErrorJson[]
  /** What the scripts sent with `pm.sendRequest`, in order. */
  scriptRequests?: ScriptRequestJson[]
  /** A pre-request script called `pm.execution.skipRequest()`: nothing was sent. */
  skipped?: boolean
  /** The scopes the scripts changed and that were written back. */
  saved?: ('environment' | 'globals' | 'collection')[]
}

/**
 * The collection with only the target request, inside its folders.
 * @example collectionOfOne(target).item // [{ name: 'Users', item: [{ name: 'Get user', … }] }]
 */
export function collectionOfOne(target: RequestTarget): Collection {
  let items: Item[] = [target.item]
  for (const folder of [...target.folders].reverse()) items = [{ ...folder, item: items }]
  return { ...target.collection, item: items }
}

/**
 * Records a send (answered or failed) in the history with source `ui` and makes the answer's JSON, secrets
 * redacted unless `reveal`.
 */
export async function recordSent(
  ctx: UiContext,
  sent: {
    refs: SendRefs
    scopes: VariableScopes
    prepared?: PrepareResult | undefined
    exchange?: Exchange | undefined
    error?: AppError | undefined
    reveal: boolean
  },
): Promise<SendJson> {
  const { history } = ctx.options
  const { refs, prepared, exchange, error } = sent
  const secrets = collectSecrets(sent.scopes, prepared?.auth)
  if (exchange !== undefined) {
    const historyId = await history.record({ source: 'ui', exchange, secrets, ...refs })
    ctx.hub.publish({ type: 'history-changed', id: historyId })
    return {
      exchange: exchangeJson(sent.reveal ? exchange : redactExchange(exchange, secrets)),
      historyId,
    }
  }
  if (error === undefined) return { error: { code: 'RUN_ABORTED', message: 'the request was not sent' } }
  // A request that could not even be prepared (an unresolvable URL, a missing file) has nothing to record.
  if (prepared === undefined) return errorBody(error)
  const { method, url, headers, body } = prepared.request
  const historyId = await history.record({
    source: 'ui',
    request: { method, url, headers, body },
    error,
    secrets,
    ...refs,
  })
  ctx.hub.publish({ type: 'history-changed', id: historyId })
  return { ...errorBody(error), historyId }
}

/**
 * Sends one request through the runner with its scripts; see the file's comment.
 * @example return c.json(await sendWithScripts(ctx, { alone: collectionOfOne(target), engine, loaded, refs, reveal }))
 */
export async function sendWithScripts(
  ctx: UiContext,
  input: {
    alone: Collection
    engine: ScriptEngine
    loaded: LoadedScopes
    refs: SendRefs
    reveal: boolean
  },
): Promise<SendJson> {
  const { options } = ctx
  const { scopes } = input.loaded
  let sent: SentItem | undefined
  let finished: Extract<RunEvent, { type: 'run:finished' }> | undefined
  let skipped = false
  const tests: TestResult[] = []
  const lines: ConsoleLine[] = []
  const scriptErrors: ScriptErrorJson[] = []
  const scriptRequests: ScriptRequestJson[] = []
  const run = runCollection(input.alone, {
    scopes,
    transport: ctx.transport,
    cookies: ctx.cookies,
    files: options.files,
    clock: options.clock,
    random: options.random,
    oauth2: { tokens: options.tokens, transport: ctx.transport },
    scriptEngine: input.engine,
    ...(options.userAgent === undefined ? {} : { userAgent: options.userAgent }),
    onSent: (item) => {
      sent = item
    },
  })
  for await (const event of run) {
    if (event.type === 'script:finished') {
      tests.push(...event.tests)
      lines.push(...event.console)
      if (event.error !== undefined)
        scriptErrors.push({
          event: event.event,
          owner: event.owner,
          message: `${event.error.name}: ${event.error.message}`,
          ...(event.error.line === undefined ? {} : { line: event.error.line }),
        })
    } else if (event.type === 'script:request')
      scriptRequests.push({
        event: event.event,
        owner: event.owner,
        method: event.request.method,
        url: event.request.url,
        ...(event.response === undefined
          ? {}
          : { status: event.response.code, statusText: event.response.status }),
        ...(event.error === undefined ? {} : { error: event.error.message }),
      })
    else if (event.type === 'request:finished') skipped = event.skipped
    else if (event.type === 'run:finished') finished = event
  }
  const saved =
    finished === undefined
      ? []
      : await persistScriptChanges(ctx, {
          collectionId: input.refs.collection.id,
          environment: input.loaded.environmentName,
          environmentChanges: scopeChanges(scopes.environment ?? [], finished.environment),
          globalsChanges: scopeChanges(scopes.globals ?? [], finished.globals),
          collectionChanges: scopeChanges(scopes.collection ?? [], finished.collectionVariables),
        })
  const scripted = {
    tests,
    console: lines,
    ...(scriptErrors.length === 0 ? {} : { scriptErrors }),
    ...(scriptRequests.length === 0 ? {} : { scriptRequests }),
    ...(saved.length === 0 ? {} : { saved }),
  }
  if (skipped || sent === undefined) return { skipped: true, ...scripted }
  const answer = await recordSent(ctx, {
    refs: input.refs,
    scopes: sent.scopes,
    prepared: sent.prepared,
    exchange: sent.exchange,
    error: sent.error,
    reveal: input.reveal,
  })
  return { ...answer, ...scripted }
}
