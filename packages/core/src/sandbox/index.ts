export type {
  ConsoleLine,
  ScriptEngine,
  ScriptInput,
  ScriptLimits,
  ScriptOutput,
  ScriptRequest,
  ScriptResponse,
  ScriptScopes,
  TestResult,
} from './types.js'
export type { QuickJsScriptEngineOptions } from './create-quickjs-script-engine.js'
export { createQuickJsScriptEngine } from './create-quickjs-script-engine.js'
