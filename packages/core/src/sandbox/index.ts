export type {
  ConsoleLine,
  ScriptCookieInit,
  ScriptCookieJar,
  ScriptEngine,
  ScriptFormField,
  ScriptHost,
  ScriptKeyValue,
  ScriptInput,
  ScriptRunOptions,
  ScriptOutput,
  ScriptRequest,
  ScriptResponse,
  ScriptScopes,
  ScriptSendRequest,
  ScriptSendResult,
  TestResult,
} from './types.js'
export type { QuickJsScriptEngineOptions } from './create-quickjs-script-engine.js'
export { createQuickJsScriptEngine } from './create-quickjs-script-engine.js'
export { createScriptCookieJar } from './create-script-cookie-jar.js'
