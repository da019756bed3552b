import {
  exportCollection,
  type Collection,
  type CollectionVariable,
  type CookieStore,
  type Variable,
} from '@courier/core'
import { serializeCookieJar } from './cookie-jar-file.js'
import { exportScope, type RunInputs } from './run-inputs.js'
import { writeOutputFile } from './write-output-file.js'

/** Newman's `--export-*` flags: where to write what the run left behind. */
export interface RunExportFlags {
  exportEnvironment?: string
  exportGlobals?: string
  exportCollection?: string
  exportCookieJar?: string
}

/** The scopes as the run left them (`run:finished`). */
export interface RunEndState {
  environment: Variable[]
  globals: Variable[]
  collectionVariables: Variable[]
}

/**
 * Writes the environment, globals, collection (with its variables as the run left them) and cookie jar files
 * that the `--export-*` flags ask for, each atomically.
 * @example await writeRunExports(flags, { inputs, state, cookies, version, now })
 */
export async function writeRunExports(
  flags: RunExportFlags,
  run: { inputs: RunInputs; state: RunEndState; cookies: CookieStore; version: string; now: Date },
): Promise<void> {
  const { inputs, state, version, now } = run
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`
  if (flags.exportEnvironment !== undefined) {
    const scope = { ...inputs.environment, values: state.environment }
    await writeOutputFile(
      flags.exportEnvironment,
      json(exportScope(scope, { scope: 'environment', version, now })),
    )
  }
  if (flags.exportGlobals !== undefined) {
    const scope = { ...inputs.globals, values: state.globals }
    await writeOutputFile(flags.exportGlobals, json(exportScope(scope, { scope: 'globals', version, now })))
  }
  if (flags.exportCollection !== undefined) {
    const collection = withCollectionVariables(inputs.collection, state.collectionVariables)
    await writeOutputFile(flags.exportCollection, `${exportCollection(collection)}\n`)
  }
  if (flags.exportCookieJar !== undefined)
    await writeOutputFile(flags.exportCookieJar, json(await serializeCookieJar(run.cookies, now)))
}

/**
 * The collection with its `variable` list as the run left it (Newman's `--export-collection`): a variable keeps
 * its other fields (type, description), values set by scripts replace the file's, unset ones are gone, new ones
 * are appended.
 * @example exportCollection(withCollectionVariables(collection, event.collectionVariables))
 */
export function withCollectionVariables(collection: Collection, variables: readonly Variable[]): Collection {
  const original = collection.variable ?? []
  const variable: CollectionVariable[] = variables.map((entry) => {
    const before = original.find((candidate) => (candidate.key ?? candidate.id) === entry.key)
    return {
      ...before,
      key: entry.key,
      value: entry.value,
      ...(entry.type === undefined ? {} : { type: entry.type }),
      ...(entry.disabled === true || entry.enabled === false ? { disabled: true } : {}),
    }
  })
  return { ...collection, variable }
}
