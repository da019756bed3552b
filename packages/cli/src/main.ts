import { readFileSync } from 'node:fs'
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander'
import { ExitCode } from './exit-codes.js'
import { processTerminal, useColor, type Terminal } from './terminal.js'
import { addTransportOptions, transportFlagsOf, type RawTransportFlags } from './transport-options.js'
import { addWorkspaceCommands } from './workspace-commands.js'

/** What `main` needs from the outside world; tests pass their own. */
export interface MainOptions {
  env?: NodeJS.ProcessEnv
  isTTY?: boolean
  terminal?: (options: { color: boolean }) => Terminal
}

/**
 * Runs the Courier CLI on `argv` (without node and the script) and returns the exit code. Commands are loaded
 * only when invoked, so `courier --version` stays fast.
 * @example process.exitCode = await main(['inspect', 'c.json'])
 */
export async function main(argv: readonly string[], options: MainOptions = {}): Promise<number> {
  const env = options.env ?? process.env
  const colorFlag = colorChoice(argv)
  const color = useColor({
    env,
    isTTY: options.isTTY ?? process.stdout.isTTY,
    ...(colorFlag === undefined ? {} : { flag: colorFlag }),
  })
  const terminal = (options.terminal ?? processTerminal)({ color })
  let exitCode: number = ExitCode.success
  const program = createProgram(terminal, (code) => {
    exitCode = code
  })
  try {
    await program.parseAsync([...argv], { from: 'user' })
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its message (unknown option, missing argument…) or the help/version.
      const shown = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code)
      return shown ? ExitCode.success : ExitCode.badInput
    }
    // Loaded only on failure: core (zod, faker) stays out of `courier --version`.
    const { reportError } = await import('./report-error.js')
    return reportError(error, terminal, { debug: argv.includes('--debug') })
  }
  return exitCode
}

interface InspectFlags {
  workspace?: string
  json?: boolean
  showSecrets?: boolean
  resolve?: boolean
  environment?: string
  globals?: string
}

interface AuthLoginFlags {
  workspace?: string
  preset?: string
  environment?: string
  globals?: string
  var: string[]
  manual?: boolean
  timeout: number
  json?: boolean
  proxy?: string
  sslExtraCaCerts?: string
}

interface SendFlags extends RawTransportFlags {
  workspace?: string
  method?: string
  header: string[]
  data?: string
  environment?: string
  globals?: string
  var: string[]
  include?: boolean
  json?: boolean
  showSecrets?: boolean
  pretty?: boolean
  output?: string
  fail?: boolean
  insecure?: boolean
  ignoreRedirects?: boolean
  timeoutRequest?: number
  maxResponseSize?: number
}

interface RunFlags extends RawTransportFlags {
  workspace?: string
  environment?: string
  globals?: string
  iterationData?: string
  iterationCount?: number
  folder: string[]
  envVar: string[]
  globalVar: string[]
  bail?: boolean | string[]
  delayRequest?: number
  timeoutRequest?: number
  timeoutScript?: number
  timeout?: number
  insecure?: boolean
  ignoreRedirects?: boolean
  reporters: string
  reporterJsonExport?: string
  reporterJunitExport?: string
  reporterHtmlExport?: string
  reporterCliSilent?: boolean
  reporterCliNoSummary?: boolean
  reporterCliNoFailures?: boolean
  reporterCliNoAssertions?: boolean
  reporterCliNoSuccessAssertions?: boolean
  reporterCliNoConsole?: boolean
  reporterCliShowTimestamps?: boolean
  exportEnvironment?: string
  exportGlobals?: string
  exportCollection?: string
  cookieJar?: string
  exportCookieJar?: string
  workingDir?: string
  insecureFileRead: boolean
  shard?: string
  disableUnicode?: boolean
  silent?: boolean
  verbose?: boolean
  suppressExitCode?: boolean
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value]
}

// Newman's `--bail folder,failure`: an unknown --folder is already an error here (exit 2), and Courier stops at
// the first failure of any kind, so both modifiers are accepted and mean plain --bail.
function parseBailModifiers(value: string): string[] {
  const modifiers = value.split(',').map((modifier) => modifier.trim())
  const unknown = modifiers.filter((modifier) => !['folder', 'failure'].includes(modifier))
  if (unknown.length > 0)
    throw new InvalidArgumentError(`expected folder and/or failure, not ${unknown.join(',')}`)
  return modifiers
}

function parseCount(value: string): number {
  const ms = Number(value)
  if (!Number.isInteger(ms) || ms < 0) throw new InvalidArgumentError('expected a whole number')
  return ms
}

// Drops undefined values, so optional properties stay absent (exactOptionalPropertyTypes).
function definedOnly<T extends Record<string, unknown>>(
  values: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>
  }
}

function createProgram(terminal: Terminal, setExitCode: (code: number) => void): Command {
  const program = new Command('courier')
    .description('Courier: a local-first API client for Postman collections.')
    .version(readVersion(), '-V, --version', 'print the version')
    .addOption(new Option('--debug', 'show stack traces and error details'))
    .addOption(
      new Option('--color [when]', 'coloured output: on, off or auto (default: auto, as Newman)').choices([
        'on',
        'off',
        'auto',
      ]),
    )
    .addOption(new Option('--no-color', 'disable coloured output (also: NO_COLOR=1)'))
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (text) => terminal.out(text),
      writeErr: (text) => terminal.err(text),
      outputError: (text, write) => write(`${terminal.colors.red(text.trimEnd())}\n`),
    })
    .exitOverride()

  program
    .command('inspect')
    .description(
      'show a collection, environment or globals file: folders, requests, variables, auth, scripts',
    )
    .argument(
      '<file>',
      'a Postman collection (v1, v2.0, v2.1), environment or globals JSON file, or a collection of the workspace',
    )
    .option('-w, --workspace <dir>', 'the workspace (default: the nearest one upward from here)')
    .option('--json', 'print the outline as JSON for scripts')
    .option('--show-secrets', 'print secret variable values instead of ••••')
    .option('--resolve', 'show request URLs with their {{variables}} resolved')
    .option('-e, --environment <file>', 'an environment file for --resolve')
    .option('-g, --globals <file>', 'a globals file for --resolve')
    .action(async (file: string, flags: InspectFlags) => {
      const { inspectCommand } = await import('./commands/inspect.js')
      const options = {
        json: flags.json === true,
        showSecrets: flags.showSecrets === true,
        resolve: flags.resolve === true || flags.environment !== undefined || flags.globals !== undefined,
        ...(flags.environment === undefined ? {} : { environment: flags.environment }),
        ...(flags.globals === undefined ? {} : { globals: flags.globals }),
        ...(flags.workspace === undefined ? {} : { workspace: flags.workspace }),
      }
      setExitCode(await inspectCommand(file, options, terminal))
    })

  program
    .command('convert')
    .description('convert a Postman collection (v1, v2.0, v2.1) or environment to Postman v2.1.0 JSON')
    .argument('<file>', 'the file to convert')
    .requiredOption('--to <format>', 'target format: postman-v2.1')
    .option('-o, --output <file>', 'write here (atomically) instead of standard output')
    .action(async (file: string, flags: { to: string; output?: string }) => {
      const { convertCommand } = await import('./commands/convert.js')
      setExitCode(await convertCommand(file, flags, terminal))
    })

  addTransportOptions(program.command('send'))
    .description('send one request: a request of a collection, or an ad hoc URL (curl-style flags)')
    .argument(
      '<collection|url>',
      'a Postman collection file, a workspace path ("Collection/Folder/Request"), or an ad hoc URL',
    )
    .argument('[request]', 'the request to send: its path ("Folder/Request"), name or id')
    .option('-w, --workspace <dir>', 'the workspace (default: the nearest one upward from here)')
    .option('-X, --method <method>', 'ad hoc: the method (default GET, or POST with -d)')
    .option('-H, --header <header>', "ad hoc: a header 'Name: value' (repeatable)", collect, [])
    .option('-d, --data <data>', 'ad hoc: the body, or @file to send a file')
    .option('-e, --environment <file|name>', 'an environment file, or an environment of the workspace')
    .option('-g, --globals <file>', 'a globals file (in a workspace: its globals by default)')
    .option('--var <name=value>', 'a variable that overrides every scope (repeatable)', collect, [])
    .option('-i, --include', 'print the status line and response headers before the body, on stdout')
    .option('--json', 'print the whole exchange (request as sent, response, timings) as JSON')
    .option('--show-secrets', 'print tokens, passwords and secret variables instead of ••••')
    .option('--pretty', 'indent and colour the body even when piped')
    .option('--no-pretty', 'print the body exactly as received, even on a terminal')
    .option('-o, --output <file>', 'write the response body to a file (atomically)')
    .option('--fail', 'exit 1 when the response status is 400 or more')
    .option('-k, --insecure', 'do not verify TLS certificates')
    .option('--ignore-redirects', 'do not follow redirects')
    .option('--timeout-request <ms>', 'give up on a response after this many milliseconds', parseCount)
    .option('--max-response-size <bytes>', 'refuse responses larger than this (default 256 MiB)', parseCount)
    .action(async (first: string, request: string | undefined, flags: SendFlags) => {
      const { sendCommand } = await import('./commands/send.js')
      const source =
        request === undefined
          ? {
              type: 'adhoc' as const,
              url: first,
              headers: flags.header,
              ...(flags.method === undefined ? {} : { method: flags.method.toUpperCase() }),
              ...(flags.data === undefined ? {} : { data: flags.data }),
            }
          : { type: 'collection' as const, file: first, request }
      setExitCode(
        await sendCommand(
          source,
          {
            vars: flags.var,
            include: flags.include === true,
            json: flags.json === true,
            showSecrets: flags.showSecrets === true,
            pretty: flags.pretty,
            fail: flags.fail === true,
            insecure: flags.insecure === true,
            followRedirects: flags.ignoreRedirects !== true,
            userAgent: `Courier/${readVersion()}`,
            ...definedOnly({
              environment: flags.environment,
              globals: flags.globals,
              workspace: flags.workspace,
              output: flags.output,
              timeoutRequestMs: flags.timeoutRequest,
              maxResponseBytes: flags.maxResponseSize,
            }),
            ...transportFlagsOf(flags),
          },
          terminal,
        ),
      )
    })

  addTransportOptions(program.command('run'))
    .description('run a collection as Newman does: iterations, data files, scripts and tests, reports')
    .argument(
      '<collection>',
      'a Postman collection file, or a collection (or "Collection/Folder") of the workspace',
    )
    .option('-w, --workspace <dir>', 'the workspace (default: the nearest one upward from here)')
    .option('-e, --environment <file|name>', 'an environment file, or an environment of the workspace')
    .option('-g, --globals <file>', 'a globals file (in a workspace: its globals by default)')
    .option(
      '-d, --iteration-data <file>',
      'a data file (CSV with a header row, or a JSON array): one iteration per row',
    )
    .option('-n, --iteration-count <n>', 'how many iterations (default: the data rows, or 1)', parseCount)
    .option('--folder <name>', 'run only this folder (or request), by name or path (repeatable)', collect, [])
    .option('--env-var <name=value>', 'set an environment variable (repeatable)', collect, [])
    .option('--global-var <name=value>', 'set a global variable (repeatable)', collect, [])
    .option(
      '--bail [modifiers]',
      "stop the run at the first failure (Newman's modifiers folder,failure are accepted)",
      parseBailModifiers,
    )
    .option('--delay-request <ms>', 'wait between requests', parseCount)
    .option('--timeout-request <ms>', 'give up on a response after this many milliseconds', parseCount)
    .option('--timeout-script <ms>', 'stop a script after this many milliseconds', parseCount)
    .option('--timeout <ms>', 'stop the whole run after this many milliseconds', parseCount)
    .option('-k, --insecure', 'do not verify TLS certificates')
    .option('--ignore-redirects', 'do not follow redirects')
    .option(
      '--shard <i/n>',
      'run only the i-th of n equal parts of the requests (a CI matrix; see merge-reports)',
    )
    .option('-r, --reporters <names>', 'reporters, comma-separated: cli, json, junit, html', 'cli')
    .option('--reporter-json-export <path>', 'where the json reporter writes (a file, or a folder)')
    .option('--reporter-junit-export <path>', 'where the junit reporter writes (a file, or a folder)')
    .option('--reporter-html-export <path>', 'where the html reporter writes (a file, or a folder)')
    .option('--reporter-cli-silent', 'the cli reporter prints nothing')
    .option('--reporter-cli-no-summary', 'no summary table')
    .option('--reporter-cli-no-failures', 'no failure list')
    .option('--reporter-cli-no-assertions', 'no assertion lines')
    .option('--reporter-cli-no-success-assertions', 'only failed and skipped assertions')
    .option('--reporter-cli-no-console', 'no console output of scripts')
    .option('--reporter-cli-show-timestamps', 'start each request line with the time')
    .option('--export-environment <file>', 'write the environment as the run left it')
    .option('--export-globals <file>', 'write the globals as the run left them')
    .option('--export-collection <file>', 'write the collection with its variables as the run left them')
    .option(
      '--cookie-jar <file>',
      'start with the cookies of this jar (serialized tough-cookie JSON, as Newman)',
    )
    .option('--export-cookie-jar <file>', 'write the cookie jar as the run left it')
    .option('--working-dir <path>', 'resolve form-data and binary file paths from here (default: .)')
    .option('--no-insecure-file-read', 'refuse to read request files outside the working directory')
    .option('--silent', 'print nothing')
    .option('--disable-unicode', 'plain ASCII instead of Unicode symbols and box drawing')
    .option('--verbose', 'also print request and response headers and response bodies')
    .option('-x, --suppress-exit-code', 'exit 0 even when requests, scripts or assertions failed')
    .action(async (file: string, flags: RunFlags) => {
      const { runCommand } = await import('./commands/run.js')
      const options = {
        folders: flags.folder,
        envVars: flags.envVar,
        globalVars: flags.globalVar,
        bail: flags.bail !== undefined,
        insecure: flags.insecure === true,
        ignoreRedirects: flags.ignoreRedirects === true,
        reporters: flags.reporters
          .split(',')
          .map((name) => name.trim())
          .filter((name) => name !== ''),
        silent: flags.silent === true,
        disableUnicode: flags.disableUnicode === true,
        verbose: flags.verbose === true,
        suppressExitCode: flags.suppressExitCode === true,
        insecureFileRead: flags.insecureFileRead,
        reporterCli: {
          silent: flags.reporterCliSilent === true,
          noSummary: flags.reporterCliNoSummary === true,
          noFailures: flags.reporterCliNoFailures === true,
          noAssertions: flags.reporterCliNoAssertions === true,
          noSuccessAssertions: flags.reporterCliNoSuccessAssertions === true,
          noConsole: flags.reporterCliNoConsole === true,
          showTimestamps: flags.reporterCliShowTimestamps === true,
        },
        version: readVersion(),
        ...definedOnly({
          workspace: flags.workspace,
          environment: flags.environment,
          globals: flags.globals,
          iterationData: flags.iterationData,
          iterationCount: flags.iterationCount,
          delayRequestMs: flags.delayRequest,
          timeoutRequestMs: flags.timeoutRequest,
          timeoutScriptMs: flags.timeoutScript,
          timeoutMs: flags.timeout,
          reporterJsonExport: flags.reporterJsonExport,
          reporterJunitExport: flags.reporterJunitExport,
          reporterHtmlExport: flags.reporterHtmlExport,
          exportEnvironment: flags.exportEnvironment,
          exportGlobals: flags.exportGlobals,
          exportCollection: flags.exportCollection,
          cookieJar: flags.cookieJar,
          exportCookieJar: flags.exportCookieJar,
          workingDir: flags.workingDir,
          shard: flags.shard,
        }),
        ...transportFlagsOf(flags),
      }
      setExitCode(await runCommand(file, options, terminal))
    })

  program
    .command('merge-reports')
    .description('join the json reports of a sharded run (courier run --shard i/n -r json) into one')
    .argument('<reports...>', 'the json reports, one per shard')
    .option('-o, --output <file>', 'write here (atomically) instead of standard output')
    .action(async (reports: string[], flags: { output?: string }) => {
      const { mergeReportsCommand } = await import('./commands/merge-reports.js')
      setExitCode(await mergeReportsCommand(reports, definedOnly({ output: flags.output }), terminal))
    })

  program
    .command('ui')
    .description('open the web UI of a workspace (served on 127.0.0.1; the URL is printed)')
    .argument('[workspace]', 'the workspace folder (default: the nearest one upward from here)')
    .option('--port <n>', 'listen on this port (0: a free one)', parseCount, 0)
    .option('--no-open', 'only print the URL; do not open a browser')
    .action(async (workspace: string | undefined, flags: { port: number; open: boolean }) => {
      const { uiCommand } = await import('./commands/ui.js')
      setExitCode(
        await uiCommand(
          workspace,
          { port: flags.port, open: flags.open, userAgent: `Courier/${readVersion()}` },
          terminal,
        ),
      )
    })

  const auth = program.command('auth').description('OAuth 2.0 tokens: log in, list, show, log out')
  auth
    .command('login')
    .description(
      "run the OAuth 2.0 grant of a collection's auth (or a folder's or request's) and store the token",
    )
    .argument('<collection>', 'a Postman collection file')
    .argument('[item]', 'a folder or request whose (inherited) auth to use; default: the collection’s')
    .option('-w, --workspace <dir>', 'the workspace (default: the nearest one upward from here)')
    .option(
      '-e, --environment <file>',
      'an environment file, or an environment of the workspace (client ID and secret, URLs)',
    )
    .option('-g, --globals <file>', 'a globals file')
    .option('--var <name=value>', 'a variable that overrides every scope (repeatable)', collect, [])
    .option('--preset <provider>', "fill the provider's endpoints and client authentication (goto)")
    .option('--manual', 'print the authorization URL and paste back the redirect URL or code (no listener)')
    .option('--timeout <seconds>', 'how long to wait for the browser', parseCount, 300)
    .option('--json', 'print the stored token’s summary as JSON (never the token itself)')
    .option('--proxy <url>', 'reach the token endpoint through this proxy')
    .option('--ssl-extra-ca-certs <file>', 'also trust the CA certificates in this PEM file')
    .action(async (file: string, item: string | undefined, flags: AuthLoginFlags) => {
      const { authLoginCommand } = await import('./commands/auth.js')
      const options = {
        vars: flags.var,
        manual: flags.manual === true,
        timeoutMs: flags.timeout * 1000,
        json: flags.json === true,
        ...definedOnly({
          preset: flags.preset,
          workspace: flags.workspace,
          environment: flags.environment,
          globals: flags.globals,
          proxy: flags.proxy,
          sslExtraCaCerts: flags.sslExtraCaCerts,
        }),
      }
      setExitCode(await authLoginCommand(file, item, options, terminal))
    })
  auth
    .command('list')
    .description('list stored tokens: name, expiry, fields (never the tokens themselves)')
    .option('-w, --workspace <dir>', 'the workspace whose tokens (default: the one here, if any)')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean; workspace?: string }) => {
      const { authListCommand } = await import('./commands/auth.js')
      setExitCode(
        await authListCommand(
          { json: flags.json === true, ...definedOnly({ workspace: flags.workspace }) },
          terminal,
        ),
      )
    })
  auth
    .command('token')
    .description('show a stored token; the token itself only with --show-secrets')
    .argument('<name>', 'the Token Name')
    .option('--show-secrets', 'print the access token (and with --json, the refresh token and all fields)')
    .option('-w, --workspace <dir>', 'the workspace whose tokens (default: the one here, if any)')
    .option('--json', 'print JSON')
    .action(async (name: string, flags: { showSecrets?: boolean; json?: boolean; workspace?: string }) => {
      const { authTokenCommand } = await import('./commands/auth.js')
      setExitCode(
        await authTokenCommand(
          name,
          {
            showSecrets: flags.showSecrets === true,
            json: flags.json === true,
            ...definedOnly({ workspace: flags.workspace }),
          },
          terminal,
        ),
      )
    })
  auth
    .command('logout')
    .description('delete a stored token')
    .argument('<name>', 'the Token Name')
    .option('-w, --workspace <dir>', 'the workspace whose tokens (default: the one here, if any)')
    .action(async (name: string, flags: { workspace?: string }) => {
      const { authLogoutCommand } = await import('./commands/auth.js')
      setExitCode(await authLogoutCommand(name, terminal, definedOnly({ workspace: flags.workspace })))
    })

  const workspaceCommands = addWorkspaceCommands(program, terminal, setExitCode)
  for (const command of new Set([...program.commands, ...auth.commands, ...workspaceCommands])) {
    command
      .exitOverride()
      .configureOutput(program.configureOutput())
      .showHelpAfterError('(run with --help for usage)')
  }
  return program
}

/** `--no-color` → off; `--color on|off|auto` (Newman's) or `--color=…`; a bare `--color` → on; else undecided. */
function colorChoice(argv: readonly string[]): boolean | undefined {
  let choice: boolean | undefined
  for (const [index, arg] of argv.entries()) {
    if (arg === '--') break
    if (arg === '--no-color') choice = false
    const value = arg.startsWith('--color=')
      ? arg.slice('--color='.length)
      : arg === '--color'
        ? argv[index + 1]
        : undefined
    if (arg === '--color' || arg.startsWith('--color=')) {
      choice = value === 'off' ? false : value === 'auto' ? undefined : true
    }
  }
  return choice
}

function readVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string
  }
  return manifest.version
}
