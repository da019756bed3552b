import { parseDocument, Scalar, stringify } from 'yaml'
import type { PlainObject } from './json-value.js'
import { define, isPlainObject } from './json-value.js'
import type { FileProblem } from './types.js'

/**
 * YAML text of one file, as the Postman app writes it: the `yaml` package's defaults (double quotes where needed,
 * `|-` blocks, `\r` escaped, one trailing newline) except that long lines are not folded (`lineWidth: 0`: over
 * the v3 corpus this re-renders 873 of 1,184 app files byte-identical, against 738 when folding at 80), and never
 * anchors or aliases.
 */
export function renderYaml(value: PlainObject): string {
  return stringify(literalBlocks(value), { aliasDuplicateObjects: false, lineWidth: 0 })
}

/** A line holding only spaces or tabs, between two line breaks (or at the end). */
const WHITESPACE_LINE = /\n[ \t]+(\n|$)/

/**
 * The folded style (`>-`) of yaml 2.x loses whitespace-only lines; such text is given as a literal-block scalar
 * node instead (the rest stays plain data, styled by the library's defaults).
 */
function literalBlocks(value: unknown): unknown {
  if (typeof value === 'string') {
    if (!WHITESPACE_LINE.test(value)) return value
    const scalar = new Scalar(value)
    scalar.type = Scalar.BLOCK_LITERAL
    return scalar
  }
  if (Array.isArray(value)) return value.map(literalBlocks)
  if (isPlainObject(value)) {
    const out: PlainObject = {}
    for (const key of Object.keys(value)) define(out, key, literalBlocks(value[key]))
    return out
  }
  return value
}

/** A parsed file: its map, or the problem that stops it being read. */
export type ParsedYaml = { ok: true; value: PlainObject } | { ok: false; problem: FileProblem }

/** Parses one file's YAML (a leading BOM is ignored); a syntax error gives its line and column. */
export function parseYaml(text: string, path: string): ParsedYaml {
  const source = text.replace(/^\uFEFF/, '')
  let document = parseDocument(source, { prettyErrors: true, uniqueKeys: true })
  if (document.errors.length > 0) {
    // Postman's own reader accepts double-quoted text whose later lines sit at or left of the key (seen in
    // app-written files); the `yaml` package refuses it. Indenting those lines does not change the text.
    const indented = indentQuotedLines(source)
    if (indented !== source) {
      const retry = parseDocument(indented, { prettyErrors: true, uniqueKeys: true })
      if (retry.errors.length === 0) document = retry
    }
  }
  const error = document.errors[0]
  if (error !== undefined) {
    const position = error.linePos?.[0]
    const problem: FileProblem = {
      path,
      code: 'YAML_SYNTAX',
      message: `${path}: ${error.message.split('\n')[0] ?? ''}`,
    }
    if (position !== undefined) {
      problem.line = position.line
      problem.column = position.col
    }
    return { ok: false, problem }
  }
  const value: unknown = document.toJS()
  if (!isPlainObject(value)) {
    const found = value === null ? 'an empty document' : Array.isArray(value) ? 'a list' : `a ${typeof value}`
    return {
      ok: false,
      problem: { path, code: 'NOT_A_MAP', message: `${path}: expected a map, found ${found}` },
    }
  }
  return { ok: true, value }
}

/** `key: "…` opening a double-quoted scalar that runs past its line. */
const QUOTED_START = /^( *)(?:- +)?(?:"(?:[^"\\]|\\.)*"|'[^']*'|[^\s"'#][^:]*):[ \t]+"/

/**
 * Indents the continuation lines of multi-line double-quoted scalars to two spaces past their key. In a quoted
 * scalar, leading white space of continuation lines is not part of the value, so the value is unchanged.
 */
export function indentQuotedLines(text: string): string {
  const lines = text.split('\n')
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? ''
    const start = QUOTED_START.exec(line)
    if (start === null) continue
    const minimum = (start[1] ?? '').length + 2
    let open = !closesQuote(line.slice(start[0].length))
    while (open && index + 1 < lines.length) {
      index++
      const next = lines[index] ?? ''
      const indent = /^[ \t]*/.exec(next)?.[0].length ?? 0
      if (next.trim() !== '' && indent < minimum) lines[index] = ' '.repeat(minimum - indent) + next
      open = !closesQuote(next)
    }
  }
  return lines.join('\n')
}

/** Whether the text (inside a double-quoted scalar) holds its closing quote. */
function closesQuote(text: string): boolean {
  for (let at = 0; at < text.length; at++) {
    if (text[at] === '\\') at++
    else if (text[at] === '"') return true
  }
  return false
}
