import { AppError } from '../errors/index.js'
import { lineAndColumn, locateJsonError } from './internal/locate-json-error.js'

/** Options for {@link parseJson}. */
export interface ParseJsonOptions {
  /** File name used in error messages. */
  source: string
}

/**
 * Parses JSON text; on failure throws JSON_INVALID with the 1-based line and column and what was expected there,
 * as `${source}:${line}:${column}: ${expected}`.
 * @example parseJson('{"a": 1,}', { source: 'c.json' }) // throws 'c.json:1:10: expected a double-quoted property name'
 */
export function parseJson(text: string, options: ParseJsonOptions): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch (cause) {
    const { source } = options
    const { offset, expected } = locateJsonError(text)
    const { line, column } = lineAndColumn(text, offset)
    throw new AppError(
      'JSON_INVALID',
      `${source}:${line}:${column}: ${expected}`,
      { source, line, column, expected },
      { cause },
    )
  }
}
