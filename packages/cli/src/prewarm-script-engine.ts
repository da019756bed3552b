// The script engine of `courier run`, started before the CLI itself has loaded (issue #6): bin/courier.js calls
// prewarmScriptEngine() as the process starts, so QuickJS, chai and the libraries load in the worker thread while this
// thread loads the CLI and reads the run's files (~0.3 s of a run's start on a 2-core machine). runCommand then
// takes that engine, or closes it when the run has no script.
import { readFileSync } from 'node:fs'
// The sandbox's own entry: the engine alone, not the rest of core (zod, undici…), so the worker starts early.
import { createQuickJsScriptEngine, type ScriptEngine } from '@courier/core/sandbox'

let early: ScriptEngine | undefined

/**
 * Starts the script engine for `courier run <target>` now, unless the target is a collection file without any script
 * (it has no `"listen"`: no event). A target that is not a readable file (a workspace path) gets one. True when an
 * engine is (already) started. An engine nobody takes does not keep the process alive (its worker is unref'd).
 * @example if (args[0] === 'run') prewarmScriptEngine(args[1])
 */
export function prewarmScriptEngine(target: string | undefined): boolean {
  if (early === undefined && (target === undefined || mayHaveScripts(target)))
    early = createQuickJsScriptEngine()
  return early !== undefined
}

/** The prewarmed engine (a new one when there is none); the caller closes it. */
export function takeScriptEngine(): ScriptEngine {
  const engine = early ?? createQuickJsScriptEngine()
  early = undefined
  return engine
}

/** Closes the prewarmed engine, if any: the run did not take it. */
export async function discardPrewarmedEngine(): Promise<void> {
  const engine = early
  early = undefined
  await engine?.close()
}

// The bytes searched as they are, not decoded: the CLI reads and parses the file again when it loads it.
function mayHaveScripts(target: string): boolean {
  try {
    return readFileSync(target).includes('"listen"')
  } catch {
    return true
  }
}
