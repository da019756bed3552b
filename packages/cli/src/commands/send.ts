import {
  collectSecrets,
  createCookieJar,
  createDynamicVariables,
  createUndiciTransport,
  exchangeJson,
  prepareRequest,
  redactExchange,
  resolveAuth,
  sendRequest,
  systemClock,
  systemRandom,
  withTokenVariables,
  type Exchange,
  type PrepareResult,
  type RequestSettings,
  type RequestTarget,
  type VariableScopes,
} from '@courier/core'
import { writeFileAtomic } from '@courier/storage'
import { ExitCode } from '../exit-codes.js'
import { nodeFileSource } from '../node-file-source.js'
import { openTokenStore } from './open-token-store.js'
import type { Terminal } from '../terminal.js'
import { renderBody } from './render-body.js'
import { renderHeaders, statusLine } from './render-exchange.js'
import { openWorkspaceState, type WorkspaceState } from '../workspace/open-workspace.js'
import { loadSendTarget, type ScopeFlags, type SendSource, type SendTarget } from './send-target.js'
import { transportOptions, type TransportFlags } from './transport-flags.js'

/** Options of `courier send`. */
export interface SendOptions extends ScopeFlags, TransportFlags {
  include: boolean
  json: boolean
  showSecrets: boolean
  pretty: boolean | undefined
  output?: string
  fail: boolean
  insecure: boolean
  followRedirects: boolean
  timeoutRequestMs?: number
  maxResponseBytes?: number
  userAgent: string
}

/**
 * `courier send`: one request of a collection, or an ad hoc one, through the same pipeline as the runner and
 * the UI. Prints `200 OK · 43 ms · 1.2 kB` (stderr, or stdout with `-i` before the headers), then the body
 * (pretty and coloured on a terminal, as received when piped), or the whole exchange with `--json`. Secrets are
 * masked unless `--show-secrets`.
 * @example await sendCommand({ type: 'adhoc', url: 'http://127.0.0.1:8080/get', headers: [] }, options, terminal)
 */
export async function sendCommand(
  source: SendSource,
  options: SendOptions,
  terminal: Terminal,
): Promise<number> {
  const files = nodeFileSource(process.cwd())
  const loaded = await loadSendTarget(source, options, terminal)
  const { target } = loaded
  // In a workspace, its local state keeps the history of what is sent, and the OAuth 2.0 tokens.
  const state =
    loaded.workspace === undefined
      ? undefined
      : await openWorkspaceState(loaded.workspace.ws.root, process.env)
  // OAuth 2.0 with a grant: tokens come from local state (refreshed there), and their fields become variables.
  const oauth2 = !usesOAuth2Grant(target, loaded.scopes)
    ? undefined
    : state === undefined
      ? await openTokenStore(process.env)
      : { tokens: state.tokens, close: () => undefined }
  const scopes =
    oauth2 === undefined ? loaded.scopes : await withTokenVariables(target, loaded.scopes, oauth2.tokens)
  const settings: Partial<RequestSettings> = {}
  if (options.insecure) settings.strictSSL = false
  if (!options.followRedirects) settings.followRedirects = false
  if (options.timeoutRequestMs !== undefined) settings.timeoutMs = options.timeoutRequestMs
  if (options.maxResponseBytes !== undefined) settings.maxResponseBytes = options.maxResponseBytes
  let prepared: PrepareResult
  try {
    prepared = await prepareRequest(target, {
      scopes,
      files,
      dynamic: createDynamicVariables(),
      settings,
      userAgent: options.userAgent,
    })
  } catch (error) {
    state?.close()
    oauth2?.close()
    throw error
  }
  const transport = createUndiciTransport(await transportOptions(options, files))
  try {
    const exchange = await sendRequest(prepared, {
      transport,
      cookies: createCookieJar(),
      authorize: {
        context: {
          clock: systemClock,
          random: systemRandom,
          files,
          ...(oauth2 === undefined ? {} : { oauth2: { tokens: oauth2.tokens, transport } }),
        },
      },
    })
    if (state !== undefined)
      await recordHistory(state, loaded, exchange, collectSecrets(scopes, prepared.auth))
    const shown = options.showSecrets
      ? exchange
      : redactExchange(exchange, collectSecrets(scopes, prepared.auth))
    if (options.json) {
      terminal.out(`${JSON.stringify(exchangeJson(shown), null, 2)}\n`)
    } else {
      const { colors } = terminal
      const status = `${statusLine(shown, colors)}\n`
      if (options.include) terminal.out(`${status}${renderHeaders(shown.response.headers, colors)}\n`)
      else terminal.err(status)
      if (options.output !== undefined) {
        await writeFileAtomic(options.output, shown.response.body)
      } else {
        const contentType = shown.response.headers.find((h) => h.key.toLowerCase() === 'content-type')?.value
        const pretty = options.pretty ?? terminal.isTTY
        const body = renderBody(shown.response.body, { contentType, pretty, colors })
        if (body !== undefined) terminal.out(body)
      }
    }
    return options.fail && exchange.response.status >= 400 ? ExitCode.failure : ExitCode.success
  } catch (error) {
    if (state !== undefined)
      await recordFailure(state, loaded, prepared, error, collectSecrets(scopes, prepared.auth))
    throw error
  } finally {
    oauth2?.close()
    state?.close()
    await transport.close()
  }
}

function historyRefs(loaded: SendTarget) {
  const { collection, item, folders } = loaded.target
  const path = [...folders.map((f) => f.name ?? ''), item.name ?? ''].join('/')
  const id = typeof item.id === 'string' ? item.id : path
  return {
    collection: {
      id:
        typeof collection.info?._postman_id === 'string'
          ? collection.info._postman_id
          : (loaded.workspace?.dir ?? ''),
      name: collection.info?.name ?? '',
    },
    item: { id, name: item.name ?? '', path },
    ...(loaded.environmentName === undefined ? {} : { environment: loaded.environmentName }),
  }
}

async function recordHistory(
  state: WorkspaceState,
  loaded: SendTarget,
  exchange: Exchange,
  secrets: string[],
): Promise<void> {
  await state.history.record({ source: 'cli', exchange, secrets, ...historyRefs(loaded) })
}

// A send that failed (refused, timed out…) is history too: the request as prepared, and why it failed.
async function recordFailure(
  state: WorkspaceState,
  loaded: SendTarget,
  prepared: PrepareResult,
  error: unknown,
  secrets: string[],
): Promise<void> {
  const { method, url, headers, body } = prepared.request
  await state.history.record({
    source: 'cli',
    request: { method, url, headers, body },
    error,
    secrets,
    ...historyRefs(loaded),
  })
}

function usesOAuth2Grant(target: RequestTarget, scopes: VariableScopes): boolean {
  const auth = resolveAuth(target, { scopes })
  return (
    auth?.type === 'oauth2' &&
    typeof auth.params['grant_type'] === 'string' &&
    auth.params['grant_type'] !== ''
  )
}
