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
