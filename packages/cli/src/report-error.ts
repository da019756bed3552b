import { hintFor, isAppError } from '@courier/core'
import { ExitCode, exitCodes } from './exit-codes.js'
import type { Terminal } from './terminal.js'

/**
 * Prints an error the way a user can act on it and returns the exit code. An AppError is a user's mistake: one
 * line with what and where, a hint, and no stack trace unless `debug`. Anything else is a bug: the stack.
 * @example process.exitCode = reportError(error, terminal, { debug: false })
 */
export function reportError(error: unknown, terminal: Terminal, options: { debug: boolean }): number {
  const { colors } = terminal
  if (isAppError(error)) {
    terminal.err(`${colors.red(colors.bold('error'))}: ${error.message}\n`)
    terminal.err(`${colors.dim(`hint: ${hintFor(error.code, error.details)}`)}\n`)
    if (options.debug)
      terminal.err(`${colors.dim(JSON.stringify(error.toJSON(), null, 2))}\n${error.stack ?? ''}\n`)
    return exitCodes[error.code]
  }
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error)
  terminal.err(
    `${colors.red(colors.bold('internal error'))}: this is a bug in Courier; please report it.\n${stack}\n`,
  )
  return ExitCode.failure
}
