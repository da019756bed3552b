// Courier against Newman 6 on Newman's own integration suites (../shared/corpus/newman/integration, MANIFEST.md §2).
// Both runners read the very same files (collection, environment, globals, data, the harness's `.postman_config.json`
// run options) and both reach loopback servers only: every connection either runner opens is routed by host and port
// to a local server (postman-echo.com to the echo routes, localhost:4041 to the raw echo server, localhost:4042 to
// the redirect server, anything else to a server that closes each connection at once), with the URL, the Host header
// and the scheme the collection names kept intact. Newman gets that through `requestAgents`; Courier through its
// Transport port. Per execution of a request we compare the item, whether it was sent and with which method, and
// the ordered list of assertions (name, outcome). The run options follow the harness (npm/test-integration.js), but
// without `abortOnFailure`, so a suite that fails is compared to its end. A suite where the runners differ must be
// listed in `knownDifferences` with the items that differ and why, and a listed difference that goes away fails too,
// so the list stays true. Newman's own harness servers answer after 1 s (raw echo); ours answer at once.
import { createRequire } from 'node:module'
import { createServer as createHttpServer, Agent as HttpAgent, type Server } from 'node:http'
import { connect, createServer as createNetServer, type Socket } from 'node:net'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, mkdirSync } from 'node:fs'
import { once } from 'node:events'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { EventEmitter } from 'node:events'
import {
  createEchoHandler,
  startEchoServer,
  startRawEchoServer,
  startRedirectServer,
  type RunningServer,
} from '@courier/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RequestSettings, RunEvent, ScriptEngine, Transport, TransportRequest } from '../../src/index.js'
import {
  collectionVariables,
  createCookieJar,
  createQuickJsScriptEngine,
  createUndiciTransport,
  environmentVariables,
  parseDocument,
  parseIterationData,
  runCollection,
  systemClock,
  systemRandom,
} from '../../src/index.js'

const suitesRoot = path.resolve(import.meta.dirname, '../../../../../shared/corpus/newman/integration')
/** Courier's own suites, in the corpus's layout: behaviour Newman's suites do not cover (a run's shared context). */
const ownSuitesRoot = path.resolve(import.meta.dirname, 'suites')

/**
 * Suites where Courier and Newman do not (yet) agree: the items whose executions differ (`iteration:item path`, as
 * the failure message prints them) and why. Remove an entry (or an item) when the difference is gone: the test
 * says which.
 */
const knownDifferences: Record<string, { reason: string; items: string[] }> = {
  'whatwg-url': {
    reason:
      'Newman sends `Host: postman-echo.com:443` for an explicit :443 (postman-request keeps the port as written; ' +
      "the loopback echo reports it and Newman's test fails); Courier's Host here is the one this harness's " +
      'transport wrapper sets from the WHATWG URL, without the default port',
    items: ['0:Parsing/reserved chars in variables'],
  },
}

// ---- the loopback network both runners share -------------------------------------------------------------------

interface Network {
  /** The loopback port serving `protocol//host:port`. */
  route(protocol: string, host: string, port: number): number
  close(): Promise<void>
}

const defaultPorts: Record<string, number> = { 'http:': 80, 'https:': 443 }

async function startNetwork(): Promise<Network> {
  const echo = await startEchoServer()
  // postman-echo.com over https: the same routes, reporting `https://…` URLs (plain HTTP underneath: both runners
  // are routed to it below TLS, so what the collection sees, its URL and Host, stays the same).
  const secureHandler = createEchoHandler({ protocol: 'https' })
  const secure: Server = createHttpServer(secureHandler.listener)
  secure.listen(0, '127.0.0.1')
  await once(secure, 'listening')
  const raw = await startRawEchoServer()
  const redirects = await startRedirectServer()
  // Any other host (the internet): a connection that ends at once.
  const nowhere = createNetServer((socket) => socket.destroy())
  nowhere.listen(0, '127.0.0.1')
  await once(nowhere, 'listening')
  const portOf = (server: Server | ReturnType<typeof createNetServer>) => {
    const address = server.address()
    if (address === null || typeof address === 'string') throw new TypeError('not listening')
    return address.port
  }
  const local = new Set(['localhost', '127.0.0.1', '[::1]'])
  return {
    route(protocol, host, port) {
      if (host === 'postman-echo.com') return protocol === 'https:' ? portOf(secure) : echo.port
      if (local.has(host) && port === 4041) return raw.port
      if (local.has(host) && port === 4042) return redirects.port
      return portOf(nowhere)
    },
    async close() {
      secureHandler.close()
      secure.closeAllConnections()
      await Promise.all([
        new Promise((resolve) => secure.close(resolve)),
        new Promise((resolve) => nowhere.close(resolve)),
        ...[echo, raw, redirects].map((server: RunningServer) => server.close()),
      ])
    },
  }
}

/** Newman's agents: each connection goes to the loopback port for the host and port asked (no DNS, no TLS). */
function newmanAgents(network: Network): { http: HttpAgent; https: HttpAgent } {
  const agent = (protocol: 'http:' | 'https:') => {
    const created = new HttpAgent({ keepAlive: true })
    const createConnection = (options: { host?: string | null; port?: number | string | null }): Socket =>
      connect({
        host: '127.0.0.1',
        port: network.route(
          protocol,
          options.host ?? 'localhost',
          Number(options.port ?? defaultPorts[protocol]),
        ),
      })
    return Object.assign(created, { protocol, defaultPort: defaultPorts[protocol], createConnection })
  }
  return { http: agent('http:'), https: agent('https:') }
}

/** Courier's transport, routed the same way: the URL points at the loopback port, Host keeps the named host. */
function courierTransport(network: Network, inner: Transport): Transport {
  const reroute = <R extends TransportRequest>(request: R): R => {
    const match = /^(https?:)\/\/(?:([^@/?#]*)@)?([^/?#]*)(.*)$/is.exec(request.url)
    if (match === null) return request
    const [, protocol = 'http:', userinfo, authority = '', rest = ''] = match
    const parsed = new URL(`${protocol}//${authority}`)
    const port = parsed.port === '' ? defaultPorts[protocol.toLowerCase()] : Number(parsed.port)
    const target = network.route(protocol.toLowerCase(), parsed.hostname, port ?? 80)
    const hasHost = request.headers.some(({ key }) => key.toLowerCase() === 'host')
    return {
      ...request,
      url: `http://${userinfo === undefined ? '' : `${userinfo}@`}127.0.0.1:${target}${rest}`,
      headers: hasHost ? request.headers : [{ key: 'Host', value: parsed.host }, ...request.headers],
    }
  }
  return {
    send: (request) => inner.send(reroute(request)),
    session: () => {
      const session = inner.session()
      return { send: (request) => session.send(reroute(request)), close: () => session.close() }
    },
    close: () => inner.close(),
  }
}

// ---- the suites, grouped as Newman's harness groups them --------------------------------------------------------

interface RunConfig {
  ignoreRedirects?: boolean
  insecure?: boolean
  timeout?: number
  timeoutRequest?: number
  timeoutScript?: number
}

interface Suite {
  name: string
  collection: string
  environment?: string
  globals?: string
  data?: string
  config: RunConfig
}

function listFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name)
    return statSync(full).isDirectory() ? listFiles(full) : [full]
  })
}

/** `<name>.postman_<kind>.<ext>` files with the same `<name>` (folder included) form one suite. */
function discoverSuites(root: string): Suite[] {
  const groups = new Map<string, Record<string, string>>()
  for (const file of listFiles(root)) {
    const parts = /^(.+)\.postman_([^.]+)(\.skip)?\.([^.]{3,})$/i.exec(path.relative(root, file))
    if (parts === null || parts[3] !== undefined) continue
    const [, name = '', kind = '', , ext = ''] = parts
    const group = groups.get(name) ?? {}
    group[`${kind}${ext.toUpperCase()}`] = file
    groups.set(name, group)
  }
  return [...groups]
    .filter(([, group]) => group['collectionJSON'] !== undefined)
    .map(([name, group]) => {
      const data = group['dataCSV'] ?? group['dataJSON']
      const configFile = group['configJSON']
      const config =
        configFile === undefined
          ? {}
          : ((JSON.parse(readFileSync(configFile, 'utf8')) as { run?: RunConfig }).run ?? {})
      return {
        name,
        collection: group['collectionJSON'] ?? '',
        ...(group['environmentJSON'] === undefined ? {} : { environment: group['environmentJSON'] }),
        ...(group['globalsJSON'] === undefined ? {} : { globals: group['globalsJSON'] }),
        ...(data === undefined ? {} : { data }),
        config,
      }
    })
    .sort((a, b) => a.name.localeCompare(b.name))
}

// ---- one run of each runner, reduced to comparable executions ----------------------------------------------------

type Outcome = 'passed' | 'failed' | 'skipped'

/** One execution of a request: which item, whether it was sent (with which method), its assertions in order. */
interface Execution {
  iteration: number
  item: string
  sent: boolean
  /** The method sent ('' when the request was not sent). */
  method: string
  assertions: Assertion[]
  /** Script errors and network faults: shown in messages, not compared. */
  errors: string[]
}

interface Assertion {
  name: string
  outcome: Outcome
  /** Why it failed; shown in messages, not compared (each runner words its errors its own way). */
  message?: string
}

interface RunRecord {
  executions: Execution[]
  /** The run itself failed to start or stopped with an error. */
  error?: string
}

interface NewmanCursor {
  iteration: number
}
interface NewmanItem {
  name: string
  parent(): NewmanItem | { name?: string; parent?: unknown } | undefined
}
type NewmanListener = (error: Error | null, args: Record<string, unknown>) => void
interface NewmanModule {
  run(options: Record<string, unknown>, callback: (error: Error | null) => void): EventEmitter
}

const require = createRequire(import.meta.url)
const newman = require('newman') as NewmanModule

/** Folder names and the item's name joined with `/`, as Courier's `ItemRef.path`. */
function newmanItemPath(item: NewmanItem): string {
  const names = [item.name]
  let parent = item.parent() as { name?: string; parent?: () => unknown } | undefined
  // The collection itself is the last parent: it has no parent of its own.
  while (parent !== undefined && typeof parent.parent === 'function' && parent.parent() !== undefined) {
    names.unshift(parent.name ?? '')
    parent = parent.parent() as typeof parent
  }
  return names.join('/')
}

function runNewman(suite: Suite, network: Network, workingDir: string): Promise<RunRecord> {
  const executions: Execution[] = []
  const current = () => executions.at(-1)
  return new Promise((resolve) => {
    const emitter = newman.run(
      {
        collection: suite.collection,
        ...(suite.environment === undefined ? {} : { environment: suite.environment }),
        ...(suite.globals === undefined ? {} : { globals: suite.globals }),
        ...(suite.data === undefined ? {} : { iterationData: suite.data }),
        ...suite.config,
        reporters: [],
        workingDir,
        insecureFileRead: true,
        requestAgents: newmanAgents(network),
      },
      (error) => {
        resolve({ executions, ...(error === null ? {} : { error: error.message }) })
      },
    )
    const on = (event: string, listener: NewmanListener) => emitter.on(event, listener)
    on('beforeItem', (_error, args) => {
      const cursor = args['cursor'] as NewmanCursor
      const item = args['item'] as NewmanItem
      executions.push({
        iteration: cursor.iteration,
        item: newmanItemPath(item),
        sent: false,
        method: '',
        assertions: [],
        errors: [],
      })
    })
    on('request', (error, args) => {
      const execution = current()
      if (execution === undefined) return
      execution.sent = true
      execution.method = (args['request'] as { method?: string } | undefined)?.method ?? ''
      if (error !== null) execution.errors.push(`request: ${error.message}`)
    })
    on('script', (error, args) => {
      const event = args['event'] as { listen?: string } | undefined
      if (error !== null) current()?.errors.push(`${event?.listen ?? 'script'}: ${error.message}`)
    })
    on('assertion', (error, args) => {
      const outcome: Outcome = args['skipped'] === true ? 'skipped' : error === null ? 'passed' : 'failed'
      current()?.assertions.push({
        name: String(args['assertion']),
        outcome,
        ...(error === null ? {} : { message: error.message }),
      })
    })
  })
}

function variablesOf(file: string | undefined) {
  if (file === undefined) return []
  const document = parseDocument(readFileSync(file), { source: file })
  if (document.type === 'environment') return environmentVariables(document.environment)
  if (document.type === 'globals') return environmentVariables(document.globals)
  return collectionVariables(document.collection)
}

async function runCourier(
  suite: Suite,
  { network, workingDir, scriptEngine }: { network: Network; workingDir: string; scriptEngine: ScriptEngine },
): Promise<RunRecord> {
  const executions: Execution[] = []
  const transport = courierTransport(network, createUndiciTransport({ proxy: 'none' }))
  const settings: Partial<RequestSettings> = {}
  if (suite.config.insecure === true) settings.strictSSL = false
  if (suite.config.ignoreRedirects === true) settings.followRedirects = false
  if (suite.config.timeoutRequest !== undefined) settings.timeoutMs = suite.config.timeoutRequest
  const signal =
    suite.config.timeout === undefined || suite.config.timeout === 0
      ? undefined
      : AbortSignal.timeout(suite.config.timeout)
  try {
    const parsed = parseDocument(readFileSync(suite.collection), { source: suite.collection })
    if (parsed.type !== 'collection') return { executions, error: `${suite.collection} is no collection` }
    const iterationData =
      suite.data === undefined
        ? undefined
        : parseIterationData(new TextDecoder().decode(readFileSync(suite.data)), { source: suite.data })
    const events = runCollection(parsed.collection, {
      scopes: { environment: variablesOf(suite.environment), globals: variablesOf(suite.globals) },
      ...(iterationData === undefined ? {} : { iterationData }),
      ...(suite.config.timeoutScript === undefined ? {} : { timeoutScriptMs: suite.config.timeoutScript }),
      settings,
      scriptEngine,
      transport,
      cookies: createCookieJar(),
      files: { read: (file) => Promise.resolve(readFileSync(path.resolve(workingDir, file))) },
      clock: systemClock,
      random: systemRandom,
      source: suite.collection,
      ...(signal === undefined ? {} : { signal }),
    })
    let first: number | undefined
    for await (const event of events as AsyncIterable<RunEvent>) {
      if (event.type === 'iteration:started') first ??= event.iteration
      if (event.type === 'request:started')
        executions.push({
          iteration: event.iteration - (first ?? 0),
          item: event.item.path,
          sent: false,
          method: '',
          assertions: [],
          errors: [],
        })
      const execution = executions.at(-1)
      if (execution === undefined) continue
      if (event.type === 'script:finished' && event.error !== undefined)
        execution.errors.push(`${event.event}: ${event.error.message}`)
      if (event.type === 'request:finished' && event.error !== undefined)
        execution.errors.push(`request: ${event.error.message}`)
      if (event.type === 'script:finished')
        for (const test of event.tests)
          execution.assertions.push({
            name: test.name,
            outcome: test.skipped ? 'skipped' : test.passed ? 'passed' : 'failed',
            ...(test.error === undefined ? {} : { message: test.error.message }),
          })
      if (event.type === 'request:finished' && !event.skipped) {
        execution.sent = true
        execution.method = event.request.method
      }
    }
    return { executions }
  } catch (error) {
    return { executions, error: error instanceof Error ? error.message : String(error) }
  } finally {
    await transport.close()
  }
}

// ---- comparison -------------------------------------------------------------------------------------------------

/** Assertion names that carry a random or clock value (super-sandbox-test's `Correct GUID: <guid>`): the value is
 * left out of the comparison, the outcome is not. */
const volatileName = /^(Correct (?:GUID|Random|Timestamp)): .*$/s

/** What must be equal: the item, whether it was sent, and the (name, outcome) pairs in order. */
const comparable = (execution: Execution | undefined) =>
  execution === undefined
    ? undefined
    : [
        label(execution),
        execution.sent,
        execution.method,
        execution.assertions.map(({ name, outcome }) => [name.replace(volatileName, '$1: …'), outcome]),
      ]

const label = (execution: Execution) => `${execution.iteration}:${execution.item}`

const describeExecution = (execution: Execution | undefined) =>
  execution === undefined
    ? '(no execution)'
    : `${label(execution)} ${execution.sent ? `sent ${execution.method}` : 'not sent'} ` +
      JSON.stringify(
        execution.assertions.map(
          ({ name, outcome, message }) => `${outcome} ${name}${message === undefined ? '' : ` (${message})`}`,
        ),
      ) +
      (execution.errors.length === 0 ? '' : ` errors ${JSON.stringify(execution.errors)}`)

/** The labels of the executions that differ (by position), with a line per difference for the message. */
function compareRuns(newmanRun: RunRecord, courierRun: RunRecord): { items: string[]; lines: string[] } {
  const items = new Set<string>()
  const lines: string[] = []
  if (newmanRun.error !== courierRun.error) {
    items.add('(run)')
    lines.push(`run error: newman ${newmanRun.error ?? 'none'} / courier ${courierRun.error ?? 'none'}`)
  }
  const count = Math.max(newmanRun.executions.length, courierRun.executions.length)
  for (let i = 0; i < count; i++) {
    const [ours, theirs] = [courierRun.executions[i], newmanRun.executions[i]]
    if (JSON.stringify(comparable(ours)) === JSON.stringify(comparable(theirs))) continue
    items.add(label((theirs ?? ours) as Execution))
    lines.push(`#${i} newman  ${describeExecution(theirs)}`, `#${i} courier ${describeExecution(ours)}`)
  }
  return { items: [...items], lines }
}

// ---- the test ---------------------------------------------------------------------------------------------------

const corpusSuites = discoverSuites(suitesRoot)
const ownSuiteList = discoverSuites(ownSuitesRoot)
const suites = [...corpusSuites, ...ownSuiteList]
let network: Network
let workingDir: string
// One engine for the corpus's suites, as the UI server has one for every Send: it runs one script at a time, each run
// in a realm of its own (a suite's scripts share their globals, as in Newman; another suite's start clean), and loads
// QuickJS and the bundled libraries once (one engine per suite loads them 46 times). Courier's own suites, which test
// what a run's scripts share, get one of their own, as `courier run` has: five suites at once on one engine may take
// a context from a run that is still going (the engine keeps three).
let scriptEngine: ScriptEngine
let ownScriptEngine: ScriptEngine
const ownSuites = new Set(ownSuiteList.map((suite) => suite.name))

beforeAll(async () => {
  network = await startNetwork()
  scriptEngine = createQuickJsScriptEngine()
  ownScriptEngine = createQuickJsScriptEngine()
  // Newman's harness runs from its repository root, where form-data and binary sources say `test/integration/…`.
  workingDir = mkdtempSync(path.join(tmpdir(), 'courier-newman-'))
  mkdirSync(path.join(workingDir, 'test'))
  symlinkSync(suitesRoot, path.join(workingDir, 'test', 'integration'))
})

afterAll(async () => {
  await scriptEngine.close()
  await ownScriptEngine.close()
  await network.close()
  rmSync(workingDir, { recursive: true, force: true })
})

describe.concurrent('Courier matches Newman 6 on its integration suites', () => {
  it('finds every suite of the corpus', () => {
    expect(corpusSuites.length).toBeGreaterThanOrEqual(45)
    expect(suites.map((suite) => suite.name)).toContain('shared-context')
    for (const name of Object.keys(knownDifferences))
      expect(
        suites.map((suite) => suite.name),
        `knownDifferences names ${name}`,
      ).toContain(name)
  })

  for (const suite of suites) {
    it(
      suite.name,
      async () => {
        const [theirs, ours] = await Promise.all([
          runNewman(suite, network, workingDir),
          runCourier(suite, {
            network,
            workingDir,
            scriptEngine: ownSuites.has(suite.name) ? ownScriptEngine : scriptEngine,
          }),
        ])
        expect(theirs.executions.length, 'Newman ran no request: the harness is broken').toBeGreaterThan(0)
        const { items, lines } = compareRuns(theirs, ours)
        const known = knownDifferences[suite.name]
        const entry = `${JSON.stringify(suite.name)}: { reason: '…', items: ${JSON.stringify(items)} }`
        if (known === undefined) {
          expect(
            items,
            `${suite.name} differs from Newman (fix it, or add to knownDifferences ${entry}):\n${lines.join('\n')}`,
          ).toEqual([])
          return
        }
        const gone = known.items.filter((item) => !items.includes(item))
        const added = items.filter((item) => !known.items.includes(item))
        expect(
          { gone, added },
          items.length === 0
            ? `${suite.name} now matches Newman: remove its entry from knownDifferences`
            : `${suite.name}: knownDifferences is out of date; set its items to ${JSON.stringify(items)}\n${lines.join('\n')}`,
        ).toEqual({ gone: [], added: [] })
      },
      120_000,
    )
  }
})
