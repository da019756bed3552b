/** The characters the cli reporter draws with; Newman's `--disable-unicode` swaps them for plain ASCII. */
export interface CliSymbols {
  arrow: string
  ok: string
  fail: string
  skip: string
  console: string
  /** Between a script's owner and its event (`Folder › test`). */
  chevron: string
  /** Box drawing of the summary table: horizontal, vertical, and the corners and joints (all one character). */
  box: {
    h: string
    v: string
    tl: string
    tm: string
    tr: string
    ml: string
    mm: string
    mr: string
    bl: string
    bm: string
    br: string
    bt: string
  }
  barDone: string
  barTodo: string
  ellipsis: string
  mask: string
  /** Shown instead of a control character from a response body. */
  replacement: string
}

/** The default symbols. */
export const unicodeSymbols: CliSymbols = {
  arrow: '→',
  ok: '✓',
  fail: '✗',
  skip: '-',
  console: '┆',
  chevron: '›',
  box: {
    h: '─',
    v: '│',
    tl: '┌',
    tm: '┬',
    tr: '┐',
    ml: '├',
    mm: '┼',
    mr: '┤',
    bl: '└',
    bm: '┴',
    br: '┘',
    bt: '─',
  },
  barDone: '█',
  barTodo: '░',
  ellipsis: '…',
  mask: '••••',
  replacement: '\uFFFD',
}

/** Plain ASCII for terminals and logs that cannot show Unicode (`--disable-unicode`). */
export const asciiSymbols: CliSymbols = {
  arrow: '->',
  ok: 'ok',
  fail: 'x',
  skip: '-',
  console: '|',
  chevron: '>',
  box: {
    h: '-',
    v: '|',
    tl: '+',
    tm: '+',
    tr: '+',
    ml: '+',
    mm: '+',
    mr: '+',
    bl: '+',
    bm: '+',
    br: '+',
    bt: '-',
  },
  barDone: '#',
  barTodo: '-',
  ellipsis: '...',
  mask: '****',
  replacement: '?',
}
