import { createInterface } from 'node:readline/promises'
import {
  AppError,
  applyOAuth2Preset,
  createUndiciTransport,
  isOAuth2PresetName,
  oauth2Presets,
  isExpired,
  obtainToken,
  parseOAuth2Config,
  resolveAuth,
  systemClock,
  systemRandom,
  type OAuth2PresetName,
  type OAuth2Token,
} from '@courier/core'
import { ExitCode } from '../exit-codes.js'
import { nodeFileSource } from '../node-file-source.js'
import { createLoopbackReceiver, isLoopbackRedirect } from '../oauth/loopback-receiver.js'
import { createManualReceiver } from '../oauth/manual-receiver.js'
import { openBrowser } from '../oauth/open-browser.js'
import type { Terminal } from '../terminal.js'
import { authTarget, notOAuth2 } from './auth-target.js'
import { openTokenStore } from './open-token-store.js'
import { loadCollectionArg } from '../workspace/collection-arg.js'
import { loadScopes, type ScopeFlags } from './send-target.js'
import { transportOptions, type TransportFlags } from './transport-flags.js'

/** Options of `courier auth login`. */
export interface AuthLoginOptions extends ScopeFlags, TransportFlags {
  /** A provider preset (`goto`) filling the endpoints and client authentication the block leaves empty. */
  preset?: string
  manual: boolean
  timeoutMs: number
  json: boolean
}

/**
 * `courier auth login <collection> [request|folder]`: runs the OAuth 2.0 grant of the collection's (or the
 * item's inherited) auth block — the browser and a loopback listener, or the manual paste with `--manual` or a
 * redirect URI Courier cannot listen on — and stores the token under its Token Name in local state.
 * @example await authLoginCommand('GoToMeeting.postman_collection.json', undefined, options, terminal)
 */
export async function authLoginCommand(
  file: string,
  path: string | undefined,
  options: AuthLoginOptions,
  terminal: Terminal,
): Promise<number> {
  const arg = await loadCollectionArg(file, options, terminal)
  const itemPath = path ?? arg.workspace?.item
  const target = authTarget(arg.collection, itemPath, { source: arg.source })
  const ws = arg.workspace?.ws
  const { scopes } = await loadScopes(arg.collection, options, ws)
  const auth = resolveAuth(target, { scopes })
  if (auth?.type !== 'oauth2') throw notOAuth2(arg.source, itemPath, auth?.type)
  const params =
    options.preset === undefined ? auth.params : applyOAuth2Preset(auth.params, presetName(options.preset))
  const config = parseOAuth2Config(params)
  const say = (line: string) => terminal.err(`${line}\n`)
  const open = (url: string) => openBrowser(url, { env: process.env })
  const manual =
    options.manual || (config.redirectUri !== undefined && !isLoopbackRedirect(config.redirectUri))
  const receiver = manual ? createManualReceiver({ say, open, ask }) : createLoopbackReceiver({ say, open })
  const files = nodeFileSource(process.cwd())
  const transport = createUndiciTransport(await transportOptions(options, files))
  const store = await openTokenStore(process.env, ws === undefined ? {} : { workspace: ws.root })
  try {
    const token = await obtainToken(config, {
      transport,
      receiver,
      clock: systemClock,
      random: systemRandom,
      timeoutMs: options.timeoutMs,
    })
    await store.tokens.put(token)
    if (options.json) terminal.out(`${JSON.stringify(tokenSummary(token), null, 2)}\n`)
    else terminal.out(`${terminal.colors.green('✓')} ${describeToken(token)}\n`)
    return ExitCode.success
  } finally {
    store.close()
    await transport.close()
  }
}

/**
 * `courier auth list`: the stored tokens, their expiry and fields (never their values).
 * @example await authListCommand({ json: false }, terminal)
 */
export async function authListCommand(
  options: { json: boolean; workspace?: string },
  terminal: Terminal,
): Promise<number> {
  const store = await openTokenStore(process.env, workspaceOf(options))
  try {
    const tokens = await store.tokens.list()
    if (options.json) terminal.out(`${JSON.stringify(tokens.map(tokenSummary), null, 2)}\n`)
    else if (tokens.length === 0) terminal.err('No tokens yet: run `courier auth login <collection>`.\n')
    else for (const token of tokens) terminal.out(`${describeToken(token)}\n`)
    return ExitCode.success
  } finally {
    store.close()
  }
}

/**
 * `courier auth token <name>`: one token's details; the access and refresh tokens only with `--show-secrets`.
 * @example await authTokenCommand('GoToMeeting', { showSecrets: true, json: false }, terminal)
 */
export async function authTokenCommand(
  name: string,
  options: { showSecrets: boolean; json: boolean; workspace?: string },
  terminal: Terminal,
): Promise<number> {
  const store = await openTokenStore(process.env, workspaceOf(options))
  try {
    const token = await store.tokens.get(name)
    if (token === undefined) throw missing(name)
    const shown = options.showSecrets
      ? {
          ...tokenSummary(token),
          accessToken: token.accessToken,
          refreshToken: token.refreshToken,
          fields: token.fields,
        }
      : tokenSummary(token)
    if (options.json) terminal.out(`${JSON.stringify(shown, null, 2)}\n`)
    else if (options.showSecrets) terminal.out(`${token.accessToken}\n`)
    else {
      terminal.out(`${describeToken(token)}\n`)
      terminal.err('(the token itself is shown with --show-secrets)\n')
    }
    return ExitCode.success
  } finally {
    store.close()
  }
}

/**
 * `courier auth logout <name>`: deletes a stored token.
 * @example await authLogoutCommand('GoToMeeting', terminal)
 */
export async function authLogoutCommand(
  name: string,
  terminal: Terminal,
  options: { workspace?: string } = {},
): Promise<number> {
  const store = await openTokenStore(process.env, workspaceOf(options))
  try {
    if (!(await store.tokens.delete(name))) throw missing(name)
    terminal.err(`Deleted token "${name}".\n`)
    return ExitCode.success
  } finally {
    store.close()
  }
}

function presetName(name: string): OAuth2PresetName {
  const lower = name.toLowerCase()
  if (isOAuth2PresetName(lower)) return lower
  throw new AppError(
    'USAGE_INVALID',
    `--preset ${name}: no such provider preset (known: ${Object.keys(oauth2Presets).join(', ')})`,
    {
      message: `unknown preset ${name}`,
    },
  )
}

function missing(name: string): AppError<'OAUTH2_TOKEN_MISSING'> {
  return new AppError('OAUTH2_TOKEN_MISSING', `no stored token named "${name}"`, { name, grantType: 'any' })
}

// What can be printed about a token without revealing it.
function tokenSummary(token: OAuth2Token) {
  return {
    name: token.name,
    tokenType: token.tokenType,
    expiresAt: token.expiresAt ?? null,
    expired: isExpired(token, systemClock.now()),
    hasRefreshToken: token.refreshToken !== undefined,
    scope: token.scope ?? null,
    obtainedAt: token.obtainedAt,
    grantType: token.grant.grantType,
    tokenUrl: token.grant.tokenUrl,
    fieldNames: Object.keys(token.fields).filter(
      (key) => !['access_token', 'refresh_token', 'id_token'].includes(key),
    ),
  }
}

function describeToken(token: OAuth2Token): string {
  const summary = tokenSummary(token)
  const expiry =
    token.expiresAt === undefined
      ? 'no expiry given'
      : summary.expired
        ? `expired ${token.expiresAt}`
        : `expires ${token.expiresAt}`
  const refresh = summary.hasRefreshToken ? ', refreshable' : ''
  const fields = summary.fieldNames.length > 0 ? `; fields: ${summary.fieldNames.join(', ')}` : ''
  return `Token "${token.name}" (${token.tokenType}, ${expiry}${refresh})${fields}`
}

async function ask(question: string): Promise<string> {
  const readline = createInterface({ input: process.stdin, output: process.stderr })
  try {
    return await readline.question(question)
  } finally {
    readline.close()
  }
}

function workspaceOf(options: { workspace?: string }): { workspace?: string } {
  return options.workspace === undefined ? {} : { workspace: options.workspace }
}
