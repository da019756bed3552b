import { SECRET_MASK, type Environment, type EnvironmentValue } from '@courier/core'
import type { Workspace, WorkspaceEnvironment } from '@courier/storage'
import { ExitCode } from '../../exit-codes.js'
import type { Terminal } from '../../terminal.js'
import {
  openWorkspace,
  openWorkspaceState,
  type WorkspaceState,
  type WorkspaceFlags,
} from '../../workspace/open-workspace.js'

/** Options shared by the `courier env` commands. */
export interface EnvOptions extends WorkspaceFlags {
  json: boolean
  showSecrets: boolean
}

type SecretScope = Parameters<WorkspaceState['secrets']['list']>[0]

const isGlobals = (name: string) => name.toLowerCase() === 'globals'

/**
 * `courier env ls`: the environments of the workspace, with their number of values.
 * @example await envLsCommand({ json: false, showSecrets: false }, terminal)
 */
export async function envLsCommand(options: EnvOptions, terminal: Terminal): Promise<number> {
  const ws = await openWorkspace(options, terminal)
  const list = ws.environments().map((e) => ({
    name: e.environment.name ?? '',
    path: e.path,
    values: e.environment.values.length,
  }))
  if (options.json) {
    terminal.out(`${JSON.stringify(list, null, 2)}\n`)
    return ExitCode.success
  }
  const { dim } = terminal.colors
  if (list.length === 0)
    terminal.out(dim('no environments (courier env set <name> <key> <value> creates one)\n'))
  for (const e of list) terminal.out(`${e.name}  ${dim(`${e.values} values · ${e.path}`)}\n`)
  return ExitCode.success
}

/**
 * `courier env show <name>`: the values of an environment (or `globals`); secret values, kept in local state, are
 * masked unless `--show-secrets`.
 */
export async function envShowCommand(name: string, options: EnvOptions, terminal: Terminal): Promise<number> {
  const ws = await openWorkspace(options, terminal)
  const env = pick(ws, name)
  const state = await openWorkspaceState(ws.root, process.env)
  let secrets: Map<string, string>
  try {
    secrets = new Map((await state.secrets.list(scopeOf(env))).map((s) => [s.key, s.value]))
  } finally {
    state.close()
  }
  const values = env.environment.values.map((v) => {
    const secret = isSecret(v)
    const stored = typeof v.key === 'string' ? secrets.get(v.key) : undefined
    const value = secret
      ? (stored ?? '')
      : typeof v.value === 'string'
        ? v.value
        : JSON.stringify(v.value ?? '')
    return {
      key: v.key ?? '',
      value: secret && !options.showSecrets ? (value === '' ? '' : SECRET_MASK) : value,
      secret,
      enabled: v.enabled !== false,
    }
  })
  if (options.json) {
    terminal.out(`${JSON.stringify({ name: env.environment.name, path: env.path, values }, null, 2)}\n`)
    return ExitCode.success
  }
  const { bold, dim } = terminal.colors
  terminal.out(`${bold(env.environment.name ?? 'Globals')}  ${dim(env.path)}\n`)
  const width = Math.max(0, ...values.map((v) => v.key.length))
  for (const v of values) {
    const notes = [v.secret ? 'secret' : '', v.enabled ? '' : 'disabled'].filter((x) => x !== '')
    terminal.out(
      `  ${v.key.padEnd(width)}  ${v.value}${notes.length > 0 ? dim(`  (${notes.join(', ')})`) : ''}\n`,
    )
  }
  return ExitCode.success
}

/**
 * `courier env set <name> <key> <value> [--secret]`: sets a value, creating the environment when it does not exist.
 * A secret's value goes to local state; the file only says the variable is secret.
 */
export async function envSetCommand(
  name: string,
  key: string,
  value: string,
  options: EnvOptions & { secret: boolean },
  terminal: Terminal,
): Promise<number> {
  const ws = await openWorkspace(options, terminal)
  const existing = tryPick(ws, name)
  const environment: Environment = existing?.environment ?? {
    name: isGlobals(name) ? 'Globals' : name,
    values: [],
  }
  const kind = existing?.kind ?? (isGlobals(name) ? 'globals' : 'environment')
  const old = environment.values.find((v) => v.key === key)
  const secret = options.secret || (old !== undefined && isSecret(old))
  const entry: EnvironmentValue = {
    ...(old ?? {}),
    key,
    value: secret ? '' : value,
    ...(secret ? { type: 'secret' } : old?.type === 'secret' ? { type: 'default' } : {}),
    enabled: old?.enabled ?? true,
  }
  const values =
    old === undefined
      ? [...environment.values, entry]
      : environment.values.map((v) => (v === old ? entry : v))
  const state = await openWorkspaceState(ws.root, process.env)
  try {
    const saved = await ws.saveEnvironment({ ...environment, values }, kind)
    const scope = scopeOf(saved)
    if (secret) await state.secrets.set(scope, { key, value })
    else await state.secrets.unset(scope, key)
  } finally {
    state.close()
  }
  const shown = secret && !options.showSecrets ? SECRET_MASK : value
  terminal.err(
    `${terminal.colors.green('✓')} ${environment.name ?? 'Globals'}: ${key} = ${shown}${secret ? terminal.colors.dim(' (secret: kept in local state, not in the file)') : ''}${existing === undefined ? ' (new environment)' : ''}\n`,
  )
  return ExitCode.success
}

/** `courier env unset <name> <key>`: removes a value (and its secret, if any). */
export async function envUnsetCommand(
  name: string,
  key: string,
  options: EnvOptions,
  terminal: Terminal,
): Promise<number> {
  const ws = await openWorkspace(options, terminal)
  const env = pick(ws, name)
  const values = env.environment.values.filter((v) => v.key !== key)
  if (values.length === env.environment.values.length) {
    terminal.err(`${env.environment.name ?? 'Globals'} has no value "${key}"\n`)
    return ExitCode.failure
  }
  const state = await openWorkspaceState(ws.root, process.env)
  try {
    const saved = await ws.saveEnvironment({ ...env.environment, values }, env.kind)
    await state.secrets.unset(scopeOf(saved), key)
  } finally {
    state.close()
  }
  terminal.err(`${terminal.colors.green('✓')} ${env.environment.name ?? 'Globals'}: ${key} removed\n`)
  return ExitCode.success
}

function pick(ws: Workspace, name: string): WorkspaceEnvironment {
  if (isGlobals(name)) {
    const globals = ws.globals()
    if (globals !== undefined) return globals
  }
  return ws.environment(name)
}

function tryPick(ws: Workspace, name: string): WorkspaceEnvironment | undefined {
  try {
    return pick(ws, name)
  } catch {
    return undefined
  }
}

function isSecret(value: EnvironmentValue): boolean {
  return value.type === 'secret' || (value as { secret?: unknown }).secret === true
}

/** Where an environment's secret values live in local state. */
export function scopeOf(env: WorkspaceEnvironment): SecretScope {
  return env.kind === 'globals' ? 'globals' : `environment:${env.environment.name ?? ''}`
}
