import pc from 'picocolors'

/** Where a command writes, and how: injected so tests can run commands in-process. */
export interface Terminal {
  out: (text: string) => void
  err: (text: string) => void
  colors: Colors
  /** Whether standard output is a terminal (pretty output) or a pipe or file (output as received). */
  isTTY: boolean
}

/** The subset of picocolors the CLI uses; all identity functions when colour is off. */
export type Colors = Pick<
  ReturnType<typeof pc.createColors>,
  'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'cyan' | 'magenta' | 'blue' | 'gray'
>

/**
 * Decides whether to colour output: `NO_COLOR` (any value) turns it off, `FORCE_COLOR` on, otherwise only a TTY.
 * @example useColor({ env: process.env, isTTY: process.stdout.isTTY })
 */
export function useColor(options: {
  env: NodeJS.ProcessEnv
  isTTY: boolean | undefined
  flag?: boolean
}): boolean {
  if (options.flag !== undefined) return options.flag
  if (options.env.NO_COLOR !== undefined && options.env.NO_COLOR !== '') return false
  const force = options.env.FORCE_COLOR
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false'
  return options.isTTY === true
}

/**
 * The terminal of this process.
 * @example const terminal = processTerminal({ color: false })
 */
export function processTerminal(options: { color: boolean }): Terminal {
  return {
    isTTY: process.stdout.isTTY === true,
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    colors: pc.createColors(options.color),
  }
}
