import type { Warning } from '@courier/core'
import type { Terminal } from './terminal.js'

const shownWarnings = 20

/**
 * Prints import warnings on stderr, one a line with the JSON path, at most 20 and a count of the rest.
 * @example printWarnings(document.warnings, terminal)
 */
export function printWarnings(warnings: readonly Warning[], terminal: Terminal): void {
  for (const warning of warnings.slice(0, shownWarnings)) {
    terminal.err(`${terminal.colors.yellow('warning')}: ${warning.path}: ${warning.message}\n`)
  }
  if (warnings.length > shownWarnings) {
    terminal.err(`${terminal.colors.yellow('warning')}: … and ${warnings.length - shownWarnings} more\n`)
  }
}
