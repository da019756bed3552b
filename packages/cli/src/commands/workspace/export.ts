import {
  exportCollection,
  exportEnvironment,
  AppError,
  withCollectionSecrets,
  type Collection,
  type Environment,
} from '@courier/core'
import { writeFileAtomic, type SecretStore } from '@courier/storage'
import { ExitCode } from '../../exit-codes.js'
import type { Terminal } from '../../terminal.js'
import { openWorkspace, openWorkspaceState, type WorkspaceFlags } from '../../workspace/open-workspace.js'

/** Options of `courier export`. */
export interface ExportOptions extends WorkspaceFlags {
  format: string
  output?: string
  /** Put the values of secret variables (kept in local state) into the export. */
  includeSecrets: boolean
}

const formats = ['postman-v2.1']

/**
 * `courier export <collection|environment>`: a collection (or an environment, or `globals`) of the workspace as
 * Postman v2.1 JSON, on stdout or atomically to `-o`. Secret values stay out unless `--include-secrets`.
 * @example await exportCommand('GoToMeeting', { format: 'postman-v2.1', includeSecrets: false }, terminal)
 */
export async function exportCommand(
  name: string,
  options: ExportOptions,
  terminal: Terminal,
): Promise<number> {
  if (!formats.includes(options.format))
    throw new AppError(
      'CONVERT_TARGET_UNSUPPORTED',
      `--format ${options.format}: not a format Courier writes`,
      {
        target: options.format,
        supported: formats,
      },
    )
  const ws = await openWorkspace(options, terminal)
  const state = options.includeSecrets ? await openWorkspaceState(ws.root, process.env) : undefined
  let text: string
  let what: string
  try {
    const environment =
      name.toLowerCase() === 'globals'
        ? ws.globals()
        : ws.environments().some((e) => e.environment.name === name) &&
            !ws.collections().some((c) => c.collection.info?.name === name)
          ? ws.environment(name)
          : undefined
    if (environment !== undefined) {
      const scope =
        environment.kind === 'globals' ? 'globals' : `environment:${environment.environment.name ?? ''}`
      const filled = await fillEnvironment(environment.environment, state?.secrets, scope)
      text = exportEnvironment(filled)
      what = environment.kind
    } else {
      const { collection } = ws.collection(name)
      text = exportCollection(await fillCollection(collection, state?.secrets))
      what = 'collection'
    }
  } finally {
    state?.close()
  }
  if (options.output === undefined) {
    terminal.out(text.endsWith('\n') ? text : `${text}\n`)
  } else {
    await writeFileAtomic(options.output, text.endsWith('\n') ? text : `${text}\n`)
    terminal.err(`${terminal.colors.green('✓')} wrote ${options.output} (Postman v2.1.0 ${what})\n`)
  }
  return ExitCode.success
}

type SecretScopeName = Parameters<SecretStore['list']>[0]

async function fillEnvironment(
  environment: Environment,
  secrets: SecretStore | undefined,
  scope: string,
): Promise<Environment> {
  if (secrets === undefined) return environment
  const values = new Map((await secrets.list(scope as SecretScopeName)).map((s) => [s.key, s.value]))
  return {
    ...environment,
    values: environment.values.map((v) =>
      typeof v.key === 'string' && values.has(v.key) ? { ...v, value: values.get(v.key) } : v,
    ),
  }
}

async function fillCollection(collection: Collection, secrets: SecretStore | undefined): Promise<Collection> {
  return secrets === undefined ? collection : withCollectionSecrets(collection, secrets)
}
