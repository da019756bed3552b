import type { Colors } from '../terminal.js'
import { unicodeSymbols, type CliSymbols } from './cli-symbols.js'

/** Where the bar is drawn: a terminal stream (standard error), or a stand-in in tests. */
export interface ProgressStream {
  write(text: string): unknown
  isTTY?: boolean
  columns?: number
}

/** A one-line progress bar redrawn in place; {@link clear} erases it before other output. */
export interface ProgressBar {
  /** Draws `done / total` and the current request's name. */
  update(done: number, total: number, current: string): void
  /** Erases the bar (before a line of output, or for good at the end). */
  clear(): void
}

// Carriage return then "erase to end of line" (ECMA-48 EL): the bar never leaves a line behind.
const erase = '\r\x1b[K'

/**
 * Whether a run should draw a progress bar: only on a terminal, not with `--silent`, not in CI logs (`CI` set, as
 * GitHub Actions, GitLab and Buildkite do), not on a `TERM=dumb` terminal.
 * @example if (wantsProgressBar({ stream: process.stderr, env: process.env, silent })) …
 */
export function wantsProgressBar(options: {
  stream: ProgressStream
  env: NodeJS.ProcessEnv
  silent: boolean
}): boolean {
  const { env } = options
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI !== 'false'
  return options.stream.isTTY === true && !options.silent && !ci && env.TERM !== 'dumb'
}

/**
 * A progress bar on `stream`: `[████████░░░░]  12/40  Folder/Request`, cut to the terminal's width, coloured only
 * when `colors` are (so `NO_COLOR` and `--color off` give a plain bar).
 * @example const bar = createProgressBar({ stream: process.stderr, colors: terminal.colors })
 */
export function createProgressBar(options: {
  stream: ProgressStream
  colors: Colors
  symbols?: CliSymbols
}): ProgressBar {
  const { stream, colors } = options
  const symbols = options.symbols ?? unicodeSymbols
  let shown = false
  return {
    update(done, total, current) {
      const columns = stream.columns !== undefined && stream.columns > 0 ? stream.columns : 80
      const width = 20
      const fraction = total <= 0 ? 1 : Math.min(1, done / total)
      const filled = Math.round(fraction * width)
      const count = `${done}/${total}`
      const room = columns - width - count.length - 7
      const name = room <= 0 ? '' : truncate(current, room, symbols.ellipsis)
      const paint = (color: (text: string) => string, text: string) => (text === '' ? '' : color(text))
      const bar = `${paint(colors.green, symbols.barDone.repeat(filled))}${paint(colors.dim, symbols.barTodo.repeat(width - filled))}`
      stream.write(`${erase}[${bar}]  ${count}  ${paint(colors.dim, name)}`)
      shown = true
    },
    clear() {
      if (!shown) return
      stream.write(erase)
      shown = false
    },
  }
}

function truncate(text: string, max: number, ellipsis: string): string {
  const chars = [...text.replace(/\p{Cc}/gu, ' ')]
  if (chars.length <= max) return chars.join('')
  return `${chars.slice(0, Math.max(0, max - ellipsis.length)).join('')}${ellipsis}`
}
