import { readFileSync } from 'node:fs'
import { Command, CommanderError, Option } from 'commander'
import { ExitCode } from './exit-codes.js'
import { processTerminal, useColor, type Terminal } from './terminal.js'

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
  const colorFlag = argv.includes('--no-color') ? false : argv.includes('--color') ? true : undefined
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
  json?: boolean
  showSecrets?: boolean
  resolve?: boolean
  environment?: string
  globals?: string
}

function createProgram(terminal: Terminal, setExitCode: (code: number) => void): Command {
  const program = new Command('courier')
    .description('Courier: a local-first API client for Postman collections.')
    .version(readVersion(), '-V, --version', 'print the version')
    .addOption(new Option('--debug', 'show stack traces and error details'))
    .addOption(new Option('--color', 'force coloured output'))
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
    .argument('<file>', 'a Postman collection (v1, v2.0, v2.1), environment or globals JSON file')
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

  for (const command of program.commands) {
    command
      .exitOverride()
      .configureOutput(program.configureOutput())
      .showHelpAfterError('(run with --help for usage)')
  }
  return program
}

function readVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string
  }
  return manifest.version
}
