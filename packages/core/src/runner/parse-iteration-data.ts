import { parse } from 'csv-parse/sync'
import { AppError } from '../errors/index.js'

/** Options for {@link parseIterationData}. */
export interface ParseIterationDataOptions {
  /** The file's name, for error messages. */
  source: string
  /** `csv` or `json`; guessed from the source's extension, then from the text, when absent. */
  format?: 'csv' | 'json'
}

/**
 * Parses a data file (Newman's `-d`) into iteration rows: a CSV file with a header row (BOM, quoted commas and
 * new lines allowed; unquoted numbers become numbers, as in Newman) or a JSON array of objects.
 * @throws AppError ITERATION_DATA_INVALID naming the source and, for CSV, the line.
 * @example parseIterationData('id,name\n1,"Doe, Jane"\n', { source: 'data.csv' }) // [{ id: '1', name: 'Doe, Jane' }]
 */
export function parseIterationData(
  text: string,
  options: ParseIterationDataOptions,
): Record<string, unknown>[] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text
  const format = options.format ?? guessFormat(body, options.source)
  return format === 'json' ? parseJsonRows(body, options.source) : parseCsvRows(body, options.source)
}

function guessFormat(text: string, source: string): 'csv' | 'json' {
  const lower = source.toLowerCase()
  if (lower.endsWith('.json')) return 'json'
  if (lower.endsWith('.csv')) return 'csv'
  return /^\s*[[{]/.test(text) ? 'json' : 'csv'
}

function parseCsvRows(text: string, source: string): Record<string, unknown>[] {
  try {
    // Newman's CSV dialect (its integration suites comma-test-csv and csv-with-bom): values and headers trimmed,
    // stray quotes inside unquoted fields kept, short rows allowed, unquoted numbers read as numbers.
    return parse<Record<string, unknown>>(text, {
      columns: true,
      bom: true,
      trim: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      cast: (value, context) => (context.header || context.quoting ? value : castNumber(value)),
    })
  } catch (error) {
    const line = (error as { lines?: unknown }).lines
    const reason = (error as Error).message
    throw new AppError(
      'ITERATION_DATA_INVALID',
      `${source}: invalid CSV${typeof line === 'number' ? ` at line ${line}` : ''}: ${reason}`,
      { source, ...(typeof line === 'number' ? { line } : {}), reason },
      { cause: error },
    )
  }
}

/** An unquoted decimal number becomes a number; anything else (and integers past 2^53) stays text. */
function castNumber(value: string): string | number {
  if (!/^[+-]?\d+(\.\d+)?$/.test(value)) return value
  const number = Number(value)
  return Number.isInteger(number) && !Number.isSafeInteger(number) ? value : number
}

function parseJsonRows(text: string, source: string): Record<string, unknown>[] {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    const reason = (error as Error).message
    throw new AppError('ITERATION_DATA_INVALID', `${source}: invalid JSON: ${reason}`, { source, reason })
  }
  const rows = Array.isArray(value) ? value : [value]
  for (const [index, row] of rows.entries()) {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      const reason = `row ${index + 1} is not an object`
      throw new AppError('ITERATION_DATA_INVALID', `${source}: ${reason}`, { source, reason })
    }
  }
  return rows as Record<string, unknown>[]
}
