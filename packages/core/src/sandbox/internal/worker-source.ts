// The worker thread's program, run with `new Worker(source, { eval: true })` (a CommonJS script). Kept as a string so
// the same code runs from sources under vitest and from dist, with no second entry point to build or locate.
// It owns one QuickJS runtime and up to three warm contexts (chai and the pm layer loaded once in each; one per run
// going on), and recreates them after a script hit the time or memory limit, whose state QuickJS does not promise to
// be consistent.
// The memory limit is the WASM memory's maximum: this build's JS_SetMemoryLimit counts 8 bytes a block (no
// malloc_usable_size), so 100 MB of typed arrays pass a 32 MB limit. At the cap, malloc fails and QuickJS throws
// 'out of memory'. A script that got there costs a fresh WASM module (the memory never shrinks).
import { moduleHostSource } from './module-loader-source.js'

/**
 * The worker's JavaScript source. Receives `{ id, input, code, timeoutMs, realm? }` (input: the ScriptInput as JSON
 * text; realm: the run the script belongs to, whose scripts share the globals and built-ins they change), answers
 * `{ id, output?, error? }` (output: the ScriptOutput as JSON text, without its error) or `{ id, fatal }`.
 * `{ endRealm }` says a run is over (its context is cleaned and freed). While a script runs, the worker may post host
 * calls `{ id, call: { callId, op, payload } }`, answered by `{ id, reply: { callId, value } }` or
 * `{ id, reply: { callId, error: { message, code? } } }`.
 */
export const workerSource: string = String.raw`
'use strict'
const { parentPort, workerData } = require('node:worker_threads')
const { quickjsPath, chaiBundle, pmLayer, memoryLimitBytes, maxStackBytes } = workerData
// The limit as a person reads it in an error: 64 MiB, not 67108864 bytes.
const memoryLimit = memoryLimitBytes % 1048576 === 0 ? memoryLimitBytes / 1048576 + ' MiB' : memoryLimitBytes + ' bytes'
const { libraryBundles, moduleLoader, extensions } = workerData
let QuickJS = null
let runtime = null
let deadline = 0
let interrupted = false
// The warm contexts (at most maxContexts, in one runtime), each a slot: { context, api, compiled, realm, used }.
// realm: the run whose changes to the globals and built-ins the context holds (its scripts share them, as Newman gives
// a run one context), or null when it holds none. A run keeps its context while it is among the most recently used;
// a script of a new run takes a free context, a new one, or the least recently used one, whose changes are put back
// first (__courier.resetRun()). Runs at the same time (Sends in the UI) each keep their own.
let slots = []
const maxContexts = 3
let lastUse = 0
// The slot in use, and its parts: the context, the pm layer's protocol functions (__courier.begin…, taken once per
// context: called directly, no source to parse), and the compiled scripts (source → a factory making a fresh function
// of it on each run, so the same collection script run for every request compiles once, issue #6; least recently
// used first, at most maxCompiled).
let slot = null
let context = null
let api = null
let compiled = new Map()
const maxCompiled = 256

function use(s) {
  slot = s
  context = s === null ? null : s.context
  api = s === null ? null : s.api
  compiled = s === null ? new Map() : s.compiled
}

function releaseSlot(s) {
  s.compiled.forEach((handle) => { try { handle.dispose() } catch (e) { /* dropped with the context */ } })
  if (s.api !== null) {
    Object.keys(s.api).forEach((name) => { try { s.api[name].dispose() } catch (e) { /* idem */ } })
  }
  try { s.context.dispose() } catch (e) { /* a broken context is dropped anyway */ }
}

// Every context and the runtime: after a script QuickJS may have left unsound (its deadline hit mid-code, memory).
function dispose() {
  slots.forEach(releaseSlot)
  slots = []
  use(null)
  try { if (runtime) runtime.dispose() } catch (e) { /* idem */ }
  runtime = null
}

function evalOrThrow(code, filename) {
  const r = context.evalCode(code, filename)
  if (r.error) {
    const e = context.dump(r.error)
    r.error.dispose()
    throw new Error('the sandbox could not load ' + filename + ': ' + JSON.stringify(e))
  }
  r.value.dispose()
}

${moduleHostSource}
function newRuntime() {
  runtime = QuickJS.newRuntime()
  runtime.setMemoryLimit(memoryLimitBytes)
  runtime.setMaxStackSize(maxStackBytes)
  runtime.setInterruptHandler(() => {
    if (Date.now() <= deadline) return false
    interrupted = true
    return true
  })
}

// A warm context: chai, require(), the pm layer and the extensions loaded, its baseline taken.
function newSlot() {
  if (runtime === null) newRuntime()
  const s = { context: runtime.newContext(), api: null, compiled: new Map(), realm: null, used: 0 }
  slots.push(s)
  use(s)
  deadline = Date.now() + 30000
  evalOrThrow(chaiBundle, 'chai.js')
  // require() (module-loader-source.ts): a library compiles on first use, in time that is not the script's.
  installModuleHost(context, libraryBundles, (load) => {
    const started = Date.now()
    const saved = deadline
    deadline = started + 30000
    try { return load() } finally { deadline = saved + (Date.now() - started) }
  })
  evalOrThrow(moduleLoader, 'modules.js')
  evalOrThrow(pmLayer, 'pm.js')
  // The hook for code every fresh context gets before its baseline (in order, each a { name, source }): what these
  // add to the built-ins is part of the state restored after each script, not a change undone.
  extensions.forEach((extension) => evalOrThrow(extension.source, extension.name))
  const courier = context.getProp(context.global, '__courier')
  const baseline = context.getProp(courier, 'baseline')
  const taken = context.callFunction(baseline, context.undefined)
  baseline.dispose()
  if (taken.error) {
    const e = context.dump(taken.error)
    taken.error.dispose()
    courier.dispose()
    throw new Error('the sandbox could not take its baseline: ' + JSON.stringify(e))
  }
  taken.value.dispose()
  // Function.prototype.toString as it is before any script ran: checks what a compilation gave (compile()).
  const fnConstructor = context.getProp(context.global, 'Function')
  const fnProto = context.getProp(fnConstructor, 'prototype')
  s.api = { courier: courier, toString: context.getProp(fnProto, 'toString') }
  fnProto.dispose()
  fnConstructor.dispose()
  ;['begin', 'invoke', 'poll', 'deliver', 'output', 'reset', 'resetRun'].forEach((name) => { s.api[name] = context.getProp(courier, name) })
  use(s)
  return s
}

// The context for a script of this run (a string), or of none: the run's own, a free one, a new one, or the least
// recently used one, cleaned. A context that cannot be cleaned is dropped (dispose()), and a new one made.
function pick(realm) {
  let s = typeof realm === 'string' ? slots.find((x) => x.realm === realm) : undefined
  if (s === undefined) s = slots.find((x) => x.realm === null)
  if (s === undefined && slots.length < maxContexts) s = newSlot()
  if (s === undefined) {
    s = slots.reduce((a, b) => (b.used < a.used ? b : a))
    use(s)
    if (!resetRun()) s = newSlot()
  }
  s.realm = typeof realm === 'string' ? realm : null
  s.used = ++lastUse
  use(s)
}

function dumpError(handle) {
  try {
    return context.dump(handle)
  } catch (e) {
    return { name: 'InternalError', message: 'out of memory' }
  } finally {
    try { handle.dispose() } catch (e) { /* ignore */ }
  }
}

function lineOf(e) {
  if (e && typeof e.lineNumber === 'number') return e.lineNumber
  const m = e && typeof e.stack === 'string' ? /script\.js:(\d+)/.exec(e.stack) : null
  return m ? Number(m[1]) : undefined
}

function classify(e, phase, timeoutMs) {
  if (interrupted) {
    return { kind: 'timeout', name: 'TimeoutError', message: 'the script ran longer than ' + timeoutMs + ' ms' }
  }
  const isObject = e !== null && typeof e === 'object'
  const name = isObject && typeof e.name === 'string' ? e.name : 'Error'
  const message = isObject && typeof e.message === 'string' ? e.message : String(e)
  if (name === 'InternalError' && /out of memory/.test(message)) {
    return { kind: 'memory', name: 'MemoryError', message: 'the script used more than its ' + memoryLimit + ' of memory' }
  }
  const error = { kind: phase === 'compile' && name === 'SyntaxError' ? 'syntax' : 'exception', name, message }
  const line = lineOf(e)
  if (line !== undefined) error.line = line
  return error
}

const scriptParameters =
  'pm, postman, tests, request, environment, globals, data, iteration, responseBody, responseCode, responseHeaders, responseTime'
// Whether a script's source can reach the legacy parameters that are copies of the scopes and the request: it names
// one of them as a variable (not as a property: pm.environment), or uses arguments or eval, or writes an identifier
// with a unicode escape. When not, __courier.begin() does not make them.
const legacyNames = /(?<![$\w])(?<!\.\s*)(?:request|environment|globals|data|responseHeaders|arguments|eval)(?![$\w])|\\u/
function seesLegacy(code) {
  return legacyNames.test(code) ? 1 : 0
}

// Host calls (pm.sendRequest, the cookie jar) in flight at once; further ones wait inside the sandbox.
const maxHostCalls = 32
// The script being run: its id (host answers carry it), the answers not yet delivered, and how to wake its loop.
let current = null

function receive(message) {
  if (current === null || message.id !== current.id) return
  current.inbox.push(message.reply)
  if (current.wake !== null) current.wake()
}

function waitForHost(ms) {
  return new Promise((resolve) => {
    const timer = setTimeout(done, Math.max(0, ms) + 1)
    function done() {
      clearTimeout(timer)
      current.wake = null
      resolve()
    }
    current.wake = done
  })
}

// Calls one of the pm layer's protocol functions with string or number arguments: { value } (a string) or { error }.
function callApi(name, ...args) {
  const handles = args.map((arg) => (typeof arg === 'number' ? context.newNumber(arg) : context.newString(arg)))
  try {
    const r = context.callFunction(api[name], context.undefined, ...handles)
    if (r.error) return { error: r.error }
    const value = context.typeof(r.value) === 'string' ? context.getString(r.value) : undefined
    r.value.dispose()
    return { value }
  } finally {
    handles.forEach((handle) => handle.dispose())
  }
}

// What __courier.poll() answered, checked: a script may have tampered with what it serialises (toJSON…).
function turnOf(json) {
  let turn
  try {
    turn = JSON.parse(json)
  } catch (e) {
    return null
  }
  const ok = turn !== null && typeof turn === 'object' && Array.isArray(turn.calls) &&
    typeof turn.fired === 'boolean' && typeof turn.waiting === 'number' && typeof turn.nextTimerMs === 'number' &&
    turn.calls.every((call) => call !== null && typeof call === 'object' && typeof call.callId === 'number')
  return ok ? turn : null
}

function drainJobs(timeoutMs) {
  // In slices, so an endless promise chain still meets the deadline.
  for (;;) {
    const jobs = runtime.executePendingJobs(1000)
    if (jobs.error) return classify(dumpError(jobs.error), 'run', timeoutMs)
    if (jobs.value === 0) return undefined
    if (Date.now() > deadline) { interrupted = true; return classify(null, 'run', timeoutMs) }
  }
}

// After the script's own code: drain promise jobs, fire due timers, post host calls, wait for answers or the next
// timer, deliver answers, until nothing is awaited. All of it within the script's deadline.
async function settle(timeoutMs) {
  for (;;) {
    const jobsError = drainJobs(timeoutMs)
    if (jobsError !== undefined) return jobsError
    const polled = callApi('poll', maxHostCalls - current.inFlight)
    if (polled.error) return classify(dumpError(polled.error), 'run', timeoutMs)
    if (polled.value === '') return undefined
    const turn = turnOf(polled.value)
    if (turn === null) {
      return { kind: 'exception', name: 'Error', message: "the script broke the sandbox's host calls" }
    }
    for (const call of turn.calls) {
      current.inFlight++
      parentPort.postMessage({ id: current.id, call })
    }
    if (turn.fired) continue
    if (turn.waiting === 0 && turn.nextTimerMs < 0) return undefined
    if (current.inbox.length === 0) {
      const left = deadline - Date.now()
      // Waited out, not interrupted: the context is sound, so the tests so far are kept.
      if (left < 0) return { kind: 'timeout', name: 'TimeoutError', message: 'the script ran longer than ' + timeoutMs + ' ms' }
      await waitForHost(turn.nextTimerMs < 0 ? left : Math.min(turn.nextTimerMs, left))
    }
    for (const reply of current.inbox.splice(0)) {
      current.inFlight--
      const d = callApi('deliver', JSON.stringify(reply))
      if (d.error) return classify(dumpError(d.error), 'run', timeoutMs)
    }
  }
}

// A fresh function of the script: from the factory compiled for this source before, or compiled now. The script
// runs in a function of its own, so its declarations die with it; its first line stays line 1. A factory is kept only
// when it is exactly the wrapper around the script (the original toString says so): code that closes the wrapper
// early and runs something else at compile time is compiled again on every run, as it always was.
function scriptFunction(code) {
  let factory = compiled.get(code)
  if (factory !== undefined) {
    compiled.delete(code)
    compiled.set(code, factory)
  } else {
    const source = 'function () { return function (' + scriptParameters + ') {' + code + '\n} }'
    const r = context.evalCode('(' + source + ')', 'script.js')
    if (r.error) return { error: r.error }
    factory = r.value
    const text = context.callFunction(api.toString, factory)
    const exact = !text.error && context.typeof(text.value) === 'string' && context.getString(text.value) === source
    ;(text.error || text.value).dispose()
    if (!exact) {
      const once = context.callFunction(factory, context.undefined)
      factory.dispose()
      return once.error ? { error: once.error } : { fn: once.value }
    }
    compiled.set(code, factory)
    if (compiled.size > maxCompiled) {
      const oldest = compiled.keys().next().value
      compiled.get(oldest).dispose()
      compiled.delete(oldest)
    }
  }
  const made = context.callFunction(factory, context.undefined)
  return made.error ? { error: made.error } : { fn: made.value }
}

// begin (the script's input), compile, run: each step's failure is the script's error, of that phase.
function start(json, code, timeoutMs) {
  const begun = callApi('begin', json, seesLegacy(code))
  if (begun.error) return classify(dumpError(begun.error), 'begin', timeoutMs)
  const made = scriptFunction(code)
  if (made.error) return classify(dumpError(made.error), 'compile', timeoutMs)
  try {
    context.setProp(api.courier, 'compiled', made.fn)
  } finally {
    made.fn.dispose()
  }
  const ran = callApi('invoke')
  if (ran.error) return classify(dumpError(ran.error), 'run', timeoutMs)
  return undefined
}

// Runs a script: its output as the pm layer's JSON text, passed on unparsed (the engine parses it), and its error;
// only the error when no output could be read. The answer goes out before the context is cleaned for the next script
// (__courier.reset()), which then overlaps the runner's own work (issue #6): the next message is taken only once it
// is done.
async function run(id, message) {
  const timeoutMs = message.timeoutMs
  pick(message.realm)
  interrupted = false
  deadline = Date.now() + timeoutMs
  let output
  let error = start(message.input, message.code, timeoutMs)
  if (error === undefined) {
    current = { id, inbox: [], wake: null, inFlight: 0 }
    try {
      error = await settle(timeoutMs)
    } finally {
      current = null
    }
  }
  // Out of memory, nothing more can run. Interrupted at its deadline in the middle of the script's own code (which
  // one it hits depends on the machine's load), the tests so far are still read — then the context is dropped, as
  // QuickJS does not promise it is sound.
  const broken = interrupted
  if (error === undefined || error.kind !== 'memory') {
    interrupted = false
    deadline = Date.now() + 1000
    const r = callApi('output')
    if (r.error) {
      const e = classify(dumpError(r.error), 'run', timeoutMs)
      if (error === undefined) error = e
    } else if (typeof r.value !== 'string') {
      throw new Error('the sandbox gave no output')
    } else {
      output = r.value
      if (broken) dispose()
    }
  }
  if (output === undefined) {
    dispose()
    if (error !== undefined && error.kind === 'memory') QuickJS = null
  }
  return error === undefined ? { output } : { output, error }
}

// After the answer: pm, postman and console back as they were, and the globals and built-ins too when the script
// belongs to no run. A context that cannot be cleaned is dropped, with the others (dispose()).
function reset(realm) {
  if (context === null) return
  if (cleanUp('reset') && typeof realm !== 'string') resetRun()
}

// The globals and built-ins of the slot in use back as they were: it holds no run's changes any more.
function resetRun() {
  if (!cleanUp('resetRun')) return false
  slot.realm = null
  return true
}

function cleanUp(name) {
  deadline = Date.now() + 1000
  interrupted = false
  const r = callApi(name)
  if (r.error || interrupted) {
    if (r.error) dumpError(r.error)
    dispose()
    return false
  }
  return true
}

const { newQuickJSWASMModule, newVariant, RELEASE_SYNC } = require(quickjsPath)
// The module itself takes 16 MiB (Emscripten's INITIAL_MEMORY); chai and the pm layer fit in it.
const basePages = 256
async function load() {
  if (QuickJS !== null) return
  const maximum = basePages + Math.ceil(memoryLimitBytes / 65536)
  const wasmMemory = new WebAssembly.Memory({ initial: basePages, maximum })
  QuickJS = await newQuickJSWASMModule(newVariant(RELEASE_SYNC, { wasmMemory }))
}
// Warm up before the first script arrives: the runner is usually busy with its first request meanwhile.
let queue = load()
  .then(() => { if (slots.length === 0) newSlot() })
  .catch(dispose)
parentPort.on('message', (message) => {
  if (message.reply !== undefined) {
    receive(message)
    return
  }
  if (message.endRealm !== undefined) {
    // The run is over: its context cleaned now, free for the next run.
    queue = queue.then(() => {
      const s = slots.find((x) => x.realm === message.endRealm)
      if (s === undefined) return
      use(s)
      resetRun()
    }).catch(dispose)
    return
  }
  queue = queue.then(load).then(async () => {
    let reply
    try {
      reply = { id: message.id, ...(await run(message.id, message)) }
    } catch (e) {
      dispose()
      reply = { id: message.id, fatal: String(e && e.stack ? e.stack : e) }
    }
    parentPort.postMessage(reply)
    try {
      reset(message.realm)
    } catch (e) {
      dispose()
    }
  }, (e) => parentPort.postMessage({ id: message.id, fatal: String(e && e.stack ? e.stack : e) }))
})
`
